package org.retorno.streams.detect;

/**
 * One period judged by one method. Numbers follow R: {@code NaN} stands for R's {@code NA}
 * (undefined), and an undefined period never alarms.
 *
 * @param observed the count of the period
 * @param expected what the baseline expects: the EARS baseline mean, the CUSUM's in-control mean
 * @param statistic the method's score (EARS: standardised deviation or C3 sum; CUSUM: S_t)
 * @param threshold what the statistic is held against (EARS C1/C2: z; C3-CDC and CUSUM: h)
 * @param upperBound the count above which the period alarms: R's {@code upperbound} for EARS, R's
 *     {@code ret = "cases"} figure for the CUSUM
 * @param alarm whether the period alarms
 * @param carry the state the next period starts from (the CUSUM's statistic after any reset;
 *     0 for the stateless EARS methods)
 */
public record Evaluation(double observed, double expected, double statistic, double threshold,
    double upperBound, boolean alarm, double carry) {

  /** A period a method cannot judge: too little history before it. */
  public static Evaluation notEvaluated(double observed) {
    return new Evaluation(observed, Double.NaN, Double.NaN, Double.NaN, Double.NaN, false, 0);
  }

  /** False where R answers NA: too little history, or a zero spread with minSigma 0 in C3. */
  public boolean defined() {
    return !Double.isNaN(upperBound);
  }
}
