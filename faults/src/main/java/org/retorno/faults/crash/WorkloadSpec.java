package org.retorno.faults.crash;

import java.time.LocalDate;

/**
 * What the generated workload looks like. Shares are of the original rows: for every 100
 * originals about {@code 100 * duplicateShare} exact re-sends, and so on.
 *
 * @param seed makes the workload reproducible
 * @param originals distinct source rows (each one claim)
 * @param firstDay the first of {@code days} days of 2019 the rows are dated in
 * @param lateShare originals dated 20-45 days behind the stream
 * @param duplicateShare exact re-sends (same key, same value) of a row already sent
 * @param correctionShare a row already sent, re-sent with a revised figure
 * @param withdrawalShare a row already sent, withdrawn by a tombstone
 */
public record WorkloadSpec(long seed, int originals, LocalDate firstDay, int days, double lateShare,
    double duplicateShare, double correctionShare, double withdrawalShare) {

  public WorkloadSpec {
    if (originals < 1) {
      throw new IllegalArgumentException("the workload needs at least one row, got " + originals);
    }
    if (days < 1) {
      throw new IllegalArgumentException("the workload needs at least one day, got " + days);
    }
    double extras = duplicateShare + correctionShare + withdrawalShare;
    if (lateShare < 0 || lateShare > 1 || duplicateShare < 0 || correctionShare < 0 || withdrawalShare < 0
        || extras >= 1) {
      throw new IllegalArgumentException("workload shares must be fractions with extras below 1, got late "
          + lateShare + ", duplicates " + duplicateShare + ", corrections " + correctionShare
          + ", withdrawals " + withdrawalShare);
    }
  }

  /** 60 days from 2019-03-01; 5% late, 8% duplicates, 5% corrections, 2% withdrawals. */
  public static WorkloadSpec of(long seed, int originals) {
    return new WorkloadSpec(seed, originals, LocalDate.of(2019, 3, 1), 60, 0.05, 0.08, 0.05, 0.02);
  }
}
