package org.retorno.streams.detect;

/** Mean and sample standard deviation of a stretch of a series, as R's {@code mean} and {@code sd}. */
record Baseline(double mean, double sd) {

  /** The {@code length} periods that end {@code gap} periods before {@code t}. */
  static Baseline before(double[] counts, int t, int gap, int length) {
    int from = t - gap - length;
    double sum = 0;
    for (int i = from; i < from + length; i++) {
      sum += counts[i];
    }
    double mean = sum / length;
    // Two passes, like R's var(): a running sum of squares loses digits on large flat counts.
    double squares = 0;
    for (int i = from; i < from + length; i++) {
      double deviation = counts[i] - mean;
      squares += deviation * deviation;
    }
    return new Baseline(mean, Math.sqrt(squares / (length - 1)));
  }

  /** R's {@code pmax(sd, minSigma)}. */
  double sigma(double minSigma) {
    return Math.max(sd, minSigma);
  }

  /** The standardised deviation (y - mean) / sigma: infinite or NaN when sigma is 0, as in R. */
  double score(double observed, double minSigma) {
    return (observed - mean) / sigma(minSigma);
  }
}
