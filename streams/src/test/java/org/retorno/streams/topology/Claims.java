package org.retorno.streams.topology;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.retorno.avro.Category;
import org.retorno.avro.Claim;
import org.retorno.avro.Count;
import org.retorno.avro.CountKind;
import org.retorno.avro.CountSemantics;
import org.retorno.avro.Evidence;
import org.retorno.avro.SourceKind;
import org.retorno.avro.TimePrecision;
import org.retorno.schemas.geo.BorderCity;

/** Builds claims for tests, with defaults for everything a test does not care about. */
final class Claims {
  private Claims() {}

  static Claim.Builder claim(String id, String sourceId, BorderCity city, Category category,
      long value, CountKind kind, LocalDate date, TimePrecision precision) {
    return Claim.newBuilder()
        .setId(id)
        .setSourceId(sourceId)
        .setSourceKind(SourceKind.NEWS)
        .setSourceName("source " + sourceId)
        .setSourceUrl(null)
        .setLanguage("en")
        .setPlace(city.toPlace())
        .setCategory(category)
        .setCount(Count.newBuilder().setValue(value).setKind(kind).setLow(null).setHigh(null)
            .setText(Long.toString(value)).build())
        .setBreakdown(Map.of())
        .setSemantics(CountSemantics.INCREMENT)
        .setEventDate(date)
        .setEventDatePrecision(precision)
        .setPeriodEnd(null)
        .setReportDate(date)
        .setEvidence(Evidence.newBuilder().setSentence("a sentence").setStart(0).setEnd(10).build())
        .setExtractorVersion("test")
        .setConfidence(0.9)
        .setConfidenceReasons(List.of());
  }

  static Claim exact(String id, String sourceId, BorderCity city, Category category, long value,
      LocalDate date) {
    return claim(id, sourceId, city, category, value, CountKind.EXACT, date, TimePrecision.DAY).build();
  }
}
