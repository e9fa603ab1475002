package org.retorno.streams.api;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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

  static CountRow of(CityCounts counts) {
    List<Cell> cells = new ArrayList<>();
    for (CategoryCount count : counts.getCounts()) {
      cells.add(new Cell(count.getCategory(), count.getValue(), List.copyOf(count.getEventIds()),
          List.copyOf(count.getClaimIds())));
    }
    return new CountRow(counts.getCityId(), counts.getCityName(), counts.getAdmin1Code(),
        counts.getGranularity(), counts.getPeriodStart(), counts.getPeriodEnd(), List.copyOf(cells),
        counts.getStatus().name(), counts.getRevision());
  }

  long value(Category category) {
    return cells.stream().filter(cell -> cell.category() == category).mapToLong(Cell::value).sum();
  }
}
