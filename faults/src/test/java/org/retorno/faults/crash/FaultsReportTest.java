package org.retorno.faults.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The verdict: a run is exact only when counts and claim records both are, and the report says why. */
class FaultsReportTest {
  private static final Comparison EXACT_COUNTS = new Comparison(780, 900, 0, 0, 0, 0, 0, 0, 0, List.of());
  private static final ClaimsLedger EXACT_CLAIMS = new ClaimsLedger(923, 923, 0, 0, List.of());

  @Test
  void aControlWithExactCountsIsCaughtByItsDuplicatedClaimRecords() {
    RunResult control = run("negative control", EXACT_COUNTS, new ClaimsLedger(923, 1002, 79, 0, List.of()));
    FaultsReport report = new FaultsReport(run("exactly-once", EXACT_COUNTS, EXACT_CLAIMS), List.of(control));

    assertThat(control.exact()).isFalse();
    assertThat(report.passed()).isTrue();
    assertThat(report.controlsCaught()).isEqualTo(1);
    assertThat(report.markdown()).contains("negative control: its counts came out exact (no replayed record reached a per-period sum before a "
        + "commit); the control is caught by 79 duplicated records on `claims` "
        + "(0 missing), which exactly-once never shows (0 duplicated, 0 missing).");
  }

  @Test
  void aControlExactInCountsAndClaimsFailsTheHarness() {
    FaultsReport report = new FaultsReport(run("exactly-once", EXACT_COUNTS, EXACT_CLAIMS),
        List.of(run("negative control", EXACT_COUNTS, EXACT_CLAIMS)));

    assertThat(report.passed()).isFalse();
    assertThat(report.markdown()).startsWith("## Crash faults: FAILED")
        .contains("negative control: NOT caught: exact counts and exactly the expected records on `claims`.");
  }

  @Test
  void anExactlyOnceRunWithADuplicatedClaimRecordIsNotExact() {
    RunResult exactlyOnce = run("exactly-once", EXACT_COUNTS, new ClaimsLedger(923, 924, 1, 0, List.of()));
    FaultsReport report = new FaultsReport(exactlyOnce,
        List.of(run("negative control", EXACT_COUNTS, new ClaimsLedger(923, 950, 27, 0, List.of()))));

    assertThat(exactlyOnce.exact()).isFalse();
    assertThat(report.passed()).isFalse();
    assertThat(report.markdown()).contains("but exactly-once shows 1 duplicated and 0 missing too");
  }

  private static RunResult run(String label, Comparison counts, ClaimsLedger claims) {
    return new RunResult(label, "at_least_once", Map.of(), 2019, 923, Map.of(), List.of(), 1_000, 60_000, counts,
        claims);
  }
}
