package org.retorno.streams.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class CountCusumTest {

  @Test
  void restartsAtZeroAfterEachAlarmAsRsGlrnbDoes() {
    // R: glrnb(range = 5:8, mu0 = rep(2, 4), alpha = 0, theta = log(2), c.ARL = 3)
    SpikeMethod cusum = SpikeMethods.parse("cusum:ratio=2,dispersion=0,threshold=3,baseline=4,guard=0,min-mean=0.5");
    Evaluation[] evaluations = Detection.run(cusum, new double[] {2, 2, 2, 2, 10, 10, 2, 2});
    assertThat(evaluations[4].statistic()).isCloseTo(4.9314718055994531, within(1e-12));
    assertThat(evaluations[4].alarm()).isTrue();
    assertThat(evaluations[4].carry()).isZero();
    assertThat(evaluations[4].upperBound()).isCloseTo(7.2134752044448174, within(1e-12));
    // Its baseline now holds the first 10: mu0 = 4, and the chart started again from 0.
    assertThat(evaluations[5].expected()).isEqualTo(4);
    assertThat(evaluations[5].statistic()).isCloseTo(10 * Math.log(2) - 4, within(1e-12));
    assertThat(evaluations[5].alarm()).isFalse();
    assertThat(evaluations[5].carry()).isEqualTo(evaluations[5].statistic());
    // mu0 = 6.5: 2 log 2 - 6.5 takes the chart back to 0.
    assertThat(evaluations[6].statistic()).isZero();
  }

  @Test
  void aQuietSeriesStillHasAPositiveExpectation() {
    SpikeMethod cusum = SpikeMethods.parse("cusum:baseline=3,guard=1,min-mean=0.25");
    Evaluation evaluation = Detection.run(cusum, new double[] {0, 0, 0, 0, 1})[4];
    assertThat(evaluation.expected()).isEqualTo(0.25);
    assertThat(evaluation.statistic()).isCloseTo(Math.log(2) - 0.25, within(1e-12));
  }

  @Test
  void refusesParametersThatMakeNoChart() {
    assertThatThrownBy(() -> SpikeMethods.parse("cusum:ratio=1")).hasMessage(
        "ratio must be a finite number > 1 (the shift to detect), not 1");
    assertThatThrownBy(() -> SpikeMethods.parse("cusum:dispersion=-0.1")).hasMessage(
        "dispersion must be a finite number >= 0 (0: Poisson), not -0.1");
    assertThatThrownBy(() -> SpikeMethods.parse("cusum:min-mean=0")).hasMessage(
        "min-mean must be a finite number > 0, not 0");
  }

  /** The upper bound is the count that takes the statistic to h: above it the period alarms, at or below it not. */
  @Property
  void alarmsExactlyWhenTheCountPassesTheBound(@ForAll @Size(min = 6, max = 25) int[] raw,
      @ForAll @DoubleRange(min = 0, max = 1) double dispersion, @ForAll @IntRange(min = 2, max = 8) int threshold) {
    double[] counts = Arrays.stream(raw).mapToDouble(value -> Math.abs(value % 60)).toArray();
    SpikeMethod cusum = new CountCusum(2, dispersion, threshold, 4, 1, 0.5);
    Evaluation[] evaluations = Detection.run(cusum, counts);
    double carry = 0;
    for (int t = cusum.history(); t < counts.length; t++) {
      Evaluation e = evaluations[t];
      double bound = e.upperBound();
      assertThat(e.alarm()).isEqualTo(e.statistic() > threshold);
      if (Math.abs(e.observed() - bound) > 1e-9) {
        assertThat(e.alarm()).as("count %s, bound %s", e.observed(), bound).isEqualTo(e.observed() > bound);
      }
      assertThat(e.carry()).isEqualTo(e.alarm() ? 0 : e.statistic());
      assertThat(e.statistic()).isGreaterThanOrEqualTo(0);
      assertThat(cusum.evaluate(counts, t, carry)).isEqualTo(e);
      carry = e.carry();
    }
  }
}
