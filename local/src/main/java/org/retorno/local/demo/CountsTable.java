package org.retorno.local.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.Optional;
import java.util.function.Function;
import org.retorno.avro.Event;
import org.retorno.avro.Category;
import org.retorno.avro.CategoryCount;
import org.retorno.avro.CityCounts;
import org.retorno.avro.Granularity;
import org.retorno.avro.PeriodEvent;
import org.retorno.avro.SpikeAlert;
import org.retorno.streams.topology.Periods;

/**
 * Renders per-city counts as a plain-text table: one row per city and category, totalled over
 * the periods, with the periods, events and sources behind it and the first and last period.
 */
public final class CountsTable {
  private CountsTable() {}

  record Row(String city, Category category, long total, int days, int events, int sources,
      String first, String last, String note) {}

  /**
   * One row per city name and category. A row's events are the provenance entries of its cells:
   * the counts carry only how many events they hold, count-provenance which ones, and an event
   * dated only to a month or year counts in months alone ({@link Periods#counts}).
   */
  public static List<Row> rows(List<CityCounts> counts, List<PeriodEvent> provenance,
      Function<String, Optional<Event>> events) {
    Map<String, Map<Category, List<CityCounts>>> byCity = new TreeMap<>();
    Set<Granularity> granularities = EnumSet.noneOf(Granularity.class);
    for (CityCounts period : counts) {
      granularities.add(period.getGranularity());
      for (CategoryCount count : period.getCounts()) {
        byCity.computeIfAbsent(period.getCityName(), city -> new TreeMap<>())
            .computeIfAbsent(count.getCategory(), category -> new ArrayList<>()).add(period);
      }
    }
    Map<String, Set<String>> eventsByCell = new HashMap<>();
    for (PeriodEvent entry : provenance) {
      for (Granularity granularity : granularities) {
        if (Periods.counts(granularity, entry.getEventDatePrecision())) {
          eventsByCell.computeIfAbsent(cell(granularity, entry.getCityId(),
              Periods.start(granularity, entry.getEventDate()), entry.getCategory()), key -> new TreeSet<>())
              .add(entry.getId());
        }
      }
    }
    List<Row> rows = new ArrayList<>();
    byCity.forEach((city, categories) -> categories.forEach((category, periods) -> {
      long total = 0;
      TreeSet<String> eventIds = new TreeSet<>();
      TreeSet<String> dates = new TreeSet<>();
      for (CityCounts period : periods) {
        for (CategoryCount count : period.getCounts()) {
          if (count.getCategory() == category) {
            total += count.getValue();
          }
        }
        eventIds.addAll(eventsByCell.getOrDefault(cell(period.getGranularity(), period.getCityId(),
            period.getPeriodStart(), category), Set.of()));
        dates.add(period.getPeriodStart().toString());
      }
      TreeSet<String> sources = new TreeSet<>();
      List<String> conflicts = new ArrayList<>();
      for (String eventId : eventIds) {
        events.apply(eventId).ifPresent(event -> {
          sources.addAll(event.getSourceIds());
          if (event.getConflict()) {
            conflicts.add(event.getLow() + "-" + event.getHigh() + " reported, " + event.getFigure()
                + " counted (" + event.getFigureRule() + ")");
          }
        });
      }
      rows.add(new Row(city, category, total, dates.size(), eventIds.size(), sources.size(),
          dates.first(), dates.last(), String.join("; ", conflicts)));
    }));
    return rows;
  }

  private static String cell(Granularity granularity, long cityId, LocalDate periodStart, Category category) {
    return granularity + ":" + cityId + ":" + periodStart + ":" + category;
  }

  public static String render(List<CityCounts> counts, List<PeriodEvent> provenance,
      Function<String, Optional<Event>> events) {
    List<Row> rows = rows(counts, provenance, events);
    if (rows.isEmpty()) {
      return "  (no counts yet)\n";
    }
    StringBuilder out = new StringBuilder();
    String format = "  %-14s %-16s %6s %5s %7s %8s  %-10s  %-10s  %s%n";
    out.append(String.format(format, "city", "category", "count", "periods", "events", "sources",
        "first", "last", "note"));
    out.append(String.format(format, "-".repeat(14), "-".repeat(16), "-".repeat(6), "-".repeat(5),
        "-".repeat(7), "-".repeat(8), "-".repeat(10), "-".repeat(10), "-".repeat(4)));
    for (Row row : rows) {
      out.append(String.format(format, row.city(), row.category(), row.total(), row.days(),
          row.events(), row.sources(), row.first(), row.last(), row.note()).stripTrailing()).append('\n');
    }
    return out.toString();
  }

  /** The alerts that stand: the latest version of each, without the withdrawn ones. */
  public static String renderAlerts(List<SpikeAlert> updates) {
    Map<String, SpikeAlert> latest = new TreeMap<>();
    updates.forEach(alert -> latest.put(alert.getId(), alert));
    List<SpikeAlert> standing = latest.values().stream().filter(alert -> !alert.getWithdrawn())
        .sorted(java.util.Comparator.comparing(SpikeAlert::getCityName)
            .thenComparing(alert -> alert.getCategory().ordinal())
            .thenComparing(alert -> alert.getGranularity().ordinal())
            .thenComparing(SpikeAlert::getPeriodStart))
        .toList();
    if (standing.isEmpty()) {
      return "  (no alerts)\n";
    }
    StringBuilder out = new StringBuilder();
    for (SpikeAlert alert : standing) {
      if (alert.getKind() == org.retorno.avro.AlertKind.NEW_LOCATION) {
        out.append(String.format("  %-7s %-13s %-14s %-16s %s: first %s with a count (new location activated)%n",
            alert.getSeverity(), alert.getKind(), alert.getCityName(), alert.getCategory(),
            alert.getPeriodStart(), alert.getGranularity().name().toLowerCase(java.util.Locale.ROOT)));
      } else {
        out.append(String.format("  %-7s %-13s %-14s %-16s %s..%s %s: observed %.0f, expected %.1f, alarm above %.1f (%s)%s%n",
            alert.getSeverity(), alert.getKind(), alert.getCityName(), alert.getCategory(),
            alert.getPeriodStart(), alert.getLastPeriod(), alert.getGranularity().name().toLowerCase(java.util.Locale.ROOT),
            alert.getObserved(), alert.getExpected(), alert.getThreshold(), alert.getMethod(),
            alert.getProvisional() ? ", provisional" : ""));
      }
    }
    return out.toString();
  }
}
