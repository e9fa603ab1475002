package org.retorno.streams.topology;

import java.util.Map;
import org.retorno.streams.detect.SeriesJudge;
import org.retorno.streams.detect.SpikeMethod;

/**
 * The counts and verdicts of each series' last judgement, least recently used dropped first. Only
 * a shortcut: a verdict is reused only where the counts up to it are the same, so a missing or
 * stale entry (after a restore, a rebalance) costs a full replay, never a different result.
 */
final class ReplayedSeries {
  private record Replay(double[] counts, SeriesJudge.Verdict[] verdicts) {}

  private final Map<String, Replay> replays;

  ReplayedSeries(int kept) {
    this.replays = new LeastRecentlyUsed<>(kept);
  }

  /** The verdicts of {@code counts} under {@code method}, as {@link SeriesJudge#replay(double[], int, double)} from 0. */
  SeriesJudge.Verdict[] replay(String series, SpikeMethod method, double[] counts) {
    Replay last = replays.get(series);
    SeriesJudge judge = new SeriesJudge(method);
    SeriesJudge.Verdict[] verdicts = last == null
        ? judge.replay(counts, 0, 0)
        : judge.replay(counts, last.counts(), last.verdicts());
    replays.put(series, new Replay(counts.clone(), verdicts));
    return verdicts;
  }

  void clear() {
    replays.clear();
  }
}
