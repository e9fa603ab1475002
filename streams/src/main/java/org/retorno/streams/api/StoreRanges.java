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

/**
 * A key range of a store over every partition this instance holds, for in-process readers (the
 * demo, tests); a partition that cannot be queried is an error, not a silent gap. The query API
 * uses {@link LocalStores}, which skips partitions other instances answer for.
 */
final class StoreRanges {
  private StoreRanges() {}

  static <V> List<V> values(KafkaStreams streams, String store, RangeQuery<String, V> query) {
    StateQueryResult<KeyValueIterator<String, V>> result =
        streams.query(StateQueryRequest.inStore(store).withQuery(query));
    List<V> values = new ArrayList<>();
    for (Map.Entry<Integer, QueryResult<KeyValueIterator<String, V>>> partition
        : result.getPartitionResults().entrySet()) {
      QueryResult<KeyValueIterator<String, V>> answer = partition.getValue();
      if (answer.isFailure()) {
        throw new IllegalStateException(store + " partition " + partition.getKey()
            + " cannot be queried: " + answer.getFailureReason() + " " + answer.getFailureMessage());
      }
      try (KeyValueIterator<String, V> iterator = answer.getResult()) {
        iterator.forEachRemaining(entry -> {
          if (entry.value != null) {
            values.add(entry.value);
          }
        });
      }
    }
    return values;
  }
}
