package org.retorno.streams.detect.backtest;

import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.apache.commons.math3.special.Gamma;
import org.retorno.avro.Granularity;
import org.retorno.streams.detect.MetricClass;

/**
 * The best any detector can do on a spike, as a bound to hold the methods against: the base rate is
 * known (no baseline to estimate), the spike's periods are known (no search over start and length),
 * and the decision is the Neyman-Pearson test of the sum of the spike's periods, the most powerful
 * test at its false-alarm probability. Under H0 the periods are the base series (Poisson, or negative
 * binomial as gamma-Poisson with Var = mu + a mu^2); under H1 each period also holds the spike's extra
 * count, drawn as the backtest draws it (mean (factor - 1) mu, the same dispersion). The test is
 * randomised at the boundary, so its power is the exact supremum, not one threshold's.
 *
 * <p>The false-alarm probability of the test is the false-alert budget over the spike's periods
 * (1 per 100 city-weeks: 0.02 for two weeks, 0.01 / 7 for one day): a detector within the budget
 * starts a false alert in a window of that length at most that often, and "an alarm somewhere in the
 * window" is one test of the window's counts, which the Neyman-Pearson test beats. (An alert that
 * began just before the window and runs into it is left out: it is rarer still.)
 */
public final class OracleBound {
  /** The budget, 1 false alert per 100 city-weeks, as a probability per week. */
  public static final double ALPHA_PER_WEEK = BacktestRow.MAX_FALSE_ALERTS_PER_100_CITY_WEEKS / 100;

  /** Where the search for a reachable rate stops: four times the busiest city's weekly returns. */
  public static final double MAX_WEEKLY_MEAN = 1000;

  private OracleBound() {
  }

  /** P(X >= k) for X ~ Poisson(lambda). */
  public static double poissonUpperTail(double lambda, int k) {
    if (k <= 0) {
      return 1;
    }
    return 1 - new PoissonDistribution(null, lambda, PoissonDistribution.DEFAULT_EPSILON,
        PoissonDistribution.DEFAULT_MAX_ITERATIONS).cumulativeProbability(k - 1);
  }

  /** P(X >= k) for X negative binomial with this mean and size (R's {@code pnbinom(k - 1, size, mu = mean, lower.tail = FALSE)}). */
  public static double negativeBinomialUpperTail(double mean, double size, int k) {
    double below = 0;
    for (int i = 0; i < k; i++) {
      below += Math.exp(logNegativeBinomial(i, mean, size));
    }
    return Math.max(0, 1 - below);
  }

  /**
   * The power of the most powerful test that a spike of {@code factor} times the base mean lasting
   * {@code periods} periods is there, at false-alarm probability {@code alpha}.
   *
   * @param periodMean the base mean per period
   * @param dispersion a in Var = mu + a mu^2; 0 for Poisson
   */
  public static double power(double periodMean, double dispersion, double factor, int periods, double alpha) {
    double base = periodMean * periods;
    double extra = periodMean * (factor - 1) * periods;
    // 20 standard deviations above the spike's mean: what lies beyond is far below any alpha.
    int last = (int) Math.ceil(base + extra + 20 * Math.sqrt((base + extra) * (1 + dispersion * (base + extra))) + 50);
    double[] null0 = sumPmf(base, dispersion, periods, last);
    double[] spike = convolve(null0, sumPmf(extra, dispersion, periods, last));
    // Neyman-Pearson: take outcomes in decreasing likelihood ratio until alpha is spent.
    Integer[] order = IntStream.rangeClosed(0, last).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.comparingDouble((Integer k) -> ratio(spike[k], null0[k])).reversed());
    double spent = 0;
    double power = 0;
    for (int k : order) {
      if (spent + null0[k] <= alpha) {
        spent += null0[k];
        power += spike[k];
      } else {
        power += spike[k] * (alpha - spent) / null0[k];
        break;
      }
    }
    return Math.min(1, power);
  }

  /**
   * The smallest weekly base mean at which the most powerful test finds {@code target} of the
   * spikes of {@code factor} lasting {@code weeks}, within the weekly budget; infinite when no rate
   * reaches it (overdispersion caps the power however large the counts).
   */
  public static double reachableWeeklyMean(double dispersion, double factor, int weeks, double target) {
    double high = MAX_WEEKLY_MEAN;
    double alpha = ALPHA_PER_WEEK * weeks;
    if (power(high, dispersion, factor, weeks, alpha) < target) {
      return Double.POSITIVE_INFINITY;
    }
    double low = 0.01;
    while (high - low > 0.01) {
      double middle = (low + high) / 2;
      if (power(middle, dispersion, factor, weeks, alpha) >= target) {
        high = middle;
      } else {
        low = middle;
      }
    }
    return high;
  }

  private static double ratio(double spike, double none) {
    return none == 0 ? Double.POSITIVE_INFINITY : spike / none;
  }

  /** The sum of {@code periods} independent periods with total mean {@code mean}, on 0..last. */
  private static double[] sumPmf(double mean, double dispersion, int periods, int last) {
    double[] pmf = new double[last + 1];
    if (mean <= 0) {
      pmf[0] = 1;
      return pmf;
    }
    if (dispersion == 0) {
      PoissonDistribution poisson = new PoissonDistribution(null, mean, PoissonDistribution.DEFAULT_EPSILON,
          PoissonDistribution.DEFAULT_MAX_ITERATIONS);
      for (int k = 0; k <= last; k++) {
        pmf[k] = poisson.probability(k);
      }
    } else {
      // Gamma-Poisson periods of shape 1/a and a common scale add up to shape periods/a.
      double size = periods / dispersion;
      for (int k = 0; k <= last; k++) {
        pmf[k] = Math.exp(logNegativeBinomial(k, mean, size));
      }
    }
    return pmf;
  }

  private static double logNegativeBinomial(int k, double mean, double size) {
    return Gamma.logGamma(k + size) - Gamma.logGamma(size) - Gamma.logGamma(k + 1.0)
        + size * Math.log(size / (size + mean)) + k * Math.log(mean / (size + mean));
  }

  private static double[] convolve(double[] a, double[] b) {
    double[] sum = new double[a.length];
    int bFrom = 0;
    while (bFrom < b.length && b[bFrom] < 1e-300) {
      bFrom++;
    }
    int bTo = b.length - 1;
    while (bTo > bFrom && b[bTo] < 1e-300) {
      bTo--;
    }
    for (int i = 0; i < a.length; i++) {
      if (a[i] < 1e-300) {
        continue;
      }
      for (int j = bFrom; j <= bTo && i + j < a.length; j++) {
        sum[i + j] += a[i] * b[j];
      }
    }
    return sum;
  }

  /**
   * The bound for every spike a plan injects into one class and granularity: detection by factor
   * (all durations, all base models, as the backtest counts it) and of the target spike.
   */
  public static OracleRow forPlan(BacktestPlan plan, MetricClass metricClass, Granularity granularity) {
    List<BaseModel> models = CityRates.models(metricClass, granularity, plan.scope());
    double alphaPerPeriod = ALPHA_PER_WEEK / BaseModel.periodsPerWeek(granularity);
    Map<Double, Double> byFactor = new LinkedHashMap<>();
    for (double factor : plan.factors()) {
      double sum = 0;
      int spikes = 0;
      for (BaseModel model : models) {
        for (int duration : plan.durations(granularity)) {
          sum += power(model.mean(), model.dispersion(), factor, duration, alphaPerPeriod * duration);
          spikes++;
        }
      }
      byFactor.put(factor, sum / spikes);
    }
    double target = 0;
    for (BaseModel model : models) {
      int duration = plan.targetDuration(granularity);
      target += power(model.mean(), model.dispersion(), BacktestPlan.TARGET_FACTOR, duration,
          alphaPerPeriod * duration);
    }
    return new OracleRow(metricClass, granularity, byFactor, target / models.size());
  }

  /** The bound as a table row: detection by factor and of 2x two-week spikes; false alerts at the budget. */
  public record OracleRow(MetricClass metricClass, Granularity granularity, Map<Double, Double> detectionByFactor,
      double detectionTarget) {
    public OracleRow {
      detectionByFactor = Map.copyOf(detectionByFactor);
    }
  }
}
