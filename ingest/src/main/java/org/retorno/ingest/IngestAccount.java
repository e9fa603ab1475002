package org.retorno.ingest;

import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What one ingest run did with its inputs. {@code read = produced + duplicates + rejected} always
 * holds: nothing read is unaccounted for.
 */
public record IngestAccount(long read, long produced, long duplicates, long rejected,
    SortedMap<String, Long> rejectedByReason, List<Rejected> rejections) {

  public IngestAccount {
    if (read != produced + duplicates + rejected) {
      throw new IllegalStateException("ingest account does not add up: read " + read + " != produced "
          + produced + " + duplicates " + duplicates + " + rejected " + rejected);
    }
    rejectedByReason = Collections.unmodifiableSortedMap(new TreeMap<>(rejectedByReason));
    rejections = List.copyOf(rejections);
  }

  public static IngestAccount of(long produced, long duplicates, List<Rejected> rejections) {
    SortedMap<String, Long> byReason = rejections.stream()
        .collect(Collectors.groupingBy(Rejected::reason, TreeMap::new, Collectors.counting()));
    return new IngestAccount(produced + duplicates + rejections.size(), produced, duplicates,
        rejections.size(), byReason, rejections);
  }

  /** One line: "read 12, produced 10, duplicates 1, rejected 1 (unknown place: 1)". */
  public String summary() {
    String counts = "read " + read + ", produced " + produced + ", duplicates " + duplicates
        + ", rejected " + rejected;
    if (rejectedByReason.isEmpty()) {
      return counts;
    }
    return counts + rejectedByReason.entrySet().stream()
        .map(entry -> entry.getKey() + ": " + entry.getValue())
        .collect(Collectors.joining(", ", " (", ")"));
  }
}
