package org.retorno.streams.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.query.QueryResult;
import org.apache.kafka.streams.query.RangeQuery;
import org.apache.kafka.streams.query.StateQueryRequest;
import org.apache.kafka.streams.query.StateQueryResult;
import org.apache.kafka.streams.state.KeyValueIterator;
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
    StateQueryResult<KeyValueIterator<String, PeriodEvent>> result = streams.query(
        StateQueryRequest.inStore(Names.PROVENANCE_STORE).withQuery(RangeQuery.<String, PeriodEvent>withNoBounds()));
    List<PeriodEvent> entries = new ArrayList<>();
    for (Map.Entry<Integer, QueryResult<KeyValueIterator<String, PeriodEvent>>> partition
        : result.getPartitionResults().entrySet()) {
      QueryResult<KeyValueIterator<String, PeriodEvent>> answer = partition.getValue();
      if (answer.isFailure()) {
        throw new IllegalStateException("provenance store partition " + partition.getKey()
            + " cannot be queried: " + answer.getFailureReason() + " " + answer.getFailureMessage());
      }
      try (KeyValueIterator<String, PeriodEvent> iterator = answer.getResult()) {
        iterator.forEachRemaining(entry -> {
          if (entry.value != null) {
            entries.add(entry.value);
          }
        });
      }
    }
    return entries;
  }
}
