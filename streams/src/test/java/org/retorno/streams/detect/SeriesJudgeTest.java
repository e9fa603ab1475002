package org.retorno.streams.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.retorno.streams.detect.HistoryRule.Status;

class SeriesJudgeTest {

  @Test
  void aCityThatJoinsLateIsAnnouncedThenWatchedOnceItsBaselineIsItsOwn() {
    double[] counts = {0, 0, 0, 0, 0, 0, 0, 0, 60, 70, 65, 80, 75, 70, 68, 72, 400};
    SeriesJudge judge = new SeriesJudge(SpikeMethods.parse("c1"));
    SeriesJudge.Verdict[] verdicts = judge.replay(counts, 0, 0);
    assertThat(Arrays.stream(verdicts).map(SeriesJudge.Verdict::status)).containsExactly(
        Status.QUIET, Status.QUIET, Status.QUIET, Status.QUIET, Status.QUIET, Status.QUIET, Status.QUIET,
        Status.QUIET, Status.NEW_LOCATION, Status.WARMING_UP, Status.WARMING_UP, Status.WARMING_UP,
        Status.WARMING_UP, Status.WARMING_UP, Status.WARMING_UP, Status.ESTABLISHED, Status.ESTABLISHED);
    // Against the zeros before it joined, its first report would be an alarm; it is a new location instead.
    assertThat(Detection.run(judge.method(), counts)[8].alarm()).isTrue();
    assertThat(verdicts[8].alarm()).isFalse();
    assertThat(verdicts[8].evaluation()).isNull();
    assertThat(verdicts[15].alarm()).isFalse();
    assertThat(verdicts[16].alarm()).isTrue();
    assertThat(verdicts[16].evaluation()).isEqualTo(judge.method().evaluate(counts, 16, 0));
  }

  @Test
  void aRevisedPeriodIsJudgedAgainFromTheCarryBeforeIt() {
    SeriesJudge judge = new SeriesJudge(SpikeMethods.parse(DetectionConfig.VOLUME_WEEKLY));
    double[] counts = new double[40];
    for (int t = 0; t < counts.length; t++) {
      counts[t] = 200 + (t * 37 % 23) + (t >= 30 ? 180 : 0);
    }
    SeriesJudge.Verdict[] all = judge.replay(counts, 0, 0);
    SeriesJudge.Verdict[] fromThirtyTwo = judge.replay(counts, 32, all[31].carry());
    assertThat(fromThirtyTwo).containsExactly(Arrays.copyOfRange(all, 32, 40));
    assertThat(Arrays.stream(all).filter(SeriesJudge.Verdict::alarm)).isNotEmpty();
  }

  @Test
  void anActivationOlderThanTheCountsKeptStillCounts() {
    SeriesJudge judge = new SeriesJudge(SpikeMethods.parse("c1"));
    double[] lastEight = {5, 6, 5, 4, 6, 5, 5, 30};
    assertThat(judge.judge(lastEight, 7, -20, 0).status()).isEqualTo(Status.ESTABLISHED);
    assertThat(judge.judge(lastEight, 7, -20, 0).alarm()).isTrue();
    assertThat(judge.judge(lastEight, 7, 2, 0).status()).isEqualTo(Status.WARMING_UP);
  }

  @Test
  void oneAlertPerEpisode() {
    assertThat(Episode.of(false, false)).isEqualTo(Episode.NONE);
    assertThat(Episode.of(false, true)).isEqualTo(Episode.OPENS);
    assertThat(Episode.of(true, true)).isEqualTo(Episode.CONTINUES);
    assertThat(Episode.of(true, false)).isEqualTo(Episode.ENDS);
  }
}
