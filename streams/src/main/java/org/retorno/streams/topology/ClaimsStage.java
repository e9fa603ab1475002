package org.retorno.streams.topology;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.retorno.avro.CaseCountRow;
import org.retorno.avro.Claim;
import org.retorno.avro.NewsArticle;
import org.retorno.avro.NgoReport;
import org.retorno.schemas.Topics;
import org.retorno.streams.extract.ClaimExtractor;
import org.retorno.streams.extract.SourceDocument;

/** Stage 1, raw -> claims: text is read by the extractor; table rows become claims directly. */
final class ClaimsStage {
  private ClaimsStage() {}

  static KStream<String, Claim> build(StreamsBuilder builder, AvroSerdes serdes,
      ClaimExtractor extractor) {
    KStream<String, SourceDocument> news = builder
        .stream(Topics.RAW_NEWS, Consumed.with(Serdes.String(), serdes.value(NewsArticle.class))
            .withName(Names.NEWS_SOURCE))
        .filter((id, article) -> article != null, Named.as(Names.NEWS_SOURCE + "-present"))
        .mapValues(SourceDocuments::fromNews, Named.as(Names.NEWS_TO_DOCUMENT));
    KStream<String, SourceDocument> reports = builder
        .stream(Topics.RAW_REPORTS, Consumed.with(Serdes.String(), serdes.value(NgoReport.class))
            .withName(Names.REPORTS_SOURCE))
        .filter((id, report) -> report != null, Named.as(Names.REPORTS_SOURCE + "-present"))
        .mapValues(SourceDocuments::fromReport, Named.as(Names.REPORTS_TO_DOCUMENT));

    KStream<String, Claim> textClaims = news
        .merge(reports, Named.as(Names.DOCUMENTS_MERGE))
        .flatMap((id, document) -> extractor.extract(document).stream()
            .map(claim -> KeyValue.pair(claim.getId(), claim)).toList(),
            Named.as(Names.EXTRACT_CLAIMS));
    KStream<String, Claim> tableClaims = builder
        .stream(Topics.RAW_CASE_COUNTS, Consumed.with(Serdes.String(), serdes.value(CaseCountRow.class))
            .withName(Names.CASE_COUNTS_SOURCE))
        .filter((id, row) -> row != null, Named.as(Names.CASE_COUNTS_SOURCE + "-present"))
        .map((id, row) -> {
          Claim claim = CaseCountClaims.toClaim(row);
          return KeyValue.pair(claim.getId(), claim);
        }, Named.as(Names.CASE_COUNTS_TO_CLAIMS));

    KStream<String, Claim> claims = textClaims.merge(tableClaims, Named.as(Names.CLAIMS_MERGE));
    claims.to(Topics.CLAIMS, Produced.with(Serdes.String(), serdes.value(Claim.class))
        .withName(Names.CLAIMS_SINK));
    return claims;
  }
}
