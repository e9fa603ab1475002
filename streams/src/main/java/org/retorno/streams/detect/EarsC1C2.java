package org.retorno.streams.detect;

import java.util.Map;

/**
 * EARS C1 and C2 exactly as R's {@code surveillance::earsC}: the baseline is the {@code baseline}
 * periods before t (C1) or before a guard band of 2 periods (C2, y[t-9..t-3] for baseline 7);
 * U_t = mean + z * max(sd, minSigma) with the sample sd (n - 1); alarm if y_t > U_t.
 * With sd 0 and minSigma 0 the bound is the mean itself, so any rise alarms (R does the same).
 */
public final class EarsC1C2 implements SpikeMethod {
  private final String name;
  private final int guard;
  private final EarsParameters parameters;
  private final double z;

  private EarsC1C2(String name, int guard, EarsParameters parameters) {
    this.name = name;
    this.guard = guard;
    this.parameters = parameters;
    this.z = parameters.z();
  }

  public static EarsC1C2 c1(EarsParameters parameters) {
    return new EarsC1C2("c1", 0, parameters);
  }

  public static EarsC1C2 c2(EarsParameters parameters) {
    return new EarsC1C2("c2", 2, parameters);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Map<String, String> parameters() {
    return parameters.asMap();
  }

  @Override
  public int history() {
    return parameters.baseline() + guard;
  }

  @Override
  public Evaluation evaluate(double[] counts, int t, double carry) {
    Baseline baseline = Baseline.before(counts, t, guard, parameters.baseline());
    double sigma = baseline.sigma(parameters.minSigma());
    double upperBound = baseline.mean() + z * sigma;
    double observed = counts[t];
    return new Evaluation(observed, baseline.mean(), baseline.score(observed, parameters.minSigma()), z,
        upperBound, observed > upperBound, 0);
  }
}
