package org.retorno.faults.crash;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./retorno faults}: the full crash harness, a Markdown summary on stdout, JSON on request. */
@Command(name = "retorno faults", mixinStandardHelpOptions = true,
    description = {"Kills streams instances and a broker (SIGKILL) while a generated workload is fed to a",
        "three-node cluster, then compares the published daily counts with the ground truth; then runs",
        "the negative control (at-least-once, no cache) the same way, which must come out wrong."})
public final class FaultsCli implements Callable<Integer> {
  /**
   * The control's commit interval: at-least-once's own default. Everything the killed instance
   * processed since its last commit is processed again after the restart and its claims are sent
   * to {@code claims} twice (the claims ledger counts them); the longer the interval, the more a
   * kill finds processed and not committed.
   */
  public static final int CONTROL_COMMIT_INTERVAL_MS = 30_000;

  @Option(names = "--claims", defaultValue = "100000", description = "Source rows (claims) in the workload (default ${DEFAULT-VALUE}).")
  int claims;

  @Option(names = "--kills", defaultValue = "5", description = "Streams instance SIGKILLs per run (default ${DEFAULT-VALUE}).")
  int kills;

  @Option(names = "--broker-kills", defaultValue = "1", description = "Broker SIGKILLs per run (default ${DEFAULT-VALUE}).")
  int brokerKills;

  @Option(names = "--seed", defaultValue = "2019", description = "Workload and fault-schedule seed (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--rate", defaultValue = "1000", description = "Records per second fed (default ${DEFAULT-VALUE}).")
  int rate;

  @Option(names = "--controls", defaultValue = "1", description = "Negative-control runs (default ${DEFAULT-VALUE}).")
  int controls;

  @Option(names = "--control-commit-interval-ms", defaultValue = "" + CONTROL_COMMIT_INTERVAL_MS,
      description = "commit.interval.ms of the negative control (default ${DEFAULT-VALUE}).")
  int controlCommitIntervalMs;

  @Option(names = "--converge-minutes", defaultValue = "60", description = "How long the pipeline may take to catch up (default ${DEFAULT-VALUE}).")
  int convergeMinutes;

  @Option(names = "--work-dir", defaultValue = "target/faults-run", description = "Cluster data and process logs (default ${DEFAULT-VALUE}).")
  Path workDir;

  @Option(names = "--controls-only", description = "Run only the negative controls: how often they are caught.")
  boolean controlsOnly;

  @Option(names = "--json", paramLabel = "FILE", description = "Also write the results as JSON.")
  Path json;

  @Override
  public Integer call() throws Exception {
    Files.createDirectories(workDir);
    WorkloadSpec workload = WorkloadSpec.of(seed, claims);
    RunResult exactlyOnce = controlsOnly ? null : run("exactly-once", workload, RunOptions.exactlyOnce());
    List<RunResult> controlRuns = new ArrayList<>();
    for (int i = 0; i < controls; i++) {
      controlRuns.add(run("negative control " + (i + 1), WorkloadSpec.of(seed + i, claims),
          RunOptions.atLeastOnceNoCache(controlCommitIntervalMs)));
    }
    FaultsReport report = new FaultsReport(exactlyOnce, controlRuns);
    System.out.println(report.markdown());
    if (json != null) {
      new ObjectMapper().findAndRegisterModules().enable(SerializationFeature.INDENT_OUTPUT)
          .writeValue(json.toFile(), report);
    }
    return report.passed() ? 0 : 1;
  }

  private RunResult run(String label, WorkloadSpec workload, java.util.Properties settings) throws Exception {
    Path dir = Files.createTempDirectory(workDir, label.replace(' ', '-') + "-");
    return new CrashRun(new RunOptions(label, workload, kills, brokerKills, Duration.ofSeconds(5),
        Duration.ofSeconds(15), rate, settings, dir, Duration.ofMinutes(convergeMinutes))).run();
  }

  public static void main(String[] args) {
    int exit;
    try {
      exit = new CommandLine(new FaultsCli()).execute(args);
    } finally {
      ChildProcesses.killAll();
    }
    System.exit(exit);
  }
}
