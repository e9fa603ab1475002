package org.retorno.streams.detect;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

/** Re-judging from the previous verdicts gives exactly what a full replay gives. */
class SeriesJudgeReuseProperties {

  @Property(tries = 300)
  void reusedVerdictsEqualAFullReplay(@ForAll("series") double[] before, @ForAll("series") double[] revisedTail,
      @ForAll @IntRange(min = 0, max = 60) int revisedFrom, @ForAll("methods") String method) {
    SeriesJudge judge = new SeriesJudge(SpikeMethods.parse(method));
    int from = Math.min(revisedFrom, before.length);
    // A revision keeps the counts before `from` and may change, extend or shorten what follows.
    double[] after = new double[from + revisedTail.length];
    System.arraycopy(before, 0, after, 0, from);
    System.arraycopy(revisedTail, 0, after, from, revisedTail.length);

    SeriesJudge.Verdict[] reused = judge.replay(after, before, judge.replay(before, 0, 0));

    assertThat(reused).containsExactly(judge.replay(after, 0, 0));
  }

  @Property(tries = 100)
  void unchangedCountsKeepEveryVerdict(@ForAll("series") double[] counts, @ForAll("methods") String method) {
    SeriesJudge judge = new SeriesJudge(SpikeMethods.parse(method));
    SeriesJudge.Verdict[] verdicts = judge.replay(counts, 0, 0);

    SeriesJudge.Verdict[] reused = judge.replay(counts.clone(), counts, verdicts);

    for (int t = 0; t < counts.length; t++) {
      assertThat(reused[t]).isSameAs(verdicts[t]);
    }
  }

  @Provide
  Arbitrary<double[]> series() {
    // Mostly steady counts with zeros and jumps, so alarms, carries and warm-ups all occur.
    Arbitrary<Double> count = Arbitraries.frequencyOf(
        Tuple.of(6, Arbitraries.integers().between(20, 40).map(Integer::doubleValue)),
        Tuple.of(1, Arbitraries.just(0.0)),
        Tuple.of(1, Arbitraries.integers().between(80, 400).map(Integer::doubleValue)));
    return count.list().ofMaxSize(80)
        .map(values -> values.stream().mapToDouble(Double::doubleValue).toArray());
  }

  @Provide
  Arbitrary<String> methods() {
    return Arbitraries.of("c1", "c2", "c3", DetectionConfig.VOLUME_WEEKLY, DetectionConfig.HARM_WEEKLY,
        DetectionConfig.VOLUME_DAILY, DetectionConfig.HARM_DAILY);
  }
}
