package org.retorno.streams.topology;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;
import org.retorno.avro.Event;
import org.retorno.avro.PeriodEvent;
import org.retorno.schemas.Topics;

/**
 * Stage 4b, events -> count-provenance: the events and claims behind every count, filed by city,
 * day and category (see {@link CountProvenance}). The store answers the query API; the compacted
 * topic lets any consumer trace a published count to its claims and sources.
 */
final class ProvenanceStage {
  private ProvenanceStage() {}

  static void build(StreamsBuilder builder, AvroSerdes serdes, KStream<String, Event> events) {
    builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(Names.PROVENANCE_STORE),
        Serdes.String(), serdes.value(PeriodEvent.class)));
    builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(Names.PROVENANCE_KEYS_STORE),
        Serdes.String(), Serdes.String()));
    events
        .mapValues(event -> event == null ? null : PeriodCounts.periodEvent(event),
            Named.as(Names.PROVENANCE + "-events"))
        .process(() -> new ProvenanceIndex(Names.PROVENANCE_STORE, Names.PROVENANCE_KEYS_STORE),
            Named.as(Names.PROVENANCE), Names.PROVENANCE_STORE, Names.PROVENANCE_KEYS_STORE)
        .to(Topics.COUNT_PROVENANCE, Produced.with(Serdes.String(), serdes.value(PeriodEvent.class))
            .withName(Names.PROVENANCE + "-sink"));
  }
}
