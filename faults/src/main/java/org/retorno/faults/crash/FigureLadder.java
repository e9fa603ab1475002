package org.retorno.faults.crash;

/**
 * Figures for the rows of one city, category and day that the topology can never take for one
 * event. Rows of different sources for the same day are one event when their exact figures lie
 * within 5% of each other (EventMatcher: intervals [0.95 v, 1.05 v] overlap); each step of this
 * ladder is more than 10.53% above the last, so no two rungs overlap and every row stays an event
 * of its own. The ground truth is then a plain sum, independent of the order of arrival.
 */
final class FigureLadder {
  private static final double NO_OVERLAP_RATIO = 1.05 / 0.95;

  /** Far more rungs than rows one cell gets in any run (about 20 at 100,000 claims). */
  private static final long[] RUNGS = new long[200];

  static {
    RUNGS[0] = 1;
    for (int i = 1; i < RUNGS.length; i++) {
      RUNGS[i] = (long) Math.floor(RUNGS[i - 1] * NO_OVERLAP_RATIO) + 1;
    }
  }

  private FigureLadder() {}

  /** The n-th rung, n from 0: 1, 2, ..., 10, 12, 14, 16, 18, 20, 23, 26, ... */
  static long rung(int n) {
    if (n < 0 || n >= RUNGS.length) {
      throw new IllegalArgumentException("rung " + n + " is outside 0.." + (RUNGS.length - 1)
          + ": too many rows for one city, category and day");
    }
    return RUNGS[n];
  }
}
