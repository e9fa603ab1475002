package org.retorno.ingest;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The keys already sent to each topic, by earlier runs (read once from the {@link SentHistory}) and
 * by this ingestor since. A key is taken when its record is sent and given back if Kafka never
 * acknowledges it, so the next run (or the next poll of an inbox) sends it again.
 */
final class KnownKeys {
  private final SentHistory history;
  private final Map<String, Set<String>> byTopic = new HashMap<>();

  KnownKeys(SentHistory history) {
    this.history = history;
  }

  /** @return true when the key was not known and is now taken */
  boolean take(String topic, String key) {
    return keys(topic).add(key);
  }

  void giveBack(String topic, String key) {
    keys(topic).remove(key);
  }

  /** Reads a topic's history now, so a failure to read it comes before anything is sent. */
  void load(String topic) {
    keys(topic);
  }

  private Set<String> keys(String topic) {
    return byTopic.computeIfAbsent(topic, history::keysOn);
  }
}
