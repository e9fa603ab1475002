package org.retorno.streams.topology;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;
import org.retorno.avro.CityCounts;
import org.retorno.avro.Granularity;
import org.retorno.avro.SpikeAlert;
import org.retorno.avro.SpikeSeries;
import org.retorno.schemas.Topics;
import org.retorno.streams.detect.DetectionConfig;

/** Stage 6, counts -> spike alerts, per granularity (see {@link SpikeDetector}). */
final class SpikesStage {
  private SpikesStage() {}

  static void build(StreamsBuilder builder, AvroSerdes serdes, TopologyConfig config,
      DetectionConfig detection, KStream<String, CityCounts> revisions, Granularity granularity) {
    String store = Names.spikeSeriesStore(granularity);
    String alertStore = Names.spikeAlertsStore(granularity);
    builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(store),
        Serdes.String(), serdes.value(SpikeSeries.class)));
    builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(alertStore),
        Serdes.String(), serdes.value(SpikeAlert.class)));
    revisions
        .selectKey((period, counts) -> Long.toString(counts.getCityId()),
            Named.as(Names.counts(granularity, "by-city-key")))
        .repartition(Repartitioned.with(Serdes.String(), serdes.value(CityCounts.class))
            .withName(Names.counts(granularity, "by-city")))
        .process(() -> new SpikeDetector(granularity, detection, config.settleDays(), store, alertStore,
            config.listener()),
            Named.as(Names.counts(granularity, "detect-spikes")), store, alertStore)
        .to(Topics.SPIKE_ALERTS, Produced.with(Serdes.String(), serdes.value(SpikeAlert.class))
            .withName(Names.counts(granularity, "alerts-sink")));
  }
}
