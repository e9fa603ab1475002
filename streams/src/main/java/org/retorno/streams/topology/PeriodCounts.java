package org.retorno.streams.topology;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.retorno.avro.CategoryCount;
import org.retorno.avro.CityCounts;
import org.retorno.avro.Event;
import org.retorno.avro.Granularity;
import org.retorno.avro.PeriodEvent;

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

  LocalDate periodStart(LocalDate date) {
    return Periods.start(granularity, date);
  }

  LocalDate periodEnd(LocalDate date) {
    return Periods.end(granularity, date);
  }

  boolean holds(PeriodEvent event) {
    return Periods.counts(granularity, event.getEventDatePrecision());
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
   * Adds or removes one event. A period's value is the larger of what covering figures say and what
   * its parts add up to, never their sum: a month's total from a table already contains the daily
   * returns and news of that month, and adding both would count those people twice. The cell
   * keeps how many events and claims are behind it, not their ids: those are on count-provenance,
   * since every revision of a month would otherwise carry all of the month's ids again.
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
    if (Periods.covers(granularity, event.getEventDatePrecision())) {
      covering += sign * event.getFigure();
    } else {
      parts += sign * event.getFigure();
    }
    int events = (existing != null ? existing.getEvents() : 0) + sign;
    int claims = (existing != null ? existing.getClaims() : 0) + sign * event.getClaimIds().size();
    if (events > 0) {
      categories.add(new CategoryCount(event.getCategory(), Math.max(covering, parts), events, claims,
          covering, parts));
    }
    categories.sort(Comparator.comparing(c -> c.getCategory().ordinal()));
    counts.setCounts(categories);
    return counts;
  }
}
