package org.retorno.streams.api;

import java.util.List;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.query.RangeQuery;
import org.retorno.avro.PeriodEvent;
import org.retorno.streams.topology.Names;

/**
 * Reads the local count-provenance store: the events and claims behind the counts, filed by city,
 * day and category. For tools that run the topology in process (the demo); the query API gathers
 * the same store from every instance.
 */
public final class ProvenanceStoreReader {
  private final KafkaStreams streams;

  public ProvenanceStoreReader(KafkaStreams streams) {
    this.streams = streams;
  }

  /** Every entry in this instance's partitions. */
  public List<PeriodEvent> all() {
    return StoreRanges.values(streams, Names.PROVENANCE_STORE, RangeQuery.<String, PeriodEvent>withNoBounds());
  }
}
