package org.retorno.faults.ingestkill;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.retorno.faults.crash.ChildProcesses;

/**
 * {@code retorno ingest counts FILE} in a JVM of its own, as an operator runs it, so that it can be
 * killed with SIGKILL half-way: no shutdown hook, no flush, no close.
 */
final class IngestChild {
  static final String MAIN_CLASS = "org.retorno.local.cli.RetornoCli";

  private final String bootstrap;
  private final String registry;

  IngestChild(String bootstrap, String registry) {
    this.bootstrap = bootstrap;
    this.registry = registry;
  }

  /** Starts the command as an operator types it; its account goes to {@code report}, its output to {@code log}. */
  Process start(Path csv, Path report, Path log) {
    return start(csv, report, log, List.of());
  }

  /**
   * The same command with one record a batch and one request in flight: a few thousand rows then
   * take seconds to send instead of milliseconds, so a kill lands in the middle of the file. The
   * producer stays idempotent with acks=all, as ingest forces it.
   */
  Process startSlowed(Path csv, Path report, Path log) {
    return start(csv, report, log, List.of("-X", "batch.size=0", "-X", "max.in.flight.requests.per.connection=1"));
  }

  private Process start(Path csv, Path report, Path log, List<String> producerSettings) {
    List<String> args = new ArrayList<>(List.of("ingest", "counts", csv.toString(),
        "--bootstrap", bootstrap, "--registry", registry, "--report", report.toString(), "--no-progress"));
    args.addAll(producerSettings);
    return ChildProcesses.startJava(MAIN_CLASS, List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"),
        args, log);
  }
}
