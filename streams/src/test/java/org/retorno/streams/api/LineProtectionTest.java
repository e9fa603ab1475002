package org.retorno.streams.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.retorno.streams.api.LineProtection.State.COMPLEMENTARY;
import static org.retorno.streams.api.LineProtection.State.PRIMARY;
import static org.retorno.streams.api.LineProtection.State.VISIBLE;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class LineProtectionTest {

  @Test
  void aLineWithoutSmallCellsShowsEverything() {
    LineProtection.Result result = LineProtection.protect(5, 117, List.of(112L, 0L, 5L));
    assertThat(result.total()).isEqualTo(VISIBLE);
    assertThat(result.parts()).containsExactly(VISIBLE, VISIBLE, VISIBLE);
  }

  @Test
  void aTotalThatWouldRevealASuppressedDayHidesTheSmallestOtherDay() {
    // Week 8 = 6 + 2: showing 6 and the total would give the hidden 2 away.
    LineProtection.Result result = LineProtection.protect(5, 8, List.of(6L, 2L));
    assertThat(result.parts()).containsExactly(COMPLEMENTARY, PRIMARY);
    assertThat(result.total()).isEqualTo(VISIBLE);
  }

  @Test
  void theSmallestVisibleDayIsTheOneHidden() {
    LineProtection.Result result = LineProtection.protect(5, 120, List.of(100L, 3L, 9L, 8L));
    assertThat(result.parts()).containsExactly(VISIBLE, PRIMARY, VISIBLE, COMPLEMENTARY);
    assertThat(result.total()).isEqualTo(VISIBLE);
  }

  @Test
  void whenNoOtherDayCanProtectItTheTotalIsSuppressed() {
    // Week 6 = 5 + 1: hiding the 5 too leaves "at least 5" + "1 to 4" = 6, so the 1 is still known.
    LineProtection.Result result = LineProtection.protect(5, 6, List.of(5L, 1L));
    assertThat(result.parts()).containsExactly(COMPLEMENTARY, PRIMARY);
    assertThat(result.total()).isEqualTo(COMPLEMENTARY);
  }

  @Test
  void aTotalShownAsLessThanFiveCannotPinFourSmallDays() {
    // "<5" over four days each "<5" would mean every day is exactly 1.
    LineProtection.Result result = LineProtection.protect(5, 4, List.of(1L, 1L, 1L, 1L));
    assertThat(result.parts()).containsOnly(PRIMARY);
    assertThat(result.total()).isEqualTo(COMPLEMENTARY);
    // Two small days under a small total leave each day two or more values: nothing more to hide.
    assertThat(LineProtection.protect(5, 3, List.of(1L, 2L)).total()).isEqualTo(PRIMARY);
  }

  @Test
  void sexualViolenceProtectsOneToNine() {
    // 14 = "at least 10" + "1 to 9": the small one is 1 to 4, not known exactly.
    LineProtection.Result result = LineProtection.protect(10, 14, List.of(10L, 4L));
    assertThat(result.parts()).containsExactly(COMPLEMENTARY, PRIMARY);
    assertThat(result.total()).isEqualTo(VISIBLE);
    // 11 = "at least 10" + "1 to 9" leaves only 1: the total goes.
    assertThat(LineProtection.protect(10, 11, List.of(10L, 1L)).total()).isEqualTo(COMPLEMENTARY);
  }

  /**
   * An independent attacker: every assignment of hidden parts within what the display says that
   * adds up with the visible parts to what the total says. No hidden part may have one value left.
   */
  @Property(tries = 400)
  void noHiddenPartIsEverDeterminedByTheRest(@ForAll @Size(min = 1, max = 7) List<@LongRange(min = 0, max = 14) Long> days,
      @ForAll @IntRange(min = 0, max = 1) int category) {
    long threshold = category == 0 ? 5 : 10;
    long total = days.stream().mapToLong(Long::longValue).sum();
    LineProtection.Result result = LineProtection.protect(threshold, total, days);
    long visible = 0;
    List<long[]> hidden = new ArrayList<>();
    for (int i = 0; i < days.size(); i++) {
      switch (result.parts().get(i)) {
        case VISIBLE -> visible += days.get(i);
        case PRIMARY -> hidden.add(new long[] {1, threshold - 1});
        // Far enough above any line total here to stand for "unbounded".
        case COMPLEMENTARY -> hidden.add(new long[] {threshold, 120});
      }
      if (result.parts().get(i) == PRIMARY) {
        assertThat(days.get(i)).isBetween(1L, threshold - 1);
      }
    }
    long sumLow;
    long sumHigh;
    switch (result.total()) {
      case VISIBLE -> { sumLow = total; sumHigh = total; }
      case PRIMARY -> { sumLow = 1; sumHigh = threshold - 1; }
      default -> { sumLow = 0; sumHigh = 10_000; }
    }
    for (int i = 0; i < hidden.size(); i++) {
      Set<Long> values = new HashSet<>();
      boolean[] others = reachableSums(hidden, i);
      for (long value = hidden.get(i)[0]; value <= hidden.get(i)[1]; value++) {
        for (int rest = 0; rest < others.length; rest++) {
          long sum = visible + value + rest;
          if (others[rest] && sum >= sumLow && sum <= sumHigh) {
            values.add(value);
            break;
          }
        }
      }
      assertThat(values).as("values hidden part %s can take, for days %s", i, days).hasSizeGreaterThan(1);
    }
  }

  /** Which sums the hidden parts other than {@code skip} can reach, by dynamic programming. */
  private static boolean[] reachableSums(List<long[]> bounds, int skip) {
    boolean[] reachable = {true};
    for (int i = 0; i < bounds.size(); i++) {
      if (i == skip) {
        continue;
      }
      boolean[] next = new boolean[reachable.length + (int) bounds.get(i)[1]];
      for (int sum = 0; sum < reachable.length; sum++) {
        if (reachable[sum]) {
          for (long value = bounds.get(i)[0]; value <= bounds.get(i)[1]; value++) {
            next[sum + (int) value] = true;
          }
        }
      }
      reachable = next;
    }
    return reachable;
  }
}
