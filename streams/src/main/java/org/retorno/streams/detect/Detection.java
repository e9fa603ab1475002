package org.retorno.streams.detect;

/** Runs a method over a whole series, as R's functions do: the command line, the golden tests, the backtest. */
public final class Detection {
  private Detection() {
  }

  /**
   * One evaluation per period; periods with less history than the method needs are
   * {@link Evaluation#notEvaluated}. The carry starts at 0 on the first judged period, where R
   * starts its range.
   */
  public static Evaluation[] run(SpikeMethod method, double[] counts) {
    Evaluation[] evaluations = new Evaluation[counts.length];
    double carry = 0;
    for (int t = 0; t < counts.length; t++) {
      if (t < method.history()) {
        evaluations[t] = Evaluation.notEvaluated(counts[t]);
      } else {
        evaluations[t] = method.evaluate(counts, t, carry);
        carry = evaluations[t].carry();
      }
    }
    return evaluations;
  }
}
