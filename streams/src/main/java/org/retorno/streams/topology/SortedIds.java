package org.retorno.streams.topology;

import java.util.Collections;
import java.util.List;

/**
 * Id lists kept sorted and free of duplicates in place. A period's lists hold every event and
 * claim id behind it, thousands in a month; copying them into a sorted set and back on every
 * update cost more than the update itself.
 */
final class SortedIds {
  private SortedIds() {}

  static void add(List<String> sorted, String id) {
    int at = Collections.binarySearch(sorted, id);
    if (at < 0) {
      sorted.add(-at - 1, id);
    }
  }

  static void remove(List<String> sorted, String id) {
    int at = Collections.binarySearch(sorted, id);
    if (at >= 0) {
      sorted.remove(at);
    }
  }
}
