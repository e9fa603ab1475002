package org.retorno.streams.detect;

import java.util.Map;

/**
 * EARS C3 exactly as R's {@code surveillance::earsC} computes it (checked on 1.20.3). With the C2
 * statistics S_k = (y_k - mean_k) / max(sd_k, minSigma) of the two previous periods,
 * L = max(0, S_{t-2} - 1) + max(0, S_{t-1} - 1) and
 * U_t = max(0, y_t + max(sd_t, minSigma) * (z - L)); alarm if y_t > U_t.
 *
 * <p>So in R the current period's own deviation does not enter: a period alarms when the two
 * before it were high enough (L > z) and it has any count at all. The CDC's published C3, which
 * adds S_t, is {@link EarsC3Cdc}. Where a spread is 0 and minSigma is 0, S is infinite or NaN and
 * R's bound is NaN (NA): undefined, no alarm. The statistic reported here is L, the threshold z.
 */
public final class EarsC3 implements SpikeMethod {
  private static final int GUARD = 2;
  private final EarsParameters parameters;
  private final double z;

  public EarsC3(EarsParameters parameters) {
    this.parameters = parameters;
    this.z = parameters.z();
  }

  @Override
  public String name() {
    return "c3";
  }

  @Override
  public Map<String, String> parameters() {
    return parameters.asMap();
  }

  @Override
  public int history() {
    return parameters.baseline() + GUARD + 2;
  }

  @Override
  public Evaluation evaluate(double[] counts, int t, double carry) {
    double lagged = exceedance(counts, t - 2) + exceedance(counts, t - 1);
    Baseline baseline = Baseline.before(counts, t, GUARD, parameters.baseline());
    double observed = counts[t];
    // Math.max, like R's pmax, keeps NaN: an undefined bound stays undefined.
    double upperBound = Math.max(0, observed + baseline.sigma(parameters.minSigma()) * (z - lagged));
    return new Evaluation(observed, baseline.mean(), lagged, z, upperBound, observed > upperBound, 0);
  }

  /** max(0, S_k - 1) with S_k the C2 statistic of period k. */
  private double exceedance(double[] counts, int k) {
    Baseline baseline = Baseline.before(counts, k, GUARD, parameters.baseline());
    return Math.max(0, baseline.score(counts[k], parameters.minSigma()) - 1);
  }
}
