package org.retorno.bench.report;

import java.util.Locale;

/** A figure's target from the issue: at least or at most a threshold. */
public record Target(boolean atLeast, double threshold) {
  public static Target atLeast(double threshold) {
    return new Target(true, threshold);
  }

  public static Target atMost(double threshold) {
    return new Target(false, threshold);
  }

  public boolean metBy(double value) {
    return atLeast ? value >= threshold : value <= threshold;
  }

  public String describe() {
    return (atLeast ? ">= " : "<= ") + Figure.format(threshold);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%s", describe());
  }
}
