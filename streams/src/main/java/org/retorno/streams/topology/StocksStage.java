package org.retorno.streams.topology;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;
import org.retorno.avro.Claim;
import org.retorno.avro.CountSemantics;
import org.retorno.schemas.Topics;

/**
 * Stocks ("10,000 cases pending") are gauges: the latest level each source reports for a city
 * and metric, on a compacted topic. They are never summed into counts.
 */
final class StocksStage {
  private StocksStage() {}

  static void build(AvroSerdes serdes, KStream<String, Claim> claims) {
    claims
        .filter((id, claim) -> Countable.atCity(claim) && !claim.getRetracted()
            && claim.getSemantics() == CountSemantics.STOCK, Named.as(Names.STOCK_CLAIMS))
        .groupBy((id, claim) -> Countable.seriesKey(claim),
            Grouped.with(Names.STOCKS_BY_SERIES, Serdes.String(), serdes.value(Claim.class)))
        .reduce((current, next) -> Countable.dateOf(next).isBefore(Countable.dateOf(current)) ? current : next,
            Named.as(Names.LATEST_STOCK),
            Materialized.<String, Claim, KeyValueStore<Bytes, byte[]>>as(Names.STOCKS_STORE)
                .withKeySerde(Serdes.String())
                .withValueSerde(serdes.value(Claim.class)))
        .toStream(Named.as(Names.LATEST_STOCK + "-changes"))
        .to(Topics.STOCKS, Produced.with(Serdes.String(), serdes.value(Claim.class))
            .withName(Names.STOCKS_SINK));
  }
}
