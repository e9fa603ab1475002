package org.retorno.streams.detect;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The parameters of R's {@code earsC}: {@code baseline} periods (7), the one-sided {@code alpha}
 * (R's default: 0.001 for C1 and C2, 0.025 for C3) giving z = qnorm(1 - alpha), and
 * {@code minSigma} (0), the floor under the baseline's standard deviation. For sparse counts
 * minSigma 0.5 to 1 keeps a single report after a run of zeros from alarming.
 */
public record EarsParameters(int baseline, double alpha, double minSigma) {
  public static final int DEFAULT_BASELINE = 7;
  public static final double DEFAULT_ALPHA_C1_C2 = 0.001;
  public static final double DEFAULT_ALPHA_C3 = 0.025;

  private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(0, 1);

  public EarsParameters {
    requireBaseline(baseline);
    if (!(alpha > 0 && alpha < 1)) {
      throw new IllegalArgumentException("alpha must be between 0 and 1 (exclusive), not " + Numbers.plain(alpha));
    }
    requireMinSigma(minSigma);
  }

  static void requireBaseline(int baseline) {
    if (baseline < 3) {
      throw new IllegalArgumentException("baseline must be at least 3 periods (R's earsC), not " + baseline);
    }
  }

  static void requireMinSigma(double minSigma) {
    if (!(minSigma >= 0) || Double.isInfinite(minSigma)) {
      throw new IllegalArgumentException("min-sigma must be a finite number >= 0, not " + Numbers.plain(minSigma));
    }
  }

  /** z = qnorm(1 - alpha), the upper quantile R uses. */
  public double z() {
    return STANDARD_NORMAL.inverseCumulativeProbability(1 - alpha);
  }

  Map<String, String> asMap() {
    Map<String, String> map = new LinkedHashMap<>();
    map.put("baseline", Integer.toString(baseline));
    map.put("alpha", Numbers.plain(alpha));
    map.put("min-sigma", Numbers.plain(minSigma));
    return map;
  }
}
