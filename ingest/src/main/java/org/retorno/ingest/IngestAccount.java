package org.retorno.ingest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What one ingest run did with its inputs. {@code read = produced + duplicates + rejected + not sent}
 * always holds: nothing read is unaccounted for. Not sent items exist only in the account of a run
 * that ended because Kafka did not acknowledge them.
 *
 * @param duplicates items whose key was already on the topic (sent by an earlier run) or already
 *     read in this run (a syndicated copy, a repeated row)
 * @param notSent items, and rejection records, that Kafka did not acknowledge
 */
public record IngestAccount(long read, long produced, long duplicates, long rejected,
    SortedMap<String, Long> rejectedByReason, List<Rejected> rejections, List<NotSent> notSent) {

  public IngestAccount {
    long notSentItems = notSent.stream().filter(item -> !item.isRejectionRecord()).count();
    if (read != produced + duplicates + rejected + notSentItems) {
      throw new IllegalStateException("ingest account does not add up: read " + read + " != produced "
          + produced + " + duplicates " + duplicates + " + rejected " + rejected + " + not sent " + notSentItems);
    }
    rejectedByReason = Collections.unmodifiableSortedMap(new TreeMap<>(rejectedByReason));
    rejections = List.copyOf(rejections);
    notSent = List.copyOf(notSent);
  }

  public IngestAccount(long read, long produced, long duplicates, long rejected,
      SortedMap<String, Long> rejectedByReason, List<Rejected> rejections) {
    this(read, produced, duplicates, rejected, rejectedByReason, rejections, List.of());
  }

  public static IngestAccount of(long produced, long duplicates, List<Rejected> rejections) {
    return of(produced, duplicates, rejections, List.of());
  }

  public static IngestAccount of(long produced, long duplicates, List<Rejected> rejections, List<NotSent> notSent) {
    SortedMap<String, Long> byReason = rejections.stream()
        .collect(Collectors.groupingBy(Rejected::reason, TreeMap::new, Collectors.counting()));
    long notSentItems = notSent.stream().filter(item -> !item.isRejectionRecord()).count();
    return new IngestAccount(produced + duplicates + rejections.size() + notSentItems, produced, duplicates,
        rejections.size(), byReason, rejections, notSent);
  }

  public static IngestAccount empty() {
    return of(0, 0, List.of());
  }

  /** This account and a later one of the same kind of input, as one (a watched inbox adds up its polls). */
  public IngestAccount plus(IngestAccount later) {
    List<Rejected> allRejections = new ArrayList<>(rejections);
    allRejections.addAll(later.rejections);
    List<NotSent> allNotSent = new ArrayList<>(notSent);
    allNotSent.addAll(later.notSent);
    return of(produced + later.produced, duplicates + later.duplicates, allRejections, allNotSent);
  }

  /** Input items Kafka did not acknowledge (rejection records not included). */
  public long notSentItems() {
    return notSent.stream().filter(item -> !item.isRejectionRecord()).count();
  }

  /** One line: "read 12, produced 10, duplicates 1, rejected 1 (unknown place: 1)". */
  public String summary() {
    String counts = "read " + read + ", produced " + produced + ", duplicates " + duplicates
        + ", rejected " + rejected;
    if (!rejectedByReason.isEmpty()) {
      counts += rejectedByReason.entrySet().stream()
          .map(entry -> entry.getKey() + ": " + entry.getValue())
          .collect(Collectors.joining(", ", " (", ")"));
    }
    if (!notSent.isEmpty()) {
      long records = notSent.size() - notSentItems();
      counts += ", not sent " + notSentItems() + (records == 0 ? "" : " (and " + records + " rejection record"
          + (records == 1 ? "" : "s") + ")");
    }
    return counts;
  }
}
