package org.retorno.ingest;

import java.util.HashSet;
import java.util.Set;

/**
 * What earlier runs already sent, so a rerun sends only what is missing. For a raw topic that is the
 * set of record keys (content hashes); for the rejection topic the set of rejection ids, which
 * travel in the {@link #REJECTION_ID_HEADER} header.
 */
public interface SentHistory {
  String REJECTION_ID_HEADER = "retorno.rejection-id";

  /**
   * @return a mutable set of the keys (or rejection ids) on {@code topic}
   * @throws IngestException when the topic cannot be read
   */
  Set<String> keysOn(String topic);

  /** No memory of earlier runs: every run sends all it reads (for tests and one-off loads). */
  static SentHistory none() {
    return topic -> new HashSet<>();
  }
}
