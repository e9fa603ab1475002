package org.retorno.streams.topology;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;
import org.retorno.avro.Claim;
import org.retorno.avro.Event;
import org.retorno.avro.EventMember;
import org.retorno.avro.EventMembers;
import org.retorno.schemas.Topics;

/**
 * Stage 2, claims -> events: one real-world event, however many times it was reported. Events go
 * to a compacted topic keyed by event id; a changed event is republished, a retracted one gets a
 * tombstone.
 */
final class EventsStage {
  private EventsStage() {}

  static KStream<String, Event> build(StreamsBuilder builder, AvroSerdes serdes,
      TopologyConfig config, KStream<String, Claim> countableClaims) {
    builder.addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(Names.EVENT_MEMBERS_STORE),
        Serdes.String(), serdes.value(EventMembers.class)));
    KStream<String, Event> events = countableClaims
        .filter((id, claim) -> Countable.isCountable(claim), Named.as(Names.COUNTABLE_CLAIMS))
        .selectKey((id, claim) -> Countable.cityCategoryKey(claim),
            Named.as(Names.MEMBERS_BY_CITY_CATEGORY + "-key"))
        // Only what matching and figures read crosses the repartition, not evidence and reasons.
        .mapValues(EventMembership::memberOf, Named.as(Names.MEMBERS_BY_CITY_CATEGORY + "-member"))
        .repartition(Repartitioned.with(Serdes.String(), serdes.value(EventMember.class))
            .withName(Names.MEMBERS_BY_CITY_CATEGORY))
        .process(() -> new EventResolver(config), Named.as(Names.RESOLVE_EVENTS),
            Names.EVENT_MEMBERS_STORE);
    events.to(Topics.EVENTS, Produced.with(Serdes.String(), serdes.value(Event.class))
        .withName(Names.EVENTS_SINK));
    return events;
  }
}
