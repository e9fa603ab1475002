package org.retorno.streams.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.retorno.avro.SpikeAlert;

/** A spike alert as read from the {@code spike-alerts} topic, with when it was published. */
record AlertView(String id, String kind, long cityId, String cityName, String category, String granularity,
    LocalDate periodStart, LocalDate lastPeriod, double observed, double expected, double threshold,
    double score, String method, Map<String, String> parameters, String severity, boolean provisional,
    Instant publishedAt) {

  static AlertView of(SpikeAlert alert, Instant publishedAt) {
    return new AlertView(alert.getId(), alert.getKind().name(), alert.getCityId(), alert.getCityName(),
        alert.getCategory().name(), alert.getGranularity().name(), alert.getPeriodStart(),
        alert.getLastPeriod() != null ? alert.getLastPeriod() : alert.getPeriodStart(), alert.getObserved(), alert.getExpected(), alert.getThreshold(), alert.getScore(), alert.getMethod(),
        Map.copyOf(alert.getParameters()), alert.getSeverity().name(), alert.getProvisional(), publishedAt);
  }

  /**
   * The public form: what, where, when and how sure, but no figures. The observed count may be a
   * small cell, and the baseline is a mean over past periods, that is a total of published cells.
   * Analysts also get the events behind the episode (see {@link Routes}), looked up on
   * count-provenance since the alert itself names only its periods.
   */
  Map<String, Object> json(Tier tier) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", id);
    json.put("kind", kind);
    json.put("cityId", cityId);
    json.put("city", cityName);
    json.put("category", category);
    json.put("granularity", granularity);
    json.put("periodStart", periodStart.toString());
    json.put("lastPeriod", lastPeriod.toString());
    json.put("severity", severity);
    json.put("provisional", provisional);
    json.put("method", method);
    json.put("publishedAt", publishedAt.toString());
    if (tier == Tier.ANALYST) {
      json.put("observed", observed);
      json.put("expected", expected);
      json.put("threshold", threshold);
      json.put("score", score);
      json.put("parameters", parameters);
    }
    return json;
  }
}
