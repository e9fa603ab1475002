package org.retorno.faults.crash;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The claim records on {@code claims} against those a fault-free pipeline sends for the raw
 * records actually on the raw topic, as multisets of (claim id, retracted). The counts show a
 * record processed twice only by luck: a re-sent claim replaces itself in its event, and a replay
 * adds to a period's sums (figure, events, claims) only where it reaches them before a commit.
 * The output records always do: every raw record processed again after a restart sends its claims again,
 * unless the crashed transaction was aborted and a read_committed reader never sees them.
 *
 * @param claimRecordsExpected claim records a fault-free run sends
 * @param claimRecordsRead claim records read from the topic
 * @param extra records read more often than expected (duplicated, or not expected at all)
 * @param missing records expected more often than read
 * @param examples a few differing claims with their expected and read counts, for the report
 */
public record ClaimsLedger(long claimRecordsExpected, long claimRecordsRead, long extra, long missing,
    List<String> examples) {
  private static final int EXAMPLES = 5;

  public boolean exact() {
    return extra == 0 && missing == 0;
  }

  static ClaimsLedger of(Collection<ClaimEntry> expected, Collection<ClaimEntry> read) {
    Map<ClaimEntry, Long> want = multiset(expected);
    Map<ClaimEntry, Long> got = multiset(read);
    TreeSet<ClaimEntry> all = new TreeSet<>(want.keySet());
    all.addAll(got.keySet());
    long extra = 0;
    long missing = 0;
    List<String> examples = new ArrayList<>();
    for (ClaimEntry entry : all) {
      long expectedTimes = want.getOrDefault(entry, 0L);
      long readTimes = got.getOrDefault(entry, 0L);
      extra += Math.max(0, readTimes - expectedTimes);
      missing += Math.max(0, expectedTimes - readTimes);
      if (expectedTimes != readTimes && examples.size() < EXAMPLES) {
        examples.add("claim " + entry + ": expected " + expectedTimes + " records, read " + readTimes);
      }
    }
    return new ClaimsLedger(expected.size(), read.size(), extra, missing, List.copyOf(examples));
  }

  private static Map<ClaimEntry, Long> multiset(Collection<ClaimEntry> entries) {
    Map<ClaimEntry, Long> counts = new TreeMap<>();
    entries.forEach(entry -> counts.merge(entry, 1L, Long::sum));
    return counts;
  }
}
