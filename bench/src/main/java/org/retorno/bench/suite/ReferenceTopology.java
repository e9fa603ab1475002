package org.retorno.bench.suite;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.state.WindowStore;
import org.retorno.avro.CaseCountRow;
import org.retorno.schemas.serde.AvroSerde;

/**
 * The reference peer: the barest Kafka Streams topology that computes what the pipeline's daily
 * counts need from the same records. Avro decode, re-key by city (one repartition, as any per-city
 * count of records keyed by source needs), a daily windowed count in RocksDB, output. The grace
 * period covers the whole history, so, like the pipeline's tables, it drops no late record.
 */
public final class ReferenceTopology {
  public static final String COUNTS_STORE = "bench-reference-counts";

  private ReferenceTopology() {}

  public static Topology build(String inputTopic, String outputTopic, Map<String, ?> serdeConfig,
      Duration history) {
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream(inputTopic, Consumed.with(Serdes.String(), AvroSerde.specific(CaseCountRow.class, serdeConfig, false))
            .withName("bench-reference-source"))
        .map((id, row) -> KeyValue.pair(Long.toString(row.getPlace().getGeonamesId()), row.getValue()),
            Named.as("bench-reference-by-city"))
        .groupByKey(Grouped.with("bench-reference-by-city", Serdes.String(), Serdes.Long()))
        .windowedBy(TimeWindows.ofSizeAndGrace(Duration.ofDays(1), history))
        .count(Named.as("bench-reference-count"),
            Materialized.<String, Long, WindowStore<Bytes, byte[]>>as(COUNTS_STORE)
                .withKeySerde(Serdes.String()).withValueSerde(Serdes.Long()))
        .toStream(Named.as("bench-reference-changes"))
        .map((window, count) -> KeyValue.pair(window.key() + ":" + day(window.window().start()), count),
            Named.as("bench-reference-keys"))
        .to(outputTopic, Produced.with(Serdes.String(), Serdes.Long()).withName("bench-reference-sink"));
    return builder.build();
  }

  private static LocalDate day(long epochMillis) {
    return LocalDate.ofInstant(Instant.ofEpochMilli(epochMillis), ZoneOffset.UTC);
  }
}
