package org.retorno.streams.detect.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.retorno.avro.Granularity;
import org.retorno.streams.detect.DetectionConfig;
import org.retorno.streams.detect.MetricClass;

/**
 * The shipped defaults are what the standard backtest chooses (seed 1, the wide grid), and the
 * volume defaults meet the targets there. If a change to a method, the grid or the
 * simulation moves the choice, this test says so and the defaults must be chosen again.
 */
class ChosenDefaultsTest {

  @Test
  void theDefaultsAreWhatTheStandardBacktestChooses() {
    BacktestPlan plan = BacktestPlan.standard(1);
    BacktestResult result = Backtest.run(plan, BacktestGrid.wide(plan.classes(), plan.granularities()));
    Map<String, BacktestRow> chosen = result.chosen();
    assertThat(chosen.get("VOLUME/WEEK").method()).isEqualTo(DetectionConfig.VOLUME_WEEKLY);
    assertThat(chosen.get("VOLUME/DAY").method()).isEqualTo(DetectionConfig.VOLUME_DAILY);
    assertThat(chosen.get("HARM/WEEK").method()).isEqualTo(DetectionConfig.HARM_WEEKLY);
    assertThat(chosen.get("HARM/DAY").method()).isEqualTo(DetectionConfig.HARM_DAILY);
    assertThat(chosen.get("VOLUME/WEEK").meetsTargets()).isTrue();
    assertThat(chosen.get("VOLUME/DAY").meetsTargets()).isTrue();
    for (BacktestRow row : chosen.values()) {
      assertThat(row.quietEnough()).as(row.method()).isTrue();
    }
    // EARS with R's alpha is never quiet enough on volume series: the reason the CUSUM is the default.
    assertThat(result.rows()).filteredOn(row -> row.metricClass() == MetricClass.VOLUME
            && (row.method().contains("alpha=0.001,") || row.method().contains("alpha=0.025,")))
        .hasSize(2 * 9).noneMatch(BacktestRow::quietEnough);
    assertThat(result.rows()).filteredOn(row -> row.granularity() == Granularity.WEEK).isNotEmpty();
  }
}
