package org.retorno.faults.crash;

import java.util.List;
import java.util.Locale;

/** The harness's verdict and its Markdown summary. */
public record FaultsReport(RunResult exactlyOnce, List<RunResult> controls) {

  /**
   * Passes when the exactly-once run is exact and no negative control is ({@code exactlyOnce} is
   * null when only the controls were run).
   */
  public boolean passed() {
    return (exactlyOnce == null || exactlyOnce.comparison().exact()) && !controls.isEmpty()
        && controls.stream().noneMatch(control -> control.comparison().exact());
  }

  public long controlsCaught() {
    return controls.stream().filter(control -> !control.comparison().exact()).count();
  }

  public String markdown() {
    StringBuilder md = new StringBuilder();
    md.append("## Crash faults: ").append(passed() ? "PASSED" : "FAILED").append("\n\n");
    md.append("| run | guarantee | records sent | faults injected | events checked | events lost | events extra | cells too low | cells too high | figure lost | figure extra | wrong keys | exact | converged after |\n");
    md.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    if (exactlyOnce != null) {
      row(md, exactlyOnce);
    }
    controls.forEach(control -> row(md, control));
    md.append("\nNegative control caught in ").append(controlsCaught()).append(" of ").append(controls.size())
        .append(" runs (a control that comes out exact fails the harness).\n");
    if (exactlyOnce != null) {
      faults(md, exactlyOnce);
    }
    controls.forEach(control -> faults(md, control));
    return md.toString();
  }

  private static void row(StringBuilder md, RunResult run) {
    Comparison c = run.comparison();
    long streams = run.faults().stream().filter(f -> f.kind().equals("streams")).count();
    long brokers = run.faults().size() - streams;
    md.append(String.format(Locale.ROOT, "| %s | %s | %,d | %d streams SIGKILL, %d broker SIGKILL | %,d | %d | %d | %d | %d | %d | %d | %d | %s | %.1f s |%n",
        run.label(), run.guarantee(), run.recordsSent(), streams, brokers, c.eventsChecked(), c.eventsLost(),
        c.eventsExtra(), c.cellsTooLow(), c.cellsTooHigh(), c.figureLost(), c.figureExtra(), c.wrongKeys(),
        c.exact() ? "yes" : "no", run.convergeMs() / 1000.0));
  }

  private static String seconds(long ms) {
    return ms < 0 ? "n/a" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
  }

  private static void faults(StringBuilder md, RunResult run) {
    md.append("\n").append(run.label()).append(" (seed ").append(run.seed()).append(", workload ")
        .append(run.recordsByKind()).append(", ").append(run.streamsSettings()).append("):\n\n");
    md.append("| fault | target | at | gap | new JVM up | Streams started / broker serving | RUNNING / ISR full | first committed progress |\n|---|---|---|---|---|---|---|---|\n");
    for (FaultRecord f : run.faults()) {
      md.append(String.format(Locale.ROOT, "| %s SIGKILL | %s | %.1f s | %.1f s | %s | %s | %s | %s |%n", f.kind(),
          f.target(), f.atSeconds(), f.gapSeconds(), seconds(f.toJvmUpMs()), seconds(f.toStartedMs()),
          seconds(f.toRunningMs()), seconds(f.toProgressMs())));
    }
    if (!run.comparison().examples().isEmpty()) {
      md.append("\nDiffering cells (first few):\n\n");
      run.comparison().examples().forEach(example -> md.append("- ").append(example).append('\n'));
    }
  }
}
