package org.retorno.streams.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.retorno.avro.Category;
import org.retorno.avro.Granularity;
import org.retorno.streams.detect.HistoryRule.Status;

class RulesTest {

  @Test
  void aCityWithoutHistoryGetsANewLocationNotAnAlarm() {
    assertThat(HistoryRule.status(HistoryRule.NEVER_ACTIVE, 30, 0, 11)).isEqualTo(Status.QUIET);
    assertThat(HistoryRule.status(HistoryRule.NEVER_ACTIVE, 30, 64, 11)).isEqualTo(Status.NEW_LOCATION);
    assertThat(HistoryRule.status(30, 31, 90, 11)).isEqualTo(Status.WARMING_UP);
    assertThat(HistoryRule.status(30, 40, 0, 11)).isEqualTo(Status.WARMING_UP);
    assertThat(HistoryRule.status(30, 41, 200, 11)).isEqualTo(Status.ESTABLISHED);
  }

  @Test
  void activationIsTheFirstNonZeroCountBeforeThePeriod() {
    double[] counts = {0, 0, 0, 5, 0, 7};
    assertThat(HistoryRule.firstActive(counts, 3)).isEqualTo(HistoryRule.NEVER_ACTIVE);
    assertThat(HistoryRule.firstActive(counts, 4)).isEqualTo(3);
    assertThat(HistoryRule.firstActive(counts, 6)).isEqualTo(3);
  }

  @Test
  void weeklyHistoryCountsWholeWeeksFromTheFirstActiveWeek() {
    LocalDate joined = LocalDate.of(2019, 7, 8); // Nuevo Laredo joins MPP: week of Monday 8 July 2019
    int required = 14;
    assertThat(HistoryRule.status(null, joined, Granularity.WEEK, 130, required)).isEqualTo(Status.NEW_LOCATION);
    assertThat(HistoryRule.status(null, joined, Granularity.WEEK, 0, required)).isEqualTo(Status.QUIET);
    assertThat(HistoryRule.status(joined, joined, Granularity.WEEK, 130, required)).isEqualTo(Status.NEW_LOCATION);
    assertThat(HistoryRule.status(joined, joined.plusWeeks(13), Granularity.WEEK, 500, required))
        .isEqualTo(Status.WARMING_UP);
    assertThat(HistoryRule.status(joined, joined.plusWeeks(14), Granularity.WEEK, 500, required))
        .isEqualTo(Status.ESTABLISHED);
    assertThat(HistoryRule.periodsBetween(joined, joined.plusDays(20), Granularity.DAY)).isEqualTo(20);
    assertThat(HistoryRule.periodsBetween(joined, joined.plusDays(20), Granularity.WEEK)).isEqualTo(2);
    LocalDate july = LocalDate.of(2019, 7, 1);
    assertThat(HistoryRule.periodsBetween(july, LocalDate.of(2020, 1, 1), Granularity.MONTH)).isEqualTo(6);
    assertThat(HistoryRule.status(july, LocalDate.of(2019, 12, 1), Granularity.MONTH, 90, 6)).isEqualTo(Status.WARMING_UP);
    assertThat(HistoryRule.status(july, LocalDate.of(2020, 1, 1), Granularity.MONTH, 90, 6)).isEqualTo(Status.ESTABLISHED);
  }

  @Test
  void coverageIsNeverAHarmSeries() {
    assertThat(AlertRules.spikeCategory(Metric.coverage())).isEmpty();
    assertThat(AlertRules.spikeCategory(Metric.of(Category.KIDNAPPING))).contains(Category.KIDNAPPING);
    assertThat(AlertRules.requireHarm(Metric.of(Category.EXTORTION))).isEqualTo(Category.EXTORTION);
    assertThatThrownBy(() -> AlertRules.requireHarm(Metric.coverage()))
        .hasMessage("COVERAGE is not a harm series: only event counts of a harm category are");
    assertThatThrownBy(() -> AlertRules.requireHarm(Metric.of(Category.MPP_RETURN)))
        .hasMessage("Events[category=MPP_RETURN] is not a harm series: only event counts of a harm category are");
    assertThat(Metric.coverage().metricClass()).isEqualTo(MetricClass.COVERAGE);
  }

  @Test
  void everyCategoryIsVolumeOrHarmNeverCoverage() {
    assertThat(MetricClass.of(Category.MPP_RETURN)).isEqualTo(MetricClass.VOLUME);
    assertThat(MetricClass.of(Category.AVR_ENROLLMENT)).isEqualTo(MetricClass.VOLUME);
    assertThat(MetricClass.of(Category.AVR_DEPARTURE)).isEqualTo(MetricClass.VOLUME);
    assertThat(MetricClass.of(Category.IN_ABSENTIA_ORDER)).isEqualTo(MetricClass.VOLUME);
    assertThat(MetricClass.of(Category.REFOULEMENT)).isEqualTo(MetricClass.HARM);
    assertThat(AlertRules.isHarm(Category.SEXUAL_VIOLENCE)).isTrue();
    assertThat(AlertRules.isHarm(Category.AVR_DEPARTURE)).isFalse();
    for (Category category : Category.values()) {
      assertThat(MetricClass.of(category)).isNotEqualTo(MetricClass.COVERAGE);
    }
  }
}
