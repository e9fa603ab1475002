package org.retorno.streams.detect.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The oracle bound against R: tails from {@code ppois} / {@code pnbinom}, powers from the randomised test written out in R. */
class OracleBoundTest {
  private static final double EXACT = 1e-12;

  @Test
  void poissonTailsAreRsPpois() {
    // ppois(12, 6, lower.tail = FALSE) and so on
    assertThat(OracleBound.poissonUpperTail(6, 13)).isCloseTo(0.0088274835178981485, within(EXACT));
    assertThat(OracleBound.poissonUpperTail(6, 12)).isCloseTo(0.020091963539444795, within(EXACT));
    assertThat(OracleBound.poissonUpperTail(12, 13)).isCloseTo(0.42403475142693536, within(EXACT));
    assertThat(OracleBound.poissonUpperTail(0.6, 4)).isCloseTo(0.0033580688532479975, within(EXACT));
    assertThat(OracleBound.poissonUpperTail(1.2, 4)).isCloseTo(0.033768968185655682, within(EXACT));
    assertThat(OracleBound.poissonUpperTail(1.2, 0)).isEqualTo(1.0);
  }

  @Test
  void negativeBinomialTailIsRsPnbinom() {
    // pnbinom(20, size = 4, mu = 6, lower.tail = FALSE)
    assertThat(OracleBound.negativeBinomialUpperTail(6, 4, 21)).isCloseTo(0.0035034187650709019, within(EXACT));
  }

  /**
   * Kidnapping reports in Juarez, 3 a week, Poisson: the two-week sum is Poisson(6), doubled
   * Poisson(12). At alpha 0.01 the test rejects 13 or more (P0 = 0.00883) and 12 with probability
   * (0.01 - 0.00883) / dpois(12, 6): power ppois(12, 12, lower.tail = FALSE) + that share of dpois(12, 12).
   */
  @Test
  void poissonPowerIsTheRandomisedNeymanPearsonTest() {
    assertThat(OracleBound.power(3, 0, 2, 2, 0.01)).isCloseTo(0.43593927482277389, within(1e-10));
    // Daily: 14 days of 3/7, alpha 0.01 / 7 a day: reject 15 or more, 14 in part.
    assertThat(OracleBound.power(3.0 / 7, 0, 2, 14, 0.01 / 7)).isCloseTo(0.22912143716459998, within(1e-10));
  }

  /** Negative binomial, dispersion 0.5: the sum is NB(mean 6, size 4), doubled NB(mean 12, size 8). */
  @Test
  void negativeBinomialPowerIsTheRandomisedNeymanPearsonTest() {
    assertThat(OracleBound.power(3, 0.5, 2, 2, 0.01)).isCloseTo(0.14410220848733107, within(1e-10));
  }

  @Test
  void powerGrowsWithTheRateAndTheFactorAndSpendsExactlyAlphaWithoutASpike() {
    assertThat(OracleBound.power(0.3, 0, 2, 2, 0.01)).isLessThan(OracleBound.power(3, 0, 2, 2, 0.01));
    assertThat(OracleBound.power(3, 0, 2, 2, 0.01)).isLessThan(OracleBound.power(3, 0, 3, 2, 0.01));
    // A "spike" of factor 1 is no spike: the test can only find it as often as it errs.
    assertThat(OracleBound.power(3, 0, 1.0000001, 2, 0.01)).isCloseTo(0.01, within(1e-6));
  }

  /**
   * Poisson, alpha 0.02 for the two weeks: a doubling is found 80% of the time from about 5.5
   * reports a week. With
   * the harm dispersion of 0.5 no rate suffices: the two-week sums' spread grows with their mean.
   */
  @Test
  void theTargetIsReachableFromAboutSixReportsAWeekForPoissonAndNeverForDispersion05() {
    double poisson = OracleBound.reachableWeeklyMean(0, 2, 2, 0.8);
    assertThat(poisson).isBetween(5.0, 8.0);
    assertThat(OracleBound.power(poisson, 0, 2, 2, 0.02)).isGreaterThanOrEqualTo(0.8);
    assertThat(OracleBound.power(poisson - 0.02, 0, 2, 2, 0.02)).isLessThan(0.8);
    assertThat(OracleBound.reachableWeeklyMean(0.5, 2, 2, 0.8)).isInfinite();
  }
}
