package org.retorno.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.retorno.streams.topology.Claims.exact;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.retorno.avro.Category;
import org.retorno.avro.CategoryCount;
import org.retorno.avro.CityCounts;
import org.retorno.avro.Granularity;
import org.retorno.avro.PeriodEvent;
import org.retorno.schemas.geo.BorderCity;

class PeriodCountsTest {
  private final PeriodCounts daily = new PeriodCounts(Granularity.DAY);
  private final PeriodCounts weekly = new PeriodCounts(Granularity.WEEK);
  private static final LocalDate DAY = LocalDate.of(2019, 7, 10);

  private static PeriodEvent event(String id, Category category, long figure) {
    return PeriodCounts.periodEvent(EventFigures.toEvent(EventMembership.of(id,
        List.of(exact("claim-" + id, "src-" + id, BorderCity.TIJUANA, category, figure, DAY)))));
  }

  /** One event of several claims, as when outlets report the same return. */
  private static PeriodEvent reportedTwice(String id, Category category, long figure) {
    return PeriodCounts.periodEvent(EventFigures.toEvent(EventMembership.of(id,
        List.of(exact("claim-" + id + "-a", "src-a", BorderCity.TIJUANA, category, figure, DAY),
            exact("claim-" + id + "-b", "src-b", BorderCity.TIJUANA, category, figure, DAY)))));
  }

  @Test
  void addingEventsSumsPerCategoryAndCountsTheirEventsAndClaims() {
    CityCounts counts = daily.empty();
    counts = daily.add("k", event("e1", Category.MPP_RETURN, 45), counts);
    counts = daily.add("k", event("e2", Category.MPP_RETURN, 10), counts);
    counts = daily.add("k", event("e3", Category.EXTORTION, 3), counts);
    assertThat(counts.getCityId()).isEqualTo(BorderCity.TIJUANA.geonamesId());
    assertThat(counts.getCityName()).isEqualTo("Tijuana");
    assertThat(counts.getPeriodStart()).isEqualTo(DAY);
    assertThat(counts.getCounts()).containsExactly(
        new CategoryCount(Category.MPP_RETURN, 55L, 2, 2, 55L, 0L),
        new CategoryCount(Category.EXTORTION, 3L, 1, 1, 3L, 0L));
  }

  @Test
  void claimsAreThoseOfTheCountedEventsNotOnePerEvent() {
    CityCounts counts = daily.add("k", reportedTwice("e1", Category.MPP_RETURN, 45), daily.empty());
    counts = daily.add("k", event("e2", Category.MPP_RETURN, 10), counts);
    assertThat(counts.getCounts()).containsExactly(new CategoryCount(Category.MPP_RETURN, 55L, 2, 3, 55L, 0L));
    counts = daily.subtract("k", reportedTwice("e1", Category.MPP_RETURN, 45), counts);
    assertThat(counts.getCounts()).containsExactly(new CategoryCount(Category.MPP_RETURN, 10L, 1, 1, 10L, 0L));
  }

  @Test
  void subtractingARevisedEventRemovesItsFigureAndItsEventAndClaims() {
    CityCounts counts = daily.empty();
    PeriodEvent original = event("e1", Category.MPP_RETURN, 45);
    counts = daily.add("k", original, counts);
    counts = daily.add("k", event("e2", Category.MPP_RETURN, 10), counts);
    counts = daily.subtract("k", original, counts);
    assertThat(counts.getCounts()).containsExactly(
        new CategoryCount(Category.MPP_RETURN, 10L, 1, 1, 10L, 0L));
    counts = daily.subtract("k", event("e2", Category.MPP_RETURN, 10), counts);
    assertThat(counts.getCounts()).isEmpty();
  }

  @Test
  void weeksRunMondayToSundayAndAreKeyedByTheirMonday() {
    PeriodEvent wednesday = event("e1", Category.MPP_RETURN, 5);
    CityCounts counts = weekly.add(weekly.key(wednesday), wednesday, weekly.empty());
    assertThat(weekly.key(wednesday)).isEqualTo(BorderCity.TIJUANA.geonamesId() + ":2019-07-08");
    assertThat(counts.getGranularity()).isEqualTo(Granularity.WEEK);
    assertThat(counts.getPeriodStart()).isEqualTo(LocalDate.of(2019, 7, 8));
    assertThat(counts.getPeriodEnd()).isEqualTo(LocalDate.of(2019, 7, 14));
  }

  @Test
  void aMonthsTotalContainsItsDaysInsteadOfAddingToThem() {
    PeriodCounts monthly = new PeriodCounts(Granularity.MONTH);
    PeriodEvent table = PeriodCounts.periodEvent(EventFigures.toEvent(EventMembership.of("month",
        List.of(Claims.claim("c-m", "court", BorderCity.TIJUANA, Category.MPP_RETURN, 1000,
            org.retorno.avro.CountKind.EXACT, LocalDate.of(2019, 7, 1), org.retorno.avro.TimePrecision.MONTH).build()))));
    PeriodEvent day = event("day", Category.MPP_RETURN, 45);
    CityCounts counts = monthly.add("k", day, monthly.empty());
    assertThat(counts.getCounts().get(0).getValue()).isEqualTo(45L);
    counts = monthly.add("k", table, counts);
    assertThat(counts.getCounts().get(0).getValue()).isEqualTo(1000L);
    assertThat(counts.getCounts().get(0).getCovering()).isEqualTo(1000L);
    assertThat(counts.getCounts().get(0).getParts()).isEqualTo(45L);
    counts = monthly.subtract("k", table, counts);
    assertThat(counts.getCounts().get(0).getValue()).isEqualTo(45L);
  }

  @Test
  void aFigureKnownOnlyForItsMonthIsHeldByTheMonthAlone() {
    PeriodEvent table = PeriodCounts.periodEvent(EventFigures.toEvent(EventMembership.of("month",
        List.of(Claims.claim("c-m", "court", BorderCity.TIJUANA, Category.MPP_RETURN, 1000,
            org.retorno.avro.CountKind.EXACT, LocalDate.of(2019, 7, 1), org.retorno.avro.TimePrecision.MONTH).build()))));
    assertThat(daily.holds(table)).isFalse();
    assertThat(weekly.holds(table)).isFalse();
    assertThat(new PeriodCounts(Granularity.MONTH).holds(table)).isTrue();
    assertThat(daily.holds(event("e1", Category.MPP_RETURN, 1))).isTrue();
  }

  @Test
  void keysOrderOneCitysDaysChronologically() {
    assertThat(daily.key(event("e1", Category.MPP_RETURN, 1)))
        .isEqualTo(BorderCity.TIJUANA.geonamesId() + ":2019-07-10");
  }
}
