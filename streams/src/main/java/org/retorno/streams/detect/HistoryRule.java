package org.retorno.streams.detect;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.retorno.avro.Granularity;

/**
 * When a series has too little history for a statistical alarm. A series (one city, one metric,
 * one granularity) is <em>activated</em> by its first period with a count above 0: before it
 * there is nothing to compare with (Nuevo Laredo and Matamoros joined MPP in July 2019; zeros
 * before a city joins are not a baseline, and against them any first report would alarm).
 *
 * <ul>
 *   <li>QUIET: never active and still 0. Nothing to say.</li>
 *   <li>NEW_LOCATION: the activation period itself. A "new location activated" event, not an alarm.</li>
 *   <li>WARMING_UP: active for fewer periods than the method reads ({@link SpikeMethod#history()}),
 *   so its window would reach back before activation. No alarm, no event.</li>
 *   <li>ESTABLISHED: the method's whole window lies at or after activation. Judge it.</li>
 * </ul>
 */
public final class HistoryRule {
  public enum Status { QUIET, NEW_LOCATION, WARMING_UP, ESTABLISHED }

  /**
   * Marks "never active" for {@link #status(int, int, double, int)}. Other negative indexes are
   * real: the series was activated before the oldest period the caller still keeps.
   */
  public static final int NEVER_ACTIVE = Integer.MIN_VALUE;

  private HistoryRule() {
  }

  /**
   * By period index.
   *
   * @param firstActive index of the first period before {@code t} with a count above 0 (negative if
   *     before the oldest period kept), or {@link #NEVER_ACTIVE}
   * @param t the period judged
   * @param count its count
   * @param required the method's {@link SpikeMethod#history()}
   */
  public static Status status(int firstActive, int t, double count, int required) {
    if (firstActive == NEVER_ACTIVE || firstActive >= t) {
      return count > 0 ? Status.NEW_LOCATION : Status.QUIET;
    }
    return (long) t - firstActive >= required ? Status.ESTABLISHED : Status.WARMING_UP;
  }

  /**
   * By period start, as the topology keys its periods.
   *
   * @param firstActive start of the first period with a count above 0, or null if none yet
   */
  public static Status status(LocalDate firstActive, LocalDate period, Granularity granularity, double count,
      int required) {
    if (firstActive == null || !firstActive.isBefore(period)) {
      return count > 0 ? Status.NEW_LOCATION : Status.QUIET;
    }
    return periodsBetween(firstActive, period, granularity) >= required ? Status.ESTABLISHED : Status.WARMING_UP;
  }

  /** Whole periods from {@code from} to {@code to}: days, weeks (Monday starts) or calendar months (first days). */
  public static long periodsBetween(LocalDate from, LocalDate to, Granularity granularity) {
    return switch (granularity) {
      case DAY -> ChronoUnit.DAYS.between(from, to);
      case WEEK -> Math.floorDiv(ChronoUnit.DAYS.between(from, to), 7);
      case MONTH -> ChronoUnit.MONTHS.between(from, to);
    };
  }

  /** The index of the first period with a count above 0 before {@code t}, or {@link #NEVER_ACTIVE}. */
  public static int firstActive(double[] counts, int t) {
    for (int i = 0; i < t; i++) {
      if (counts[i] > 0) {
        return i;
      }
    }
    return NEVER_ACTIVE;
  }
}
