package org.retorno.streams.topology;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;
import org.retorno.avro.CityCounts;
import org.retorno.avro.Event;
import org.retorno.schemas.Topics;

/**
 * Stage 3, events -> per-city daily counts, on event time. A table keyed by (city, day) rather
 * than a windowed aggregation: NGO reports arrive weeks or months after the events they describe,
 * and a window's grace period would drop them; a table lands a late claim in its own day and
 * revises it.
 */
final class CountsStage {
  private CountsStage() {}

  static KTable<String, CityCounts> build(AvroSerdes serdes, KStream<String, Event> events) {
    KTable<String, Event> eventsTable = events.toTable(Named.as(Names.EVENTS_TABLE),
        Materialized.<String, Event, KeyValueStore<Bytes, byte[]>>as(Names.EVENTS_STORE)
            .withKeySerde(Serdes.String())
            .withValueSerde(serdes.value(Event.class)));
    KTable<String, CityCounts> daily = eventsTable
        .groupBy((id, event) -> KeyValue.pair(DailyCounts.key(event), event),
            Grouped.with(Names.EVENTS_BY_CITY_DAY, Serdes.String(), serdes.value(Event.class)))
        .aggregate(DailyCounts::empty, DailyCounts::add, DailyCounts::subtract,
            Named.as(Names.DAILY_COUNTS),
            Materialized.<String, CityCounts, KeyValueStore<Bytes, byte[]>>as(Names.DAILY_COUNTS_STORE)
                .withKeySerde(Serdes.String())
                .withValueSerde(serdes.value(CityCounts.class)));
    daily.toStream(Named.as(Names.DAILY_COUNTS_STREAM))
        .to(Topics.CITY_COUNTS_DAILY, Produced.with(Serdes.String(), serdes.value(CityCounts.class))
            .withName(Names.DAILY_COUNTS_SINK));
    return daily;
  }
}
