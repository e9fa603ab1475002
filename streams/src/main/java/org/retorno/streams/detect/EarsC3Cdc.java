package org.retorno.streams.detect;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * EARS C3 as the CDC published it (Hutwagner et al. 2003): the sum of the C2 exceedances of the
 * current and the two previous periods, C3_t = sum over k = t-2..t of max(0, S_k - 1), alarms when
 * it is above {@code threshold} (the CDC's 2). Unlike R's {@link EarsC3} the current period's own
 * deviation counts. The upper bound is the count at which C3_t would pass the threshold, given the
 * two previous periods; when those alone pass it, every count alarms and the bound is -Inf.
 * Baseline, guard band and minSigma are C2's; alpha is not used.
 */
public final class EarsC3Cdc implements SpikeMethod {
  public static final double DEFAULT_THRESHOLD = 2;
  private static final int GUARD = 2;
  private final int baselineLength;
  private final double minSigma;
  private final double threshold;

  public EarsC3Cdc(int baseline, double minSigma, double threshold) {
    EarsParameters.requireBaseline(baseline);
    EarsParameters.requireMinSigma(minSigma);
    if (!(threshold > 0) || Double.isInfinite(threshold)) {
      throw new IllegalArgumentException("threshold must be a finite number > 0, not " + Numbers.plain(threshold));
    }
    this.baselineLength = baseline;
    this.minSigma = minSigma;
    this.threshold = threshold;
  }

  @Override
  public String name() {
    return "c3-cdc";
  }

  @Override
  public Map<String, String> parameters() {
    Map<String, String> map = new LinkedHashMap<>();
    map.put("baseline", Integer.toString(baselineLength));
    map.put("min-sigma", Numbers.plain(minSigma));
    map.put("threshold", Numbers.plain(threshold));
    return map;
  }

  @Override
  public int history() {
    return baselineLength + GUARD + 2;
  }

  @Override
  public Evaluation evaluate(double[] counts, int t, double carry) {
    double lagged = exceedance(counts, t - 2) + exceedance(counts, t - 1);
    Baseline baseline = Baseline.before(counts, t, GUARD, baselineLength);
    double observed = counts[t];
    double statistic = lagged + Math.max(0, baseline.score(observed, minSigma) - 1);
    double upperBound = lagged > threshold ? Double.NEGATIVE_INFINITY
        : baseline.mean() + baseline.sigma(minSigma) * (1 + threshold - lagged);
    return new Evaluation(observed, baseline.mean(), statistic, threshold, upperBound,
        statistic > threshold, 0);
  }

  private double exceedance(double[] counts, int k) {
    Baseline baseline = Baseline.before(counts, k, GUARD, baselineLength);
    return Math.max(0, baseline.score(counts[k], minSigma) - 1);
  }
}
