package org.retorno.streams.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class SpikeMethodsTest {

  @Test
  void leftOutParametersTakeRsDefaults() {
    assertThat(SpikeMethods.parse("c1").spec()).isEqualTo("c1:baseline=7,alpha=0.001,min-sigma=0");
    assertThat(SpikeMethods.parse("c2").spec()).isEqualTo("c2:baseline=7,alpha=0.001,min-sigma=0");
    assertThat(SpikeMethods.parse("c3").spec()).isEqualTo("c3:baseline=7,alpha=0.025,min-sigma=0");
    assertThat(SpikeMethods.parse("c3-cdc").spec()).isEqualTo("c3-cdc:baseline=7,min-sigma=0,threshold=2");
    assertThat(SpikeMethods.parse("cusum").spec())
        .isEqualTo("cusum:ratio=2,dispersion=0,threshold=5,baseline=8,guard=1,min-mean=0.5");
  }

  @Test
  void historyIsWhatEachMethodReadsBeforeThePeriod() {
    assertThat(SpikeMethods.parse("c1").history()).isEqualTo(7);
    assertThat(SpikeMethods.parse("c2").history()).isEqualTo(9);
    assertThat(SpikeMethods.parse("c3").history()).isEqualTo(11);
    assertThat(SpikeMethods.parse("c3-cdc:baseline=5").history()).isEqualTo(9);
    assertThat(SpikeMethods.parse("cusum:baseline=13,guard=1").history()).isEqualTo(14);
  }

  @Test
  void givenParametersAreKeptAndNamesAreCaseBlind() {
    SpikeMethod method = SpikeMethods.parse(" C2 : min-sigma = 0.5 , alpha=0.01 ");
    assertThat(method.name()).isEqualTo("c2");
    assertThat(method.parameters()).isEqualTo(Map.of("baseline", "7", "alpha", "0.01", "min-sigma", "0.5"));
  }

  @Test
  void badSpecsAreRefusedWithOneLineReasons() {
    assertThatThrownBy(() -> SpikeMethods.parse("c4")).hasMessage(
        "unknown method 'c4': use c1, c2, c3, c3-cdc, cusum");
    assertThatThrownBy(() -> SpikeMethods.parse("c3-cdc:alpha=0.1")).hasMessage(
        "method c3-cdc has no parameter 'alpha': use baseline, min-sigma, threshold");
    assertThatThrownBy(() -> SpikeMethods.parse("c1:min-sigma")).hasMessage(
        "method 'c1:min-sigma': 'min-sigma' is not key=value");
    assertThatThrownBy(() -> SpikeMethods.parse("c1:alpha=often")).hasMessage(
        "method c1: alpha 'often' is not a number");
    assertThatThrownBy(() -> SpikeMethods.parse("c1:baseline=7.5")).hasMessage(
        "method c1: baseline '7.5' is not a whole number");
    assertThatThrownBy(() -> SpikeMethods.parse("c1:baseline=2")).hasMessage(
        "baseline must be at least 3 periods (R's earsC), not 2");
    assertThatThrownBy(() -> SpikeMethods.parse("c2:alpha=1")).hasMessage(
        "alpha must be between 0 and 1 (exclusive), not 1");
    assertThatThrownBy(() -> SpikeMethods.parse("c3:min-sigma=-1")).hasMessage(
        "min-sigma must be a finite number >= 0, not -1");
    assertThatThrownBy(() -> SpikeMethods.parse("c3-cdc:threshold=0")).hasMessage(
        "threshold must be a finite number > 0, not 0");
  }

  /** What spec() writes, parse() reads back to the same method. */
  @Property
  void specsRoundTrip(@ForAll("methods") SpikeMethod method) {
    SpikeMethod again = SpikeMethods.parse(method.spec());
    assertThat(again.spec()).isEqualTo(method.spec());
    assertThat(again.history()).isEqualTo(method.history());
    double[] counts = {3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9, 3, 2, 3, 8, 4, 6, 2, 6, 4, 33};
    if (counts.length > method.history()) {
      assertThat(Detection.run(again, counts)).isEqualTo(Detection.run(method, counts));
    }
  }

  @Provide
  Arbitrary<SpikeMethod> methods() {
    Arbitrary<Integer> baselines = Arbitraries.integers().between(3, 12);
    Arbitrary<Double> alphas = Arbitraries.doubles().between(0.0001, 0.2).ofScale(4);
    Arbitrary<Double> minSigmas = Arbitraries.doubles().between(0, 2).ofScale(2);
    Arbitrary<SpikeMethod> ears = Combinators.combine(Arbitraries.of("c1", "c2", "c3"), baselines, alphas, minSigmas)
        .as((name, baseline, alpha, minSigma) -> SpikeMethods.create(name, Map.of("baseline", baseline.toString(),
            "alpha", alpha.toString(), "min-sigma", minSigma.toString())));
    Arbitrary<SpikeMethod> cdc = Combinators.combine(baselines, minSigmas, Arbitraries.doubles().between(0.5, 4).ofScale(1))
        .as((baseline, minSigma, threshold) -> new EarsC3Cdc(baseline, minSigma, threshold));
    Arbitrary<SpikeMethod> cusum = Combinators.combine(Arbitraries.doubles().between(1.1, 4).ofScale(2),
            Arbitraries.doubles().between(0, 1).ofScale(2), Arbitraries.doubles().between(0.5, 10).ofScale(1),
            baselines, Arbitraries.integers().between(0, 7), Arbitraries.doubles().between(0.01, 2).ofScale(2))
        .as(CountCusum::new);
    return Arbitraries.oneOf(ears, cdc, cusum);
  }
}
