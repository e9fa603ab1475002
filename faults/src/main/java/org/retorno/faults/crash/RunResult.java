package org.retorno.faults.crash;

import java.util.List;
import java.util.Map;

/**
 * What one crash run did and found.
 *
 * @param recordsSent workload records acknowledged by the cluster
 * @param recordsByKind the workload's records by kind (originals, late, duplicates, corrections, withdrawals)
 * @param convergeMs from the end of the faults and the feed until the output stood still
 * @param comparison the published daily counts against the ground truth
 * @param claims the claim records on {@code claims} against a fault-free run on the same raw records
 */
public record RunResult(String label, String guarantee, Map<String, String> streamsSettings, long seed,
    int recordsSent, Map<WorkloadRecord.Kind, Integer> recordsByKind, List<FaultRecord> faults, long convergeMs,
    long totalMs, Comparison comparison, ClaimsLedger claims) {

  /**
   * Exact only when both agree: a record processed twice changes the counts only when the replay
   * reaches a per-period sum, which a kill may or may not catch; the claim records show it always.
   */
  public boolean exact() {
    return comparison.exact() && claims.exact();
  }
}
