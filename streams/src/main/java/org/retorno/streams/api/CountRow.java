package org.retorno.streams.api;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.retorno.avro.Category;
import org.retorno.avro.CategoryCount;
import org.retorno.avro.CityCounts;
import org.retorno.avro.Granularity;

/**
 * Exact counts of one city for one period, as the stores hold them: what analysts see and what
 * instances send each other. status is PROVISIONAL or SETTLED; revision counts changes after settling. Public answers are derived from these by {@link Disclosure}.
 */
record CountRow(long cityId, String cityName, String admin1Code, Granularity granularity,
    LocalDate periodStart, LocalDate periodEnd, List<Cell> cells, String status, int revision) {

  /** One category's figure with the events and claims behind it. */
  record Cell(Category category, long value, List<String> eventIds, List<String> claimIds) {}

  /** The row without its ids, which are on count-provenance ({@link #withProvenance}). */
  static CountRow of(CityCounts counts) {
    List<Cell> cells = new ArrayList<>();
    for (CategoryCount count : counts.getCounts()) {
      cells.add(new Cell(count.getCategory(), count.getValue(), List.of(), List.of()));
    }
    return new CountRow(counts.getCityId(), counts.getCityName(), counts.getAdmin1Code(),
        counts.getGranularity(), counts.getPeriodStart(), counts.getPeriodEnd(), List.copyOf(cells),
        counts.getStatus().name(), counts.getRevision());
  }

  /** The row with each cell's event and claim ids, sorted, from the entries of its days. */
  CountRow withProvenance(List<Provenance> entries) {
    Map<Category, TreeSet<String>> events = new EnumMap<>(Category.class);
    Map<Category, TreeSet<String>> claims = new EnumMap<>(Category.class);
    for (Provenance entry : entries) {
      events.computeIfAbsent(entry.category(), c -> new TreeSet<>()).add(entry.eventId());
      claims.computeIfAbsent(entry.category(), c -> new TreeSet<>()).addAll(entry.claimIds());
    }
    List<Cell> filled = new ArrayList<>();
    for (Cell cell : cells) {
      filled.add(new Cell(cell.category(), cell.value(),
          List.copyOf(events.getOrDefault(cell.category(), new TreeSet<>())),
          List.copyOf(claims.getOrDefault(cell.category(), new TreeSet<>()))));
    }
    return new CountRow(cityId, cityName, admin1Code, granularity, periodStart, periodEnd, List.copyOf(filled),
        status, revision);
  }

  long value(Category category) {
    return cells.stream().filter(cell -> cell.category() == category).mapToLong(Cell::value).sum();
  }
}
