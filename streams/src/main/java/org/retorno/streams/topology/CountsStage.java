package org.retorno.streams.topology;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.retorno.avro.CityCounts;
import org.retorno.avro.Event;
import org.retorno.avro.Granularity;
import org.retorno.avro.PeriodEvent;
import org.retorno.avro.PeriodStatus;
import org.retorno.schemas.Topics;

/**
 * Stage 4, events -> per-city counts by day and by week, on event time. A table keyed by (city,
 * period) rather than a windowed aggregation: NGO reports arrive weeks or months after the events
 * they describe, and a window's grace period would drop them; a table lands a late claim in its
 * own period and revises it, for as long as history is kept. Each granularity has two outputs:
 * every revision (for dashboards) and settled periods with their later revisions (for analysts).
 */
final class CountsStage {
  private CountsStage() {}

  static KTable<String, Event> eventsTable(AvroSerdes serdes, KStream<String, Event> events) {
    return events.toTable(Named.as(Names.EVENTS_TABLE),
        Materialized.<String, Event, KeyValueStore<Bytes, byte[]>>as(Names.EVENTS_STORE)
            .withKeySerde(Serdes.String())
            .withValueSerde(serdes.value(Event.class)));
  }

  /** Events as the counts read them: each granularity's repartition carries these, not whole events. */
  static KTable<String, PeriodEvent> periodEvents(KTable<String, Event> events) {
    return events.mapValues(PeriodCounts::periodEvent, Named.as(Names.PERIOD_EVENTS));
  }

  static KStream<String, CityCounts> build(StreamsBuilder builder, AvroSerdes serdes, TopologyConfig config,
      KTable<String, PeriodEvent> events, Granularity granularity, String allTopic, String settledTopic) {
    PeriodCounts periods = new PeriodCounts(granularity);
    String publishedStore = Names.counts(granularity, "published-store");
    String pendingStore = Names.counts(granularity, "pending-store");
    builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(publishedStore),
        Serdes.String(), serdes.value(CityCounts.class)));
    builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(pendingStore),
        Serdes.String(), Serdes.String()));
    KStream<String, CityCounts> revisions = events
        .filter((id, event) -> periods.holds(event), Named.as(Names.counts(granularity, "precise-enough")))
        .groupBy((id, event) -> KeyValue.pair(periods.key(event), event),
            Grouped.with(Names.counts(granularity, "period-events"), Serdes.String(),
                serdes.value(PeriodEvent.class)))
        .aggregate(periods::empty, periods::add, periods::subtract,
            Named.as(Names.counts(granularity, "aggregate")),
            Materialized.<String, CityCounts, KeyValueStore<Bytes, byte[]>>as(Names.countsStore(granularity))
                .withKeySerde(Serdes.String())
                .withValueSerde(serdes.value(CityCounts.class)))
        .toStream(Named.as(Names.counts(granularity, "changes")))
        .process(() -> new PeriodSettler(publishedStore, pendingStore, config.settleDays()),
            Named.as(Names.counts(granularity, "settle")), publishedStore, pendingStore);
    revisions.to(allTopic, Produced.with(Serdes.String(), serdes.value(CityCounts.class))
        .withName(Names.counts(granularity, "sink")));
    revisions
        .filter((key, counts) -> counts.getStatus() == PeriodStatus.SETTLED,
            Named.as(Names.counts(granularity, "settled")))
        .to(settledTopic, Produced.with(Serdes.String(), serdes.value(CityCounts.class))
            .withName(Names.counts(granularity, "settled-sink")));
    return revisions;
  }
}
