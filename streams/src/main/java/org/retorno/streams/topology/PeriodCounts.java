package org.retorno.streams.topology;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.retorno.avro.CategoryCount;
import org.retorno.avro.CityCounts;
import org.retorno.avro.Event;
import org.retorno.avro.Granularity;
import org.retorno.avro.PeriodEvent;
import org.retorno.avro.TimePrecision;

/**
 * The adder and subtractor of the per-city tables, one per granularity. When an event changes (a
 * late claim lowers its figure, moves its date) the table first subtracts the old event and then
 * adds the new one, so counts are revised rather than appended to.
 */
final class PeriodCounts {
  private final Granularity granularity;

  PeriodCounts(Granularity granularity) {
    this.granularity = granularity;
  }

  /** Days are calendar days, weeks run Monday to Sunday (ISO 8601), months are calendar months. */
  LocalDate periodStart(LocalDate date) {
    return switch (granularity) {
      case DAY -> date;
      case WEEK -> date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      case MONTH -> date.withDayOfMonth(1);
    };
  }

  LocalDate periodEnd(LocalDate date) {
    return switch (granularity) {
      case DAY -> date;
      case WEEK -> periodStart(date).plusDays(6);
      case MONTH -> date.with(TemporalAdjusters.lastDayOfMonth());
    };
  }

  /**
   * Whether an event belongs in this granularity's periods: a figure known only for a month (a
   * monthly table row) cannot be placed on a day or in a week, where it would look like a spike.
   */
  boolean holds(PeriodEvent event) {
    return granularity == Granularity.MONTH
        || (event.getEventDatePrecision() != TimePrecision.MONTH
            && event.getEventDatePrecision() != TimePrecision.YEAR);
  }

  /** "geonamesId:yyyy-mm-dd" (the period's first day): one city's periods sort chronologically. */
  String key(PeriodEvent event) {
    return event.getCityId() + ":" + periodStart(event.getEventDate());
  }

  CityCounts empty() {
    return CityCounts.newBuilder()
        .setCityId(0L)
        .setCityName("")
        .setAdmin1Code("")
        .setGranularity(granularity)
        .setPeriodStart(LocalDate.EPOCH)
        .setPeriodEnd(LocalDate.EPOCH)
        .setCounts(new ArrayList<>())
        .build();
  }

  /** What the counts read of an event: its figure, date, city and claims, not its sources or range. */
  static PeriodEvent periodEvent(Event event) {
    return PeriodEvent.newBuilder()
        .setId(event.getId())
        .setCityId(event.getPlace().getGeonamesId())
        .setCityName(event.getPlace().getName())
        .setAdmin1Code(event.getPlace().getAdmin1Code() != null ? event.getPlace().getAdmin1Code() : "")
        .setCategory(event.getCategory())
        .setEventDate(event.getEventDate())
        .setEventDatePrecision(event.getEventDatePrecision())
        .setFigure(event.getFigure())
        .setClaimIds(event.getClaimIds())
        .build();
  }

  CityCounts add(String key, PeriodEvent event, CityCounts current) {
    CityCounts next = CityCounts.newBuilder(current)
        .setCityId(event.getCityId())
        .setCityName(event.getCityName())
        .setAdmin1Code(event.getAdmin1Code())
        .setPeriodStart(periodStart(event.getEventDate()))
        .setPeriodEnd(periodEnd(event.getEventDate()))
        .build();
    return withCategory(next, event, +1);
  }

  CityCounts subtract(String key, PeriodEvent event, CityCounts current) {
    return withCategory(CityCounts.newBuilder(current).build(), event, -1);
  }

  /**
   * Whether an event's figure is stated for this whole period (or more) rather than for a part of
   * it: a monthly table row covers its month; a day's news is a part of it.
   */
  private boolean covers(PeriodEvent event) {
    int precision = switch (event.getEventDatePrecision()) {
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
    return precision >= period;
  }

  /**
   * Adds or removes one event. A period's value is the larger of what covering figures say and what
   * its parts add up to, never their sum: a month's total from a table already contains the daily
   * returns and news of that month, and adding both would count those people twice.
   */
  private CityCounts withCategory(CityCounts counts, PeriodEvent event, int sign) {
    List<CategoryCount> categories = new ArrayList<>();
    CategoryCount existing = null;
    for (CategoryCount count : counts.getCounts()) {
      if (count.getCategory() == event.getCategory()) {
        existing = count;
      } else {
        categories.add(count);
      }
    }
    long covering = existing != null ? existing.getCovering() : 0L;
    long parts = existing != null ? existing.getParts() : 0L;
    if (covers(event)) {
      covering += sign * event.getFigure();
    } else {
      parts += sign * event.getFigure();
    }
    List<String> eventIds = new ArrayList<>(existing != null ? existing.getEventIds() : List.of());
    List<String> claimIds = new ArrayList<>(existing != null ? existing.getClaimIds() : List.of());
    if (sign > 0) {
      SortedIds.add(eventIds, event.getId());
      event.getClaimIds().forEach(id -> SortedIds.add(claimIds, id));
    } else {
      SortedIds.remove(eventIds, event.getId());
      event.getClaimIds().forEach(id -> SortedIds.remove(claimIds, id));
    }
    if (!eventIds.isEmpty()) {
      categories.add(new CategoryCount(event.getCategory(), Math.max(covering, parts), eventIds, claimIds,
          covering, parts));
    }
    categories.sort(Comparator.comparing(c -> c.getCategory().ordinal()));
    counts.setCounts(categories);
    return counts;
  }
}
