package org.retorno.faults.crash;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.retorno.avro.CaseCountRow;
import org.retorno.avro.Claim;
import org.retorno.schemas.Topics;
import org.retorno.schemas.serde.AvroSerde;

/**
 * The claims ledger of a converged cluster: what {@code raw-case-counts} holds, run through the
 * fault-free model, against what {@code claims} holds, both read with read_committed. The
 * expectation comes from the raw topic itself, not from the workload, so a raw record written
 * twice (a feeder retry) is expected twice and cannot pass for a duplicate of the pipeline's.
 */
final class ClaimsReader {
  private ClaimsReader() {}

  static ClaimsLedger ledger(String bootstrap, String registryUrl, Duration timeout) {
    Map<String, String> serde = Map.of("schema.registry.url", registryUrl);
    ExpectedClaims expected = new ExpectedClaims();
    for (ConsumerRecord<String, CaseCountRow> raw : CommittedTopicReader.readAll(bootstrap, Topics.RAW_CASE_COUNTS,
        AvroSerde.specific(CaseCountRow.class, serde, false).deserializer(), timeout)) {
      expected.accept(raw.key(), raw.value());
    }
    List<ClaimEntry> read = CommittedTopicReader.readAll(bootstrap, Topics.CLAIMS,
            AvroSerde.specific(Claim.class, serde, false).deserializer(), timeout).stream()
        .map(record -> new ClaimEntry(record.value().getId(), record.value().getRetracted()))
        .toList();
    return ClaimsLedger.of(expected.entries(), read);
  }
}
