package org.retorno.local.registry;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.retorno.avro.Category;
import org.retorno.avro.CategoryCount;
import org.retorno.avro.CityCounts;
import org.retorno.avro.Claim;
import org.retorno.avro.Count;
import org.retorno.avro.CountKind;
import org.retorno.avro.CountSemantics;
import org.retorno.avro.Evidence;
import org.retorno.avro.Granularity;
import org.retorno.avro.PeriodEvent;
import org.retorno.avro.SourceKind;
import org.retorno.avro.TimePrecision;
import org.retorno.schemas.geo.BorderCity;

/**
 * Records of the pipeline's own contracts with every kind of field filled: dates, unions both null
 * and set, maps, arrays, enums, doubles, non-ASCII text. No personal data.
 */
public final class AvroSamples {
  private AvroSamples() {}

  public static List<CityCounts> cityCounts() {
    return List.of(
        CityCounts.newBuilder()
            .setCityId(BorderCity.CIUDAD_JUAREZ.geonamesId())
            .setCityName(BorderCity.CIUDAD_JUAREZ.displayName())
            .setAdmin1Code(BorderCity.CIUDAD_JUAREZ.admin1Code())
            .setGranularity(Granularity.DAY)
            .setPeriodStart(LocalDate.of(2019, 7, 10))
            .setPeriodEnd(LocalDate.of(2019, 7, 10))
            .setCounts(List.of(
                new CategoryCount(Category.AVR_DEPARTURE, 69L, 1, 3, 69L, 0L),
                new CategoryCount(Category.MPP_RETURN, 0L, 0, 0, 0L, 0L)))
            .build(),
        CityCounts.newBuilder()
            .setCityId(BorderCity.TIJUANA.geonamesId())
            .setCityName(BorderCity.TIJUANA.displayName())
            .setAdmin1Code(BorderCity.TIJUANA.admin1Code())
            .setGranularity(Granularity.WEEK)
            .setPeriodStart(LocalDate.of(2019, 12, 30))
            .setPeriodEnd(LocalDate.of(2020, 1, 5))
            .setCounts(List.of(new CategoryCount(Category.KIDNAPPING, 12L, 2, 3, 5L, 12L)))
            .build());
  }

  /** count-provenance entries: an event of a day with two claims, and one known only to its month. */
  public static List<PeriodEvent> countProvenance() {
    return List.of(
        PeriodEvent.newBuilder()
            .setId("ev-4013708-avr-2019-07-10")
            .setCityId(BorderCity.CIUDAD_JUAREZ.geonamesId())
            .setCityName(BorderCity.CIUDAD_JUAREZ.displayName())
            .setAdmin1Code(BorderCity.CIUDAD_JUAREZ.admin1Code())
            .setCategory(Category.AVR_DEPARTURE)
            .setEventDate(LocalDate.of(2019, 7, 10))
            .setEventDatePrecision(TimePrecision.DAY)
            .setFigure(69L)
            .setClaimIds(List.of("claim-1", "claim-3"))
            .build(),
        PeriodEvent.newBuilder()
            .setId("ev-3981609-mpp-2019-12")
            .setCityId(BorderCity.TIJUANA.geonamesId())
            .setCityName(BorderCity.TIJUANA.displayName())
            .setAdmin1Code("")
            .setCategory(Category.MPP_RETURN)
            .setEventDate(LocalDate.of(2019, 12, 1))
            .setEventDatePrecision(TimePrecision.MONTH)
            .setFigure(1_250L)
            .setClaimIds(List.of())
            .build());
  }

  public static List<Claim> claims() {
    Claim full = Claim.newBuilder()
        .setId("claim-1")
        .setSourceId("article-1")
        .setSourceKind(SourceKind.INTERNATIONAL_ORG)
        .setSourceName("IOM situation report")
        .setSourceUrl("https://example.org/sitrep-2019-07.pdf")
        .setLanguage("es")
        .setPlace(BorderCity.CIUDAD_JUAREZ.toPlace())
        .setCategory(Category.AVR_DEPARTURE)
        .setCount(new Count(69L, CountKind.EXACT, null, null, "69 personas"))
        .setBreakdown(Map.of("HN", 40L, "GT", 29L))
        .setSemantics(CountSemantics.INCREMENT)
        .setEventDate(LocalDate.of(2019, 7, 10))
        .setEventDatePrecision(TimePrecision.DAY)
        .setPeriodEnd(null)
        .setReportDate(LocalDate.of(2019, 7, 12))
        .setEvidence(new Evidence("Un autobús con 69 personas salió de Ciudad Juárez.", 120, 171))
        .setExtractorVersion("rules-0.1")
        .setConfidence(0.875)
        .setConfidenceReasons(List.of("exact figure", "named city"))
        .build();
    Claim sparse = Claim.newBuilder()
        .setId("claim-2")
        .setSourceId("letter-1")
        .setSourceKind(SourceKind.NGO)
        .setSourceName("NGO letter")
        .setSourceUrl(null)
        .setLanguage(null)
        .setPlace(BorderCity.TIJUANA.toPlace("hearing location San Ysidro"))
        .setCategory(Category.EXTORTION)
        .setCount(new Count(50L, CountKind.RANGE, 50L, 60L, "50 to 60"))
        .setSemantics(CountSemantics.CUMULATIVE)
        .setEventDate(null)
        .setEventDatePrecision(TimePrecision.UNKNOWN)
        .setPeriodEnd(LocalDate.of(2020, 2, 29))
        .setReportDate(null)
        .setEvidence(new Evidence("Between 50 and 60 people reported extortion.", 0, 44))
        .setExtractorVersion("rules-0.1")
        .setConfidence(0.5)
        .build();
    return List.of(full, sparse);
  }
}
