package org.retorno.streams.topology;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.retorno.avro.CaseCountRow;
import org.retorno.avro.Claim;
import org.retorno.avro.Count;
import org.retorno.avro.CountKind;
import org.retorno.avro.Evidence;
import org.retorno.avro.TimePrecision;

/** A validated case-count row is already a claim: a stated figure for a place, period and category. */
final class CaseCountClaims {
  /** Marks claims that come from tables rather than text; see {@link EventMatcher}. */
  static final String EXTRACTOR_VERSION = "case-count-table/1";

  private CaseCountClaims() {}

  static boolean fromTable(Claim claim) {
    return claim.getExtractorVersion().equals(EXTRACTOR_VERSION);
  }

  static Claim toClaim(CaseCountRow row) {
    String evidence = "%s to %s, %s, %s: %d (%s)".formatted(row.getPeriodStart(), row.getPeriodEnd(),
        row.getPlaceName(), row.getCategory(), row.getValue(),
        row.getSemantics().name().toLowerCase(java.util.Locale.ROOT));
    List<String> reasons = new ArrayList<>(List.of("structured table row", "line " + row.getLineNumber()
        + " of " + row.getSourceFile()));
    double confidence = 0.95;
    if (row.getPlace().getInferred()) {
      reasons.add("place inferred: " + row.getPlace().getInferenceNote());
      confidence = 0.8;
    }
    return Claim.newBuilder()
        .setId(sha256Hex("table:" + row.getId()))
        .setSourceId(row.getId())
        .setSourceKind(row.getSourceKind())
        .setSourceName(row.getSourceName())
        .setSourceUrl(row.getSourceUrl())
        .setLanguage(null)
        .setPlace(row.getPlace())
        .setCategory(row.getCategory())
        .setCount(Count.newBuilder().setValue(row.getValue()).setKind(CountKind.EXACT)
            .setLow(null).setHigh(null).setText(Long.toString(row.getValue())).build())
        .setBreakdown(Map.of())
        .setSemantics(row.getSemantics())
        .setEventDate(row.getPeriodStart())
        .setEventDatePrecision(precisionOf(row))
        .setPeriodEnd(row.getPeriodEnd())
        .setReportDate(null)
        .setEvidence(Evidence.newBuilder().setSentence(evidence).setStart(0)
            .setEnd(evidence.length()).build())
        .setExtractorVersion(EXTRACTOR_VERSION)
        .setConfidence(confidence)
        .setConfidenceReasons(reasons)
        .build();
  }

  private static TimePrecision precisionOf(CaseCountRow row) {
    long days = ChronoUnit.DAYS.between(row.getPeriodStart(), row.getPeriodEnd()) + 1;
    if (days <= 1) {
      return TimePrecision.DAY;
    }
    if (days <= 7) {
      return TimePrecision.WEEK;
    }
    return days <= 31 ? TimePrecision.MONTH : TimePrecision.YEAR;
  }

  static String sha256Hex(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
