package org.retorno.streams.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** EARS by hand: the expected numbers are R's (surveillance 1.20.3), printed with 17 digits. */
class EarsMethodsTest {
  private static final double EXACT = 1e-12;

  @Test
  void c1HoldsTheCountAgainstTheSevenPeriodsBeforeIt() {
    double[] counts = {1, 2, 3, 4, 5, 6, 7, 20};
    Evaluation evaluation = Detection.run(SpikeMethods.parse("c1"), counts)[7];
    assertThat(evaluation.upperBound()).isCloseTo(10.675664758038842, within(EXACT));
    assertThat(evaluation.expected()).isEqualTo(4);
    assertThat(evaluation.threshold()).isCloseTo(3.0902323061678132, within(EXACT));
    assertThat(evaluation.statistic()).isCloseTo(16 / Math.sqrt(28.0 / 6), within(EXACT));
    assertThat(evaluation.alarm()).isTrue();
  }

  @Test
  void periodsBeforeTheBaselineAreNotJudged() {
    Evaluation[] evaluations = Detection.run(SpikeMethods.parse("c2"), new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 50});
    assertThat(evaluations).hasSize(10);
    for (int t = 0; t < 9; t++) {
      assertThat(evaluations[t].defined()).isFalse();
      assertThat(evaluations[t].alarm()).isFalse();
      assertThat(evaluations[t].observed()).isEqualTo(t + 1);
    }
    assertThat(evaluations[9].defined()).isTrue();
    assertThat(evaluations[9].expected()).isEqualTo(4);
  }

  @Test
  void rsC3AlarmsOnAnyCountAfterTwoHighPeriods() {
    double[] counts = {5, 5, 6, 5, 4, 5, 6, 5, 5, 5, 30, 30, 1};
    Evaluation[] r = Detection.run(SpikeMethods.parse("c3:min-sigma=0.5"), counts);
    assertThat(r[11].upperBound()).isCloseTo(7.185426345482, within(1e-9));
    assertThat(r[11].alarm()).isTrue();
    assertThat(r[12].upperBound()).isZero();
    assertThat(r[12].alarm()).as("a count of 1 alarms in R's C3").isTrue();
  }

  @Test
  void rsC3IgnoresTheCurrentPeriodWhileTheCdcFormCountsIt() {
    double[] counts = {5, 5, 6, 5, 4, 5, 6, 5, 5, 5, 5, 6, 40};
    Evaluation r = Detection.run(SpikeMethods.parse("c3:min-sigma=0.5"), counts)[12];
    assertThat(r.upperBound()).isCloseTo(40.991798837665158, within(1e-9));
    assertThat(r.alarm()).isFalse();
    Evaluation cdc = Detection.run(SpikeMethods.parse("c3-cdc:min-sigma=0.5"), counts)[12];
    assertThat(cdc.alarm()).isTrue();
    assertThat(cdc.threshold()).isEqualTo(2);
    // C2 baseline of the last period: 5,4,5,6,5,5,5 (mean 5, sd sqrt(1/3)); the period before adds 0.242...
    assertThat(cdc.expected()).isEqualTo(5);
    assertThat(cdc.statistic()).isCloseTo(59.863896271726944, within(1e-9));
    assertThat(cdc.upperBound()).isCloseTo(5 + Math.sqrt(1.0 / 3) * (1 + 2 - (59.863896271726944 - (35 / Math.sqrt(1.0 / 3) - 1))),
        within(1e-9));
  }

  @Test
  void aFlatBaselineWithMinSigmaZeroMakesRsC3Undefined() {
    double[] counts = {4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4};
    Evaluation c3 = Detection.run(SpikeMethods.parse("c3"), counts)[11];
    assertThat(c3.defined()).isFalse();
    assertThat(c3.upperBound()).isNaN();
    assertThat(c3.alarm()).isFalse();
    Evaluation floored = Detection.run(SpikeMethods.parse("c3:min-sigma=1"), counts)[11];
    assertThat(floored.defined()).isTrue();
    assertThat(floored.upperBound()).isCloseTo(4 + 1.9599639845400536, within(1e-12));
  }

  @Test
  void aWeekOfZerosMakesAnySingleReportAnAlarmUnlessMinSigmaFloorsTheSpread() {
    double[] counts = {0, 0, 0, 0, 0, 0, 0, 1};
    assertThat(Detection.run(SpikeMethods.parse("c1"), counts)[7].alarm()).isTrue();
    Evaluation floored = Detection.run(SpikeMethods.parse("c1:min-sigma=1"), counts)[7];
    assertThat(floored.alarm()).isFalse();
    assertThat(floored.upperBound()).isCloseTo(3.0902323061678132, within(EXACT));
  }

  @Property
  void c1AndC2AlarmExactlyAboveTheirBound(@ForAll @Size(min = 10, max = 30) int[] raw,
      @ForAll @IntRange(min = 0, max = 2) int minSigmaHalves) {
    double[] counts = java.util.Arrays.stream(raw).mapToDouble(value -> Math.abs(value % 500)).toArray();
    for (String name : new String[] {"c1", "c2"}) {
      Evaluation[] evaluations = Detection.run(SpikeMethods.parse(name + ":min-sigma=" + minSigmaHalves / 2.0), counts);
      for (Evaluation evaluation : evaluations) {
        if (evaluation.defined()) {
          assertThat(evaluation.alarm()).isEqualTo(evaluation.observed() > evaluation.upperBound());
        }
      }
    }
  }

  @Property
  void theCdcC3AlarmsExactlyAboveItsBoundWhenTheSpreadIsFloored(@ForAll @Size(min = 12, max = 30) int[] raw) {
    double[] counts = java.util.Arrays.stream(raw).mapToDouble(value -> Math.abs(value % 200)).toArray();
    for (Evaluation evaluation : Detection.run(SpikeMethods.parse("c3-cdc:min-sigma=0.5"), counts)) {
      if (evaluation.defined()) {
        assertThat(evaluation.alarm()).isEqualTo(evaluation.observed() > evaluation.upperBound());
      }
    }
  }
}
