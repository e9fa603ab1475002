package org.retorno.faults.crash;

import org.retorno.avro.CaseCountRow;

/**
 * One record the workload sends to {@code raw-case-counts}: a source row keyed by its id, or a
 * tombstone (null row) that withdraws the source.
 *
 * @param kind why it is in the workload, for the report
 * @param timestampMs the Kafka record timestamp (2019, like the row's period)
 */
public record WorkloadRecord(String key, CaseCountRow row, long timestampMs, Kind kind) {
  public enum Kind { ORIGINAL, LATE, DUPLICATE, CORRECTION, WITHDRAWAL }
}
