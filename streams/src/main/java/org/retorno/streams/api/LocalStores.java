package org.retorno.streams.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.query.FailureReason;
import org.apache.kafka.streams.query.KeyQuery;
import org.apache.kafka.streams.query.QueryResult;
import org.apache.kafka.streams.query.RangeQuery;
import org.apache.kafka.streams.query.StateQueryRequest;
import org.apache.kafka.streams.query.StateQueryResult;
import org.apache.kafka.streams.state.KeyValueIterator;

/**
 * Interactive queries (IQv2) on this instance's active partitions only: with several instances,
 * each partition is answered by exactly one of them, so gathered answers hold no duplicates.
 */
final class LocalStores {
  private final KafkaStreams streams;

  LocalStores(KafkaStreams streams) {
    this.streams = streams;
  }

  /** Values of keys in [from, to] (a null bound is open) in every local active partition. */
  <V> List<V> range(String store, String from, String to) {
    RangeQuery<String, V> query = from == null && to == null ? RangeQuery.withNoBounds()
        : from == null ? RangeQuery.withUpperBound(to)
        : to == null ? RangeQuery.withLowerBound(from) : RangeQuery.withRange(from, to);
    StateQueryResult<KeyValueIterator<String, V>> result =
        query(StateQueryRequest.inStore(store).withQuery(query).requireActive());
    List<V> values = new ArrayList<>();
    for (Map.Entry<Integer, QueryResult<KeyValueIterator<String, V>>> partition
        : result.getPartitionResults().entrySet()) {
      QueryResult<KeyValueIterator<String, V>> answer = partition.getValue();
      if (skippable(store, partition.getKey(), answer)) {
        continue;
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

  /** The value of a key in the given local partition. */
  <V> Optional<V> get(String store, String key, int partition) {
    StateQueryResult<V> result = query(StateQueryRequest.inStore(store)
        .withQuery(KeyQuery.<String, V>withKey(key)).withPartitions(Set.of(partition)).requireActive());
    QueryResult<V> answer = result.getPartitionResults().get(partition);
    if (answer == null || skippable(store, partition, answer)) {
      throw ApiException.unavailable(store + " partition " + partition + " is not active here (rebalancing?)");
    }
    return Optional.ofNullable(answer.getResult());
  }

  private <R> StateQueryResult<R> query(StateQueryRequest<R> request) {
    try {
      return streams.query(request);
    } catch (RuntimeException e) {
      // Thrown while the instance is starting, rebalancing or shutting down.
      throw ApiException.unavailable("state is not queryable now (" + streams.state() + "): " + e.getMessage());
    }
  }

  /** A partition held here only as a standby, or not at all, is answered by another instance. */
  private static boolean skippable(String store, int partition, QueryResult<?> answer) {
    if (answer.isSuccess()) {
      return false;
    }
    FailureReason reason = answer.getFailureReason();
    if (reason == FailureReason.NOT_ACTIVE || reason == FailureReason.NOT_PRESENT) {
      return true;
    }
    throw ApiException.unavailable(store + " partition " + partition + " cannot be queried: "
        + reason + " " + answer.getFailureMessage());
  }
}
