package org.retorno.streams.detect;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The likelihood-ratio CUSUM for counts of Hoehle and Paul (2008), exactly as R's
 * {@code surveillance::glrnb} computes it when the shift is known ({@code theta = log(ratio)}):
 * negative binomial with Var = mu + dispersion * mu^2, Poisson when dispersion is 0. It catches
 * sustained shifts that EARS misses: each period adds
 * z_t = kappa y_t + (y_t + 1/a) log((1 + a mu0) / (1 + a mu0 e^kappa)) (Poisson:
 * kappa y_t + (1 - e^kappa) mu0), S_t = max(0, S_{t-1} + z_t), alarm if S_t > h, and after an
 * alarm S restarts at 0, as R restarts its chart.
 *
 * <p>The in-control mean mu0_t is ours (R fits a GLM on the whole series, which a stream cannot):
 * the mean of the {@code baseline} periods before a {@code guard} band, at least {@code minMean}
 * so that a quiet series still has a finite, positive expectation. The upper bound is R's
 * {@code ret = "cases"}: the count that would take S_t to h.
 */
public final class CountCusum implements SpikeMethod {
  private final double ratio;
  private final double dispersion;
  private final double threshold;
  private final int baseline;
  private final int guard;
  private final double minMean;
  private final double kappa;

  /**
   * @param ratio the shift to detect, as a ratio of the in-control mean (2: a doubling)
   * @param dispersion the negative binomial's a in Var = mu + a mu^2; 0 for Poisson
   * @param threshold h, R's {@code c.ARL}
   * @param baseline periods in the in-control mean
   * @param guard periods between the baseline and the judged period
   * @param minMean floor under the in-control mean
   */
  public CountCusum(double ratio, double dispersion, double threshold, int baseline, int guard, double minMean) {
    if (!(ratio > 1) || Double.isInfinite(ratio)) {
      throw new IllegalArgumentException("ratio must be a finite number > 1 (the shift to detect), not " + Numbers.plain(ratio));
    }
    if (!(dispersion >= 0) || Double.isInfinite(dispersion)) {
      throw new IllegalArgumentException("dispersion must be a finite number >= 0 (0: Poisson), not " + Numbers.plain(dispersion));
    }
    if (!(threshold > 0) || Double.isInfinite(threshold)) {
      throw new IllegalArgumentException("threshold must be a finite number > 0, not " + Numbers.plain(threshold));
    }
    if (baseline < 1) {
      throw new IllegalArgumentException("baseline must be at least 1 period, not " + baseline);
    }
    if (guard < 0) {
      throw new IllegalArgumentException("guard must be 0 or more periods, not " + guard);
    }
    if (!(minMean > 0) || Double.isInfinite(minMean)) {
      throw new IllegalArgumentException("min-mean must be a finite number > 0, not " + Numbers.plain(minMean));
    }
    this.ratio = ratio;
    this.dispersion = dispersion;
    this.threshold = threshold;
    this.baseline = baseline;
    this.guard = guard;
    this.minMean = minMean;
    this.kappa = Math.log(ratio);
  }

  @Override
  public String name() {
    return "cusum";
  }

  @Override
  public Map<String, String> parameters() {
    Map<String, String> map = new LinkedHashMap<>();
    map.put("ratio", Numbers.plain(ratio));
    map.put("dispersion", Numbers.plain(dispersion));
    map.put("threshold", Numbers.plain(threshold));
    map.put("baseline", Integer.toString(baseline));
    map.put("guard", Integer.toString(guard));
    map.put("min-mean", Numbers.plain(minMean));
    return map;
  }

  @Override
  public int history() {
    return baseline + guard;
  }

  @Override
  public Evaluation evaluate(double[] counts, int t, double carry) {
    double mu0 = Math.max(minMean, Baseline.before(counts, t, guard, baseline).mean());
    double x = counts[t];
    double increment;
    double cases;
    if (dispersion == 0) {
      // R's lr_cusum, term by term in the same order so the digits agree.
      increment = kappa * x + (1 - Math.exp(kappa)) * mu0;
      cases = (threshold - carry + mu0 * (Math.exp(kappa) - 1)) / kappa;
    } else {
      double a = dispersion;
      double logRatio = Math.log((1 + a * mu0) / (1 + a * mu0 * Math.exp(kappa)));
      increment = kappa * x + (x + 1 / a) * logRatio;
      cases = -(carry * a + logRatio - threshold * a) / a / (kappa + logRatio);
    }
    double statistic = Math.max(0, carry + increment);
    boolean alarm = statistic > threshold;
    // R clamps its bound at 0 and restarts the chart after an alarm.
    return new Evaluation(x, mu0, statistic, threshold, Math.max(0, cases), alarm, alarm ? 0 : statistic);
  }
}
