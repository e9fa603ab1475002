package org.retorno.streams.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.retorno.avro.EventMembers;

/**
 * The events of one (city, category, week), read through a bounded cache of decoded weeks in
 * front of the events store. A claim is compared with every event of three weeks; reading them
 * from the store decoded all of them for every claim, while a replay touches the same few weeks
 * over and over. The store stays the truth: every change is written to it at once, and the cache
 * is dropped whenever the task (re)initializes or closes, when the store may have been restored.
 */
final class EventWeeks {
  private static final StringSerializer PREFIX_SERIALIZER = new StringSerializer();

  private final KeyValueStore<String, EventMembers> store;
  private final Map<String, List<KeyValue<String, EventMembers>>> weeks;

  EventWeeks(KeyValueStore<String, EventMembers> store, int maxWeeks) {
    this.store = store;
    this.weeks = new LeastRecentlyUsed<>(maxWeeks);
  }

  /** The events under a week's key prefix, in key order (the order they were founded). */
  List<KeyValue<String, EventMembers>> week(String prefix) {
    List<KeyValue<String, EventMembers>> events = weeks.get(prefix);
    if (events == null) {
      events = new ArrayList<>();
      try (KeyValueIterator<String, EventMembers> stored = store.prefixScan(prefix, PREFIX_SERIALIZER)) {
        stored.forEachRemaining(events::add);
      }
      weeks.put(prefix, events);
    }
    return events;
  }

  /** Writes an event of the week under {@code prefix}; a new key goes last (keys grow within a week). */
  void put(String prefix, String key, EventMembers event) {
    store.put(key, event);
    List<KeyValue<String, EventMembers>> events = week(prefix);
    for (int i = 0; i < events.size(); i++) {
      if (events.get(i).key.equals(key)) {
        events.set(i, KeyValue.pair(key, event));
        return;
      }
    }
    events.add(KeyValue.pair(key, event));
  }

  void delete(String prefix, String key) {
    store.delete(key);
    week(prefix).removeIf(event -> event.key.equals(key));
  }

  void clear() {
    weeks.clear();
  }
}
