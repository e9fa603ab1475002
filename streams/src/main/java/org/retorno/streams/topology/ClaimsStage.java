package org.retorno.streams.topology;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;
import org.retorno.avro.CaseCountRow;
import org.retorno.avro.Claim;
import org.retorno.avro.NewsArticle;
import org.retorno.avro.NgoReport;
import org.retorno.avro.SourceClaims;
import org.retorno.schemas.Topics;
import org.retorno.streams.extract.ClaimExtractor;

/**
 * Stage 1, raw -> claims: text is read by the extractor; table rows become claims directly. The
 * three raw topics are keyed by source id and co-partitioned, so one store remembers what each
 * source stated and a withdrawn source retracts its claims.
 */
final class ClaimsStage {
  private ClaimsStage() {}

  static KStream<String, Claim> build(StreamsBuilder builder, AvroSerdes serdes,
      ClaimExtractor extractor, PipelineListener listener) {
    builder.addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(Names.SOURCE_CLAIMS_STORE),
        Serdes.String(), serdes.value(SourceClaims.class)));
    KStream<String, SpecificRecord> news = keyed(builder, Topics.RAW_NEWS, serdes.value(NewsArticle.class),
        Names.NEWS_SOURCE, listener)
        .mapValues(article -> (SpecificRecord) article, Named.as(Names.NEWS_TO_DOCUMENT));
    KStream<String, SpecificRecord> reports = keyed(builder, Topics.RAW_REPORTS, serdes.value(NgoReport.class),
        Names.REPORTS_SOURCE, listener)
        .mapValues(report -> (SpecificRecord) report, Named.as(Names.REPORTS_TO_DOCUMENT));
    KStream<String, SpecificRecord> rows = keyed(builder, Topics.RAW_CASE_COUNTS, serdes.value(CaseCountRow.class),
        Names.CASE_COUNTS_SOURCE, listener)
        .mapValues(row -> (SpecificRecord) row, Named.as(Names.CASE_COUNTS_TO_CLAIMS));

    KStream<String, Claim> claims = news
        .merge(reports, Named.as(Names.DOCUMENTS_MERGE))
        .merge(rows, Named.as(Names.CLAIMS_MERGE))
        .process(() -> new ClaimsBySource(extractor, listener), Named.as(Names.EXTRACT_CLAIMS),
            Names.SOURCE_CLAIMS_STORE);
    claims.to(Topics.CLAIMS, Produced.with(Serdes.String(), serdes.value(Claim.class))
        .withName(Names.CLAIMS_SINK));
    return claims;
  }

  /**
   * A raw topic's records that have a key. The key is the source id: without it a source cannot be
   * remembered, withdrawn or kept on its partition, so a record without one goes to the dead-letter
   * topic (operators "{@code <source>-null-keys-...}") rather than being dropped unseen.
   */
  private static <V> KStream<String, V> keyed(StreamsBuilder builder, String topic, Serde<V> valueSerde,
      String sourceName, PipelineListener listener) {
    KStream<String, V> raw = builder.stream(topic, Consumed.with(Serdes.String(), valueSerde).withName(sourceName));
    return DeadLetters.divert(raw, key -> key == null, DeadLetters.NULL_KEY,
        "a raw record needs its source id as key", topic, valueSerde, listener, sourceName.replace("-source", "") + "-null-keys");
  }
}
