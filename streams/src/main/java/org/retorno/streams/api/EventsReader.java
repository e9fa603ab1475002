package org.retorno.streams.api;

import java.util.Optional;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.query.KeyQuery;
import org.apache.kafka.streams.query.QueryResult;
import org.apache.kafka.streams.query.StateQueryRequest;
import org.apache.kafka.streams.query.StateQueryResult;
import org.retorno.avro.Event;
import org.retorno.streams.topology.Names;

/** Looks up events by id in the local events store, so a count can be traced to its events. */
public final class EventsReader {
  private final KafkaStreams streams;

  public EventsReader(KafkaStreams streams) {
    this.streams = streams;
  }

  public Optional<Event> event(String id) {
    StateQueryResult<Event> result = streams.query(
        StateQueryRequest.inStore(Names.EVENTS_STORE).withQuery(KeyQuery.<String, Event>withKey(id)));
    for (QueryResult<Event> partition : result.getPartitionResults().values()) {
      if (partition.isSuccess() && partition.getResult() != null) {
        return Optional.of(partition.getResult());
      }
    }
    return Optional.empty();
  }
}
