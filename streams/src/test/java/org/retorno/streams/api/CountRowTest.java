package org.retorno.streams.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.retorno.avro.Category;
import org.retorno.avro.CategoryCount;
import org.retorno.avro.CityCounts;
import org.retorno.avro.Granularity;
import org.retorno.avro.PeriodStatus;
import org.retorno.avro.TimePrecision;

/**
 * Cells no longer carry ids; the API attaches them from count-provenance, so the JSON of counts
 * lists each cell's events and claims as it did when they were inside the counts.
 */
class CountRowTest {
  private static final long TIJUANA = 3981609L;
  private static final LocalDate MONDAY = LocalDate.of(2019, 7, 8);

  private static CountRow week() {
    return CountRow.of(CityCounts.newBuilder()
        .setCityId(TIJUANA)
        .setCityName("Tijuana")
        .setAdmin1Code("MX-BCN")
        .setGranularity(Granularity.WEEK)
        .setPeriodStart(MONDAY)
        .setPeriodEnd(MONDAY.plusDays(6))
        .setCounts(List.of(
            new CategoryCount(Category.MPP_RETURN, 60L, 2, 3, 0L, 60L),
            new CategoryCount(Category.KIDNAPPING, 3L, 1, 1, 0L, 3L),
            new CategoryCount(Category.EXTORTION, 2L, 1, 1, 0L, 2L)))
        .setStatus(PeriodStatus.SETTLED)
        .setRevision(2)
        .build());
  }

  private static Provenance entry(String eventId, Category category, int day, String... claimIds) {
    return new Provenance(eventId, TIJUANA, category, MONDAY.plusDays(day), TimePrecision.DAY, List.of(claimIds));
  }

  @Test
  void aRowReadFromTheStoreHasNoIdsUntilProvenanceIsAttached() {
    assertThat(week().cells()).extracting(CountRow.Cell::eventIds, CountRow.Cell::claimIds)
        .containsOnly(org.assertj.core.groups.Tuple.tuple(List.of(), List.of()));
  }

  @Test
  void eachCellGetsItsCategorysIdsSortedAndOnce() {
    // Out of order, and ev-a twice: two instances may both answer for a partition while it moves.
    CountRow filled = week().withProvenance(List.of(
        entry("ev-b", Category.MPP_RETURN, 3, "c-b2", "c-b1"),
        entry("ev-k", Category.KIDNAPPING, 1, "c-k"),
        entry("ev-a", Category.MPP_RETURN, 0, "c-a"),
        entry("ev-a", Category.MPP_RETURN, 0, "c-a"),
        entry("ev-x", Category.ASSAULT, 2, "c-x")));

    assertThat(filled.cells()).containsExactly(
        new CountRow.Cell(Category.MPP_RETURN, 60L, List.of("ev-a", "ev-b"), List.of("c-a", "c-b1", "c-b2")),
        new CountRow.Cell(Category.KIDNAPPING, 3L, List.of("ev-k"), List.of("c-k")),
        new CountRow.Cell(Category.EXTORTION, 2L, List.of(), List.of()));
    // An entry of a category the row has no cell for adds none, and the rest of the row is kept.
    assertThat(filled).isEqualTo(new CountRow(TIJUANA, "Tijuana", "MX-BCN", Granularity.WEEK, MONDAY,
        MONDAY.plusDays(6), filled.cells(), "SETTLED", 2));
  }

  @Test
  void withoutEntriesEveryCellHasEmptyIds() {
    CountRow row = week();
    assertThat(row.withProvenance(List.of())).isEqualTo(row);
  }
}
