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
    return (exactlyOnce == null || exactlyOnce.exact()) && !controls.isEmpty()
        && controls.stream().noneMatch(RunResult::exact);
  }

  public long controlsCaught() {
    return controls.stream().filter(control -> !control.exact()).count();
  }

  public String markdown() {
    StringBuilder md = new StringBuilder();
    md.append("## Crash faults: ").append(passed() ? "PASSED" : "FAILED").append("\n\n");
    md.append("| run | guarantee | records sent | faults injected | events checked | events lost | events extra | cells too low | cells too high | figure lost | figure extra | wrong keys | claim records checked | claim records duplicated | claim records missing | exact | converged after |\n");
    md.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    if (exactlyOnce != null) {
      row(md, exactlyOnce);
    }
    controls.forEach(control -> row(md, control));
    md.append("\nNegative control caught in ").append(controlsCaught()).append(" of ").append(controls.size())
        .append(" runs (a control that comes out exact fails the harness).\n");
    controls.forEach(control -> md.append("\n").append(verdict(control)).append('\n'));
    if (exactlyOnce != null) {
      faults(md, exactlyOnce);
    }
    controls.forEach(control -> faults(md, control));
    return md.toString();
  }

  /** What caught a control, or that nothing did, in one plain sentence. */
  private String verdict(RunResult control) {
    ClaimsLedger claims = control.claims();
    String eos = exactlyOnce == null ? "" : exactlyOnce.claims().exact()
        ? ", which exactly-once never shows (" + exactlyOnce.claims().extra() + " duplicated, "
            + exactlyOnce.claims().missing() + " missing)"
        : ", but exactly-once shows " + exactlyOnce.claims().extra() + " duplicated and "
            + exactlyOnce.claims().missing() + " missing too";
    if (control.comparison().exact() && !claims.exact()) {
      return control.label() + ": its counts came out exact (no replayed record reached a per-period sum before a "
          + "commit); the control is caught by " + claims.extra() + " duplicated records on `claims` ("
          + claims.missing() + " missing)" + eos + ".";
    }
    if (!control.comparison().exact()) {
      Comparison c = control.comparison();
      return control.label() + ": caught by " + claims.extra() + " duplicated records on `claims` ("
          + claims.missing() + " missing)" + eos + "; its counts are wrong too: " + c.cellsTooLow() + " cells too low, "
          + c.cellsTooHigh() + " too high (figure lost " + c.figureLost() + ", added " + c.figureExtra()
          + "), events lost " + c.eventsLost() + ", extra " + c.eventsExtra() + ".";
    }
    return control.label() + ": NOT caught: exact counts and exactly the expected records on `claims`.";
  }

  private static void row(StringBuilder md, RunResult run) {
    Comparison c = run.comparison();
    ClaimsLedger claims = run.claims();
    long streams = run.faults().stream().filter(f -> f.kind().equals("streams")).count();
    long brokers = run.faults().size() - streams;
    md.append(String.format(Locale.ROOT, "| %s | %s | %,d | %d streams SIGKILL, %d broker SIGKILL | %,d | %d | %d | %d | %d | %d | %d | %d | %,d | %d | %d | %s | %.1f s |%n",
        run.label(), run.guarantee(), run.recordsSent(), streams, brokers, c.eventsChecked(), c.eventsLost(),
        c.eventsExtra(), c.cellsTooLow(), c.cellsTooHigh(), c.figureLost(), c.figureExtra(), c.wrongKeys(),
        claims.claimRecordsExpected(), claims.extra(), claims.missing(), run.exact() ? "yes" : "no",
        run.convergeMs() / 1000.0));
  }

  private static String seconds(long ms) {
    return ms < 0 ? "n/a" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
  }

  private static void faults(StringBuilder md, RunResult run) {
    md.append("\n").append(run.label()).append(" (seed ").append(run.seed()).append(", workload ")
        .append(run.recordsByKind()).append(", ").append(run.streamsSettings()).append("):\n\n");
    md.append("| fault | target | at | gap | feed running | new JVM up | Streams started / broker serving | RUNNING / ISR full | first committed progress |\n|---|---|---|---|---|---|---|---|---|\n");
    for (FaultRecord f : run.faults()) {
      md.append(String.format(Locale.ROOT, "| %s SIGKILL | %s | %.1f s | %.1f s | %s | %s | %s | %s | %s |%n",
          f.kind(), f.target(), f.atSeconds(), f.gapSeconds(), f.duringFeed() ? "yes" : "no",
          seconds(f.toJvmUpMs()), seconds(f.toStartedMs()), seconds(f.toRunningMs()), seconds(f.toProgressMs())));
    }
    if (!run.comparison().examples().isEmpty()) {
      md.append("\nDiffering cells (first few):\n\n");
      run.comparison().examples().forEach(example -> md.append("- ").append(example).append('\n'));
    }
    if (!run.claims().examples().isEmpty()) {
      md.append("\nDiffering claim records (first few):\n\n");
      run.claims().examples().forEach(example -> md.append("- ").append(example).append('\n'));
    }
  }
}
