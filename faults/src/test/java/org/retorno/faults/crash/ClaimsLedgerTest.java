package org.retorno.faults.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The claims ledger: its fault-free model against the real topology, and the comparison against
 * synthetic outputs with a duplicated, a missing and an unexpected record.
 */
class ClaimsLedgerTest {

  @Test
  void theModelSendsExactlyWhatTheTopologySends() {
    Workload workload = Workload.generate(WorkloadSpec.of(42, 600));

    ClaimsLedger ledger = ClaimsLedger.of(expectedFor(workload), TopologyDriverRun.of(workload).claimRecords());

    assertThat(ledger.examples()).isEmpty();
    assertThat(ledger.exact()).isTrue();
    // One stated claim per raw record that is not a withdrawal, one retraction per withdrawal.
    assertThat(ledger.claimRecordsExpected()).isEqualTo(workload.records().size());
    assertThat(ledger.claimRecordsRead()).isEqualTo(workload.records().size());
    assertThat(expectedFor(workload).stream().filter(ClaimEntry::retracted).count())
        .isEqualTo(workload.countsByKind().get(WorkloadRecord.Kind.WITHDRAWAL).longValue());
  }

  @Property(tries = 3)
  void anySeedAgrees(@ForAll long seed, @ForAll @IntRange(min = 1, max = 200) int rows) {
    Workload workload = Workload.generate(WorkloadSpec.of(seed, rows));

    ClaimsLedger ledger = ClaimsLedger.of(expectedFor(workload), TopologyDriverRun.of(workload).claimRecords());

    assertThat(ledger.examples()).isEmpty();
    assertThat(ledger.exact()).isTrue();
  }

  @Test
  void aSequenceReplayedAfterACrashShowsItsDuplicates() {
    Workload workload = Workload.generate(WorkloadSpec.of(7, 100));
    List<ClaimEntry> expected = expectedFor(workload);
    // At-least-once after a kill: the last three records since the "commit" are sent again.
    List<ClaimEntry> replayed = new ArrayList<>(expected);
    replayed.addAll(expected.subList(expected.size() - 3, expected.size()));

    ClaimsLedger ledger = ClaimsLedger.of(expected, replayed);

    assertThat(ledger.exact()).isFalse();
    assertThat(ledger.extra()).isEqualTo(3);
    assertThat(ledger.missing()).isZero();
    assertThat(ledger.claimRecordsExpected()).isEqualTo(expected.size());
    assertThat(ledger.claimRecordsRead()).isEqualTo(expected.size() + 3);
    assertThat(ledger.examples()).hasSize(3).allMatch(example -> example.endsWith("expected 1 records, read 2")
        || example.endsWith("expected 2 records, read 3"));
  }

  @Test
  void anExactOutputInAnyOrderIsEqual() {
    List<ClaimEntry> expected = List.of(new ClaimEntry("a", false), new ClaimEntry("b", false),
        new ClaimEntry("a", false), new ClaimEntry("a", true));
    List<ClaimEntry> read = List.of(new ClaimEntry("a", true), new ClaimEntry("a", false), new ClaimEntry("b", false),
        new ClaimEntry("a", false));

    ClaimsLedger ledger = ClaimsLedger.of(expected, read);

    assertThat(ledger).isEqualTo(new ClaimsLedger(4, 4, 0, 0, List.of()));
    assertThat(ledger.exact()).isTrue();
  }

  @Test
  void aMissingRetractionAndAnUnexpectedClaimAreBothCounted() {
    List<ClaimEntry> expected = List.of(new ClaimEntry("a", false), new ClaimEntry("a", true));
    List<ClaimEntry> read = List.of(new ClaimEntry("a", false), new ClaimEntry("c", false));

    ClaimsLedger ledger = ClaimsLedger.of(expected, read);

    assertThat(ledger.exact()).isFalse();
    assertThat(ledger.extra()).isEqualTo(1);
    assertThat(ledger.missing()).isEqualTo(1);
    assertThat(ledger.examples()).containsExactly("claim retracted a: expected 1 records, read 0",
        "claim c: expected 0 records, read 1");
  }

  @Test
  void aWithdrawalRetractsWhatTheSourceStatedAndAResentRowStatesItAgain() {
    ExpectedClaims model = new ExpectedClaims();
    Workload workload = Workload.generate(WorkloadSpec.of(3, 1));
    WorkloadRecord first = workload.records().get(0);
    String id = ExpectedClaims.claimIdOf(first.row());

    model.accept(first.key(), first.row());
    model.accept(first.key(), first.row());
    model.accept(first.key(), null);
    model.accept(first.key(), null);
    model.accept(null, first.row());

    assertThat(model.entries()).containsExactly(new ClaimEntry(id, false), new ClaimEntry(id, false),
        new ClaimEntry(id, true));
  }

  private static List<ClaimEntry> expectedFor(Workload workload) {
    ExpectedClaims model = new ExpectedClaims();
    workload.records().forEach(record -> model.accept(record.key(), record.row()));
    return model.entries();
  }
}
