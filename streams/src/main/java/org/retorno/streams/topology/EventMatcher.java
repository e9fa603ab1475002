package org.retorno.streams.topology;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.retorno.avro.Claim;
import org.retorno.avro.Count;
import org.retorno.avro.EventMember;
import org.retorno.avro.EventMembers;
import org.retorno.avro.TimePrecision;

/**
 * Decides whether a claim describes an event already seen. The same event is reported many
 * times with different numbers ("69", "about 70"; a flight of 126 or 129), so counts are compared
 * as intervals of plausible true values, and dates within a window that widens when either date
 * is imprecise. Counts over stated periods (table rows, differenced running totals) are one event
 * only when their periods are the same: a table lists distinct periods.
 */
final class EventMatcher {
  /** Reports of one exact figure differ by a few percent (126 vs 129 for one flight). */
  private static final double EXACT_TOLERANCE = 0.05;
  private static final double APPROXIMATE_TOLERANCE = 0.15;
  /** "Dozens" is read as 12 but may be far more. */
  private static final double VAGUE_CEILING_FACTOR = 10.0;

  private final TopologyConfig config;

  EventMatcher(TopologyConfig config) {
    this.config = config;
  }

  /** Distance in days to the closest member when the claim matches the cluster, else -1. */
  long distance(EventMember claim, EventMembers cluster) {
    long best = -1;
    LocalDate date = EventMembership.dateOf(claim);
    for (EventMember member : cluster.getMembers()) {
      if (claim.getPeriodRow() && member.getPeriodRow()
          && (claim.getSourceId().equals(member.getSourceId()) || !samePeriod(claim, member))) {
        continue;
      }
      long days = Math.abs(ChronoUnit.DAYS.between(date, EventMembership.dateOf(member)));
      if (days <= window(claim, member) && overlap(claim.getCount(), member.getCount())
          && (best < 0 || days < best)) {
        best = days;
      }
    }
    return best;
  }

  static boolean periodRow(Claim claim) {
    return CaseCountClaims.fromTable(claim) || CumulativeIncrements.isIncrement(claim);
  }

  private static boolean samePeriod(EventMember a, EventMember b) {
    return EventMembership.dateOf(a).equals(EventMembership.dateOf(b))
        && java.util.Objects.equals(a.getPeriodEnd(), b.getPeriodEnd());
  }

  private long window(EventMember a, EventMember b) {
    boolean bothDays = a.getEventDatePrecision() == TimePrecision.DAY
        && b.getEventDatePrecision() == TimePrecision.DAY;
    return bothDays ? config.sameDayWindowDays() : config.coarseWindowDays();
  }

  static boolean overlap(Count a, Count b) {
    double[] x = interval(a);
    double[] y = interval(b);
    return x[0] <= y[1] && y[0] <= x[1];
  }

  static double[] interval(Count count) {
    double value = count.getValue();
    return switch (count.getKind()) {
      case EXACT -> new double[] {value * (1 - EXACT_TOLERANCE), value * (1 + EXACT_TOLERANCE)};
      case APPROXIMATE -> new double[] {value * (1 - APPROXIMATE_TOLERANCE),
          value * (1 + APPROXIMATE_TOLERANCE)};
      case MINIMUM -> new double[] {value, Double.POSITIVE_INFINITY};
      case RANGE -> new double[] {
          count.getLow() != null ? count.getLow() : value,
          count.getHigh() != null ? count.getHigh() : value};
      case VAGUE -> new double[] {value, value * VAGUE_CEILING_FACTOR};
    };
  }
}
