package org.retorno.streams.topology;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;
import org.retorno.avro.Claim;
import org.retorno.avro.CountSemantics;
import org.retorno.avro.SeriesObservations;

/** Stage 3, cumulative -> increments, per source and series (see {@link CumulativeIncrements}). */
final class CumulativeStage {
  private CumulativeStage() {}

  static KStream<String, Claim> build(StreamsBuilder builder, AvroSerdes serdes,
      KStream<String, Claim> claims) {
    builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(Names.SERIES_STORE),
        Serdes.String(), serdes.value(SeriesObservations.class)));
    return claims
        .filter((id, claim) -> Countable.atCity(claim) && claim.getSemantics() == CountSemantics.CUMULATIVE,
            Named.as(Names.CUMULATIVE_CLAIMS))
        .selectKey((id, claim) -> Countable.seriesKey(claim), Named.as(Names.CLAIMS_BY_SERIES + "-key"))
        .repartition(Repartitioned.with(Serdes.String(), serdes.value(Claim.class))
            .withName(Names.CLAIMS_BY_SERIES))
        .process(CumulativeIncrements::new, Named.as(Names.DIFFERENCE_TOTALS), Names.SERIES_STORE);
  }
}
