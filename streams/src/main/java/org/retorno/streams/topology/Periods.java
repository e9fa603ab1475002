package org.retorno.streams.topology;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import org.retorno.avro.Granularity;
import org.retorno.avro.TimePrecision;

/**
 * The calendar of the counts, shared by the topology and whoever reads its outputs: days are
 * calendar days, weeks run Monday to Sunday (ISO 8601), months are calendar months.
 */
public final class Periods {
  private Periods() {}

  public static LocalDate start(Granularity granularity, LocalDate date) {
    return switch (granularity) {
      case DAY -> date;
      case WEEK -> date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      case MONTH -> date.withDayOfMonth(1);
    };
  }

  /** Inclusive. */
  public static LocalDate end(Granularity granularity, LocalDate date) {
    return switch (granularity) {
      case DAY -> date;
      case WEEK -> start(granularity, date).plusDays(6);
      case MONTH -> date.with(TemporalAdjusters.lastDayOfMonth());
    };
  }

  /**
   * Whether an event dated to this precision is counted in this granularity's periods: a figure
   * known only for a month (a monthly table row) cannot be placed on a day or in a week, where it
   * would look like a spike.
   */
  public static boolean counts(Granularity granularity, TimePrecision precision) {
    return granularity == Granularity.MONTH
        || (precision != TimePrecision.MONTH && precision != TimePrecision.YEAR);
  }

  /**
   * Whether a figure of this precision is stated for a whole period of this granularity (or more)
   * rather than for a part of it: a monthly table row covers its month; a day's news is a part of it.
   */
  static boolean covers(Granularity granularity, TimePrecision precision) {
    int stated = switch (precision) {
      case DAY -> 0;
      case WEEK -> 1;
      case MONTH -> 2;
      case YEAR, UNKNOWN -> 3;
    };
    int period = switch (granularity) {
      case DAY -> 0;
      case WEEK -> 1;
      case MONTH -> 2;
    };
    return stated >= period;
  }
}
