package org.retorno.local.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.retorno.avro.Category;
import org.retorno.avro.CategoryCount;
import org.retorno.avro.CityCounts;
import org.retorno.avro.Event;
import org.retorno.avro.Granularity;
import org.retorno.avro.PeriodEvent;
import org.retorno.avro.TimePrecision;
import org.retorno.schemas.geo.BorderCity;

/**
 * The demo's table takes a row's events from count-provenance, since the counts carry only how
 * many there are: the events of the row's cells, at the counts' granularity, and no others.
 */
class CountsTableTest {
  private static final BorderCity TIJUANA = BorderCity.TIJUANA;
  private static final BorderCity MEXICALI = BorderCity.MEXICALI;

  private static CityCounts period(BorderCity city, Granularity granularity, LocalDate start, LocalDate end,
      CategoryCount... counts) {
    return CityCounts.newBuilder().setCityId(city.geonamesId()).setCityName(city.displayName())
        .setAdmin1Code(city.admin1Code()).setGranularity(granularity).setPeriodStart(start).setPeriodEnd(end)
        .setCounts(List.of(counts)).build();
  }

  private static CityCounts month(BorderCity city, LocalDate start, CategoryCount... counts) {
    return period(city, Granularity.MONTH, start, start.withDayOfMonth(start.lengthOfMonth()), counts);
  }

  private static PeriodEvent entry(String id, BorderCity city, Category category, LocalDate date,
      TimePrecision precision, long figure) {
    return PeriodEvent.newBuilder().setId(id).setCityId(city.geonamesId()).setCityName(city.displayName())
        .setAdmin1Code(city.admin1Code()).setCategory(category).setEventDate(date).setEventDatePrecision(precision)
        .setFigure(figure).setClaimIds(List.of("claim-" + id)).build();
  }

  private static Event event(String id, boolean conflict, String... sources) {
    return Event.newBuilder().setId(id).setPlace(TIJUANA.toPlace()).setCategory(Category.MPP_RETURN)
        .setEventDate(LocalDate.of(2019, 7, 1)).setEventDatePrecision(TimePrecision.MONTH).setFigure(1120L)
        .setFigureRule("lowest exact figure").setLow(240L).setHigh(1120L).setConflict(conflict)
        .setClaimIds(List.of("claim-" + id)).setSourceIds(List.of(sources)).setCorroboration(sources.length).build();
  }

  /** A month-only table row, two daily reports and an extortion, among entries of other cells. */
  private static final List<PeriodEvent> PROVENANCE = List.of(
      entry("tj-table-07", TIJUANA, Category.MPP_RETURN, LocalDate.of(2019, 7, 1), TimePrecision.MONTH, 1120L),
      entry("tj-day-07-10", TIJUANA, Category.MPP_RETURN, LocalDate.of(2019, 7, 10), TimePrecision.DAY, 45L),
      entry("tj-day-08-05", TIJUANA, Category.MPP_RETURN, LocalDate.of(2019, 8, 5), TimePrecision.DAY, 300L),
      entry("tj-extortion", TIJUANA, Category.EXTORTION, LocalDate.of(2019, 7, 20), TimePrecision.DAY, 3L),
      entry("mx-day-07-10", MEXICALI, Category.MPP_RETURN, LocalDate.of(2019, 7, 10), TimePrecision.DAY, 21L),
      entry("tj-day-09-02", TIJUANA, Category.MPP_RETURN, LocalDate.of(2019, 9, 2), TimePrecision.DAY, 9L));

  private static final Map<String, Event> EVENTS = Map.of(
      "tj-table-07", event("tj-table-07", true, "inm-table", "news-1"),
      "tj-day-07-10", event("tj-day-07-10", false, "news-1"),
      "tj-day-08-05", event("tj-day-08-05", false, "news-2"));

  @Test
  void aMonthRowHasTheEventsOfItsCellsFromProvenance() {
    List<CityCounts> months = List.of(
        month(TIJUANA, LocalDate.of(2019, 7, 1),
            new CategoryCount(Category.MPP_RETURN, 1120L, 2, 2, 1120L, 45L),
            new CategoryCount(Category.EXTORTION, 3L, 1, 1, 0L, 3L)),
        month(TIJUANA, LocalDate.of(2019, 8, 1), new CategoryCount(Category.MPP_RETURN, 300L, 1, 1, 0L, 300L)));

    List<CountsTable.Row> rows = CountsTable.rows(months, PROVENANCE, id -> Optional.ofNullable(EVENTS.get(id)));

    // Mexicali and September have no cell here, so their entries are not this table's.
    assertThat(rows).containsExactly(
        new CountsTable.Row("Tijuana", Category.MPP_RETURN, 1420L, 2, 3, 3, "2019-07-01", "2019-08-01",
            "240-1120 reported, 1120 counted (lowest exact figure)"),
        new CountsTable.Row("Tijuana", Category.EXTORTION, 3L, 1, 1, 0, "2019-07-01", "2019-07-01", ""));
    // Each event is in one month, so a row's events are its cells' counts added up.
    assertThat(rows.get(0).events()).isEqualTo(months.stream().flatMap(month -> month.getCounts().stream())
        .filter(count -> count.getCategory() == Category.MPP_RETURN).mapToInt(CategoryCount::getEvents).sum());
  }

  @Test
  void anEventKnownOnlyToTheMonthIsNotInAWeeksRow() {
    List<CityCounts> weeks = List.of(period(TIJUANA, Granularity.WEEK, LocalDate.of(2019, 7, 8),
        LocalDate.of(2019, 7, 14), new CategoryCount(Category.MPP_RETURN, 45L, 1, 1, 0L, 45L)));

    List<CountsTable.Row> rows = CountsTable.rows(weeks, PROVENANCE, id -> Optional.ofNullable(EVENTS.get(id)));

    assertThat(rows).containsExactly(new CountsTable.Row("Tijuana", Category.MPP_RETURN, 45L, 1, 1, 1,
        "2019-07-08", "2019-07-08", ""));
  }

  @Test
  void withoutProvenanceARowStillHasItsFiguresButNoEvents() {
    List<CityCounts> months = List.of(month(TIJUANA, LocalDate.of(2019, 8, 1),
        new CategoryCount(Category.MPP_RETURN, 300L, 1, 1, 0L, 300L)));

    assertThat(CountsTable.render(months, List.of(), id -> Optional.empty()))
        .contains("  Tijuana        MPP_RETURN          300     1       0        0  2019-08-01  2019-08-01\n");
  }
}
