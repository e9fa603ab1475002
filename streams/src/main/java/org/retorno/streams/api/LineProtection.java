package org.retorno.streams.api;

import java.util.ArrayList;
import java.util.List;

/**
 * Complementary suppression for one line of a table: parts (the days of a week) and their
 * published total (the week). Small parts are hidden (primary suppression); then, while someone
 * who knows the rule could still work out a hidden part exactly from the total and the visible
 * parts, the smallest visible part is hidden too, and when none is left the total itself.
 *
 * <p>What a reader knows: a visible number exactly; a primary cell lies in [1, threshold-1] (it
 * says "<5"); a complementary cell is at least the threshold (it would be visible otherwise); a
 * total shown as "<5" lies in [1, threshold-1], a suppressed total anywhere. The hidden parts sum to
 * the total minus the visible parts. A hidden part is revealed when those bounds leave it a single
 * possible value; with a box of bounds and a bounded sum every value between the lowest and the
 * highest feasible one is feasible, so comparing those two decides it.
 */
final class LineProtection {
  private static final long UNBOUNDED = Long.MAX_VALUE / 8;

  enum State { VISIBLE, PRIMARY, COMPLEMENTARY }

  record Result(State total, List<State> parts) {}

  private LineProtection() {}

  static Result protect(long threshold, long total, List<Long> parts) {
    List<State> states = new ArrayList<>();
    for (long part : parts) {
      states.add(isSmall(threshold, part) ? State.PRIMARY : State.VISIBLE);
    }
    State totalState = isSmall(threshold, total) ? State.PRIMARY : State.VISIBLE;
    while (!isProtected(threshold, total, totalState, parts, states)) {
      int smallest = -1;
      for (int i = 0; i < parts.size(); i++) {
        if (states.get(i) == State.VISIBLE && parts.get(i) > 0
            && (smallest < 0 || parts.get(i) < parts.get(smallest))) {
          smallest = i;
        }
      }
      if (smallest >= 0) {
        states.set(smallest, State.COMPLEMENTARY);
      } else {
        // Nothing left to hide but the total; a suppressed total bounds nothing, so this ends it.
        totalState = State.COMPLEMENTARY;
        break;
      }
    }
    return new Result(totalState, List.copyOf(states));
  }

  static boolean isSmall(long threshold, long value) {
    return value > 0 && value < threshold;
  }

  /** Whether every hidden part keeps at least two possible values for a reader who knows the rule. */
  static boolean isProtected(long threshold, long total, State totalState, List<Long> parts, List<State> states) {
    long visibleSum = 0;
    List<long[]> hiddenBounds = new ArrayList<>();
    for (int i = 0; i < parts.size(); i++) {
      switch (states.get(i)) {
        case VISIBLE -> visibleSum += parts.get(i);
        case PRIMARY -> hiddenBounds.add(new long[] {1, threshold - 1});
        case COMPLEMENTARY -> hiddenBounds.add(new long[] {threshold, UNBOUNDED});
      }
    }
    if (hiddenBounds.isEmpty()) {
      return true;
    }
    long sumLow;
    long sumHigh;
    switch (totalState) {
      case VISIBLE -> { sumLow = total - visibleSum; sumHigh = total - visibleSum; }
      case PRIMARY -> { sumLow = 1 - visibleSum; sumHigh = threshold - 1 - visibleSum; }
      default -> { return true; }
    }
    long allLow = 0;
    for (long[] bounds : hiddenBounds) {
      allLow += bounds[0];
    }
    for (long[] bounds : hiddenBounds) {
      long othersLow = allLow - bounds[0];
      long othersHigh = othersHighWithout(hiddenBounds, bounds);
      long low = Math.max(bounds[0], sumLow - othersHigh);
      long high = Math.min(bounds[1], sumHigh - othersLow);
      if (low >= high) {
        return false;
      }
    }
    return true;
  }

  private static long othersHighWithout(List<long[]> all, long[] excluded) {
    long sum = 0;
    for (long[] bounds : all) {
      if (bounds != excluded) {
        sum = Math.min(UNBOUNDED, sum + bounds[1]);
      }
    }
    return sum;
  }
}
