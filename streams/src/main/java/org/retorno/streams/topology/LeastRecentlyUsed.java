package org.retorno.streams.topology;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A map that drops its least recently used entry beyond a capacity: the processors' in-memory
 * shortcuts over their stores (decoded weeks, decoded series, last verdicts), each of which must
 * stay bounded however many cities and periods a task holds.
 */
final class LeastRecentlyUsed<K, V> extends LinkedHashMap<K, V> {
  private final int capacity;

  LeastRecentlyUsed(int capacity) {
    super(64, 0.75f, true);
    this.capacity = capacity;
  }

  @Override
  protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
    return size() > capacity;
  }
}
