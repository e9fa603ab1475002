package org.retorno.local.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.retorno.avro.Category;
import org.retorno.avro.CategoryCount;
import org.retorno.avro.CityCounts;
import org.retorno.avro.SpikeAlert;

/**
 * Renders per-city counts as a plain-text table: one row per city and category, totalled over
 * the days, with the days, events and the first and last day behind it.
 */
public final class CountsTable {
  private CountsTable() {}

  record Row(String city, Category category, long total, int days, int events, String first,
      String last) {}

  public static List<Row> rows(List<CityCounts> daily) {
    Map<String, Map<Category, List<CityCounts>>> byCity = new TreeMap<>();
    for (CityCounts day : daily) {
      for (CategoryCount count : day.getCounts()) {
        byCity.computeIfAbsent(day.getCityName(), city -> new TreeMap<>())
            .computeIfAbsent(count.getCategory(), category -> new ArrayList<>()).add(day);
      }
    }
    List<Row> rows = new ArrayList<>();
    byCity.forEach((city, categories) -> categories.forEach((category, days) -> {
      long total = 0;
      TreeSet<String> events = new TreeSet<>();
      TreeSet<String> dates = new TreeSet<>();
      for (CityCounts day : days) {
        for (CategoryCount count : day.getCounts()) {
          if (count.getCategory() == category) {
            total += count.getValue();
            events.addAll(count.getEventIds());
          }
        }
        dates.add(day.getPeriodStart().toString());
      }
      rows.add(new Row(city, category, total, dates.size(), events.size(), dates.first(), dates.last()));
    }));
    return rows;
  }

  public static String render(List<CityCounts> daily) {
    List<Row> rows = rows(daily);
    if (rows.isEmpty()) {
      return "  (no counts yet)\n";
    }
    StringBuilder out = new StringBuilder();
    String format = "  %-16s %-18s %7s %5s %7s  %-10s  %-10s%n";
    out.append(String.format(format, "city", "category", "count", "days", "events", "first day", "last day"));
    out.append(String.format(format, "-".repeat(16), "-".repeat(18), "-".repeat(7), "-".repeat(5),
        "-".repeat(7), "-".repeat(10), "-".repeat(10)));
    for (Row row : rows) {
      out.append(String.format(format, row.city(), row.category(), row.total(), row.days(),
          row.events(), row.first(), row.last()));
    }
    return out.toString();
  }

  public static String renderAlerts(List<SpikeAlert> alerts) {
    if (alerts.isEmpty()) {
      return "  (no alerts)\n";
    }
    StringBuilder out = new StringBuilder();
    for (SpikeAlert alert : alerts) {
      out.append(String.format("  %s %s %s %s %s: observed %.0f, expected %.1f, threshold %.1f (%s)%s%n",
          alert.getSeverity(), alert.getKind(), alert.getCityName(), alert.getCategory(),
          alert.getPeriodStart(), alert.getObserved(), alert.getExpected(), alert.getThreshold(),
          alert.getMethod(), alert.getProvisional() ? ", provisional" : ""));
    }
    return out.toString();
  }
}
