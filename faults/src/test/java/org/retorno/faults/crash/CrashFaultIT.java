package org.retorno.faults.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The small version of the crash harness on a real three-node cluster and two streams JVMs: two
 * streams SIGKILLs and one broker SIGKILL while the workload is fed, with exactly-once the
 * published counts equal the ground truth and every raw record's claims are on {@code claims}
 * exactly once; the negative control (at-least-once, no cache, 30 s commits) killed the same way
 * must come out wrong, or the kill test proves nothing. Its counts may come out exact by luck (a
 * replay changes them only where it reaches a per-period sum); its claim records never do, since
 * what it processed after its last commit is processed and sent again.
 */
class CrashFaultIT {
  /** About 920 records at 8 a second: the feed lasts through the first kills and their recovery. */
  private static final int ROWS = 800;
  private static final int FEED_RATE = 8;
  /**
   * The control is caught by what its first kill, 5-15 s into the feed, makes it send twice; a
   * feed of about a minute is enough for that and spares the run a minute.
   */
  private static final int CONTROL_ROWS = 400;

  @AfterAll
  static void noChildSurvives() {
    ChildProcesses.killAll();
    assertThat(ChildProcesses.running()).isZero();
  }

  @Test
  void exactlyOnceSurvivesTheKillsAndTheControlIsCaught() throws Exception {
    Path work = Files.createDirectories(Path.of("target", "crash-it"));
    WorkloadSpec workload = WorkloadSpec.of(2019, ROWS);
    RunResult exactlyOnce = new CrashRun(new RunOptions("exactly-once", workload, 2, 1, Duration.ofSeconds(5),
        Duration.ofSeconds(15), FEED_RATE, RunOptions.exactlyOnce(), Files.createTempDirectory(work, "eos-"),
        Duration.ofMinutes(6))).run();
    // The control needs no broker kill: a streams kill while records flow is what it must be caught on.
    RunResult control = new CrashRun(new RunOptions("negative control", WorkloadSpec.of(2019, CONTROL_ROWS), 2, 0,
        Duration.ofSeconds(5), Duration.ofSeconds(15), FEED_RATE, RunOptions.atLeastOnceNoCache(FaultsCli.CONTROL_COMMIT_INTERVAL_MS),
        Files.createTempDirectory(work, "control-"), Duration.ofMinutes(6))).run();
    FaultsReport report = new FaultsReport(exactlyOnce, List.of(control));
    System.out.println(report.markdown());

    assertThat(exactlyOnce.faults()).extracting(FaultRecord::kind)
        .containsExactlyInAnyOrder("streams", "streams", "broker");
    assertThat(control.faults()).extracting(FaultRecord::kind).containsExactly("streams", "streams");
    assertThat(exactlyOnce.recordsSent()).isEqualTo(Workload.generate(workload).records().size());
    assertThat(exactlyOnce.comparison().examples()).isEmpty();
    assertThat(exactlyOnce.comparison().exact()).isTrue();
    assertThat(exactlyOnce.comparison().eventsChecked()).isEqualTo(GroundTruth.of(Workload.generate(workload)).liveRows());
    assertThat(exactlyOnce.claims().examples()).isEmpty();
    assertThat(exactlyOnce.claims().extra()).isZero();
    assertThat(exactlyOnce.claims().missing()).isZero();
    // One claim record per raw record: a row states its claim, a withdrawal retracts it.
    assertThat(exactlyOnce.claims().claimRecordsExpected()).isEqualTo(exactlyOnce.recordsSent());
    assertThat(exactlyOnce.exact()).isTrue();
    // The first control kill lands 5-15 s into a feed of about two minutes: records are flowing.
    assertThat(control.faults().get(0).duringFeed()).isTrue();
    assertThat(control.exact()).as("the negative control must be caught").isFalse();
    assertThat(report.passed()).isTrue();
  }
}
