package org.retorno.streams.topology;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import org.retorno.avro.CountKind;
import org.retorno.avro.Event;
import org.retorno.avro.EventMember;
import org.retorno.avro.EventMembers;
import org.retorno.avro.SourceKind;
import org.retorno.avro.TimePrecision;

/**
 * Turns the claims of one event into the event: the reported figure by a stated, conservative
 * rule, the range of figures and a conflict flag, the best-known date, and the sources behind it.
 */
final class EventFigures {
  private EventFigures() {}

  static Event toEvent(EventMembers cluster) {
    List<EventMember> claims = cluster.getMembers();
    EventMember first = claims.get(0);
    Figure figure = figure(claims);
    long low = claims.stream().mapToLong(EventFigures::lowOf).min().orElseThrow();
    long high = claims.stream().mapToLong(EventFigures::highOf).max().orElseThrow();
    boolean conflict = claims.stream().map(c -> c.getCount().getValue()).distinct().count() > 1;
    EventMember dated = claims.stream().min(Comparator
        .comparing((EventMember c) -> c.getEventDatePrecision().ordinal())
        .thenComparing(EventMembership::dateOf)).orElseThrow();
    TreeSet<String> claimIds = new TreeSet<>();
    TreeSet<String> sourceIds = new TreeSet<>();
    for (EventMember claim : claims) {
      claimIds.add(claim.getId());
      sourceIds.add(claim.getSourceId());
    }
    LocalDate date = EventMembership.dateOf(dated);
    TimePrecision precision = dated.getEventDate() != null
        ? dated.getEventDatePrecision() : TimePrecision.UNKNOWN;
    return Event.newBuilder()
        .setId(cluster.getEventId())
        .setPlace(EventMembership.placeOf(cluster, first))
        .setCategory(first.getCategory())
        .setEventDate(date)
        .setEventDatePrecision(precision)
        .setFigure(figure.value())
        .setFigureRule(figure.rule())
        .setLow(low)
        .setHigh(high)
        .setConflict(conflict)
        .setClaimIds(List.copyOf(claimIds))
        .setSourceIds(List.copyOf(sourceIds))
        .setCorroboration(independentSources(claims))
        .build();
  }

  record Figure(long value, String rule) {}

  /**
   * Distinct independent sources: claims from one outlet or organisation are one source, and so
   * are syndicated copies of one text published under different names (near fingerprints).
   */
  static int independentSources(List<EventMember> claims) {
    int[] parent = new int[claims.size()];
    for (int i = 0; i < parent.length; i++) {
      parent[i] = i;
    }
    for (int i = 0; i < claims.size(); i++) {
      for (int j = i + 1; j < claims.size(); j++) {
        if (sameSource(claims.get(i), claims.get(j))) {
          parent[root(parent, i)] = root(parent, j);
        }
      }
    }
    int sources = 0;
    for (int i = 0; i < parent.length; i++) {
      if (root(parent, i) == i) {
        sources++;
      }
    }
    return sources;
  }

  private static boolean sameSource(EventMember a, EventMember b) {
    if (a.getSourceName().equals(b.getSourceName()) || a.getSourceId().equals(b.getSourceId())) {
      return true;
    }
    return a.getSourceFingerprint() != null && b.getSourceFingerprint() != null
        && TextFingerprint.sameSource(a.getSourceFingerprint(), b.getSourceFingerprint());
  }

  private static int root(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  /**
   * An international organisation's or government's own exact figure first, then the lowest exact
   * figure of any source, then the lowest stated value of whatever kind (ACLED's conservative rule).
   */
  static Figure figure(List<EventMember> claims) {
    var official = claims.stream()
        .filter(c -> c.getCount().getKind() == CountKind.EXACT && isOfficial(c.getSourceKind()))
        .mapToLong(c -> c.getCount().getValue()).min();
    if (official.isPresent()) {
      return new Figure(official.getAsLong(), "lowest exact figure of an official source");
    }
    var exact = claims.stream().filter(c -> c.getCount().getKind() == CountKind.EXACT)
        .mapToLong(c -> c.getCount().getValue()).min();
    if (exact.isPresent()) {
      return new Figure(exact.getAsLong(), "lowest exact figure");
    }
    long lowest = claims.stream().mapToLong(c -> c.getCount().getValue()).min().orElseThrow();
    return new Figure(lowest, "lowest stated figure (no exact figure reported)");
  }

  private static boolean isOfficial(SourceKind kind) {
    return kind == SourceKind.INTERNATIONAL_ORG || kind == SourceKind.GOVERNMENT
        || kind == SourceKind.COURT_DATA;
  }

  private static long lowOf(EventMember claim) {
    return claim.getCount().getLow() != null ? claim.getCount().getLow() : claim.getCount().getValue();
  }

  private static long highOf(EventMember claim) {
    return claim.getCount().getHigh() != null ? claim.getCount().getHigh() : claim.getCount().getValue();
  }
}
