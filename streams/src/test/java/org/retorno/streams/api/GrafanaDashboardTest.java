package org.retorno.streams.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.retorno.avro.AlertSeverity;
import org.retorno.avro.Category;

/** The Grafana dashboard in docker/ asks only for pipeline meters that PipelineMetrics really exports. */
class GrafanaDashboardTest {

  @Test
  void everyRetornoSeriesOnTheDashboardIsOneWeExport() throws Exception {
    Path dashboard = Path.of("..", "docker", "grafana", "dashboards", "retorno.json");
    String json = Files.readString(dashboard);
    Set<String> wanted = new TreeSet<>();
    Matcher names = Pattern.compile("retorno_[a-z_]+").matcher(json);
    while (names.find()) {
      if (!names.group().startsWith("retorno_http_")) {
        wanted.add(names.group());
      }
    }
    assertThat(wanted).contains("retorno_documents_total", "retorno_claims_total", "retorno_events_total",
        "retorno_dead_letters_total", "retorno_late_claims_total", "retorno_alerts_total",
        "retorno_extraction_seconds_sum", "retorno_ingest_to_aggregate_lag_seconds_bucket");

    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    PipelineMetrics metrics = new PipelineMetrics(registry);
    metrics.documentRead("NEWS");
    metrics.claimExtracted(Category.KIDNAPPING);
    metrics.eventPublished(Category.KIDNAPPING);
    metrics.deadLetter("deserialization");
    metrics.lateClaim();
    metrics.alertRaised(AlertSeverity.ALERT);
    assertThat(metrics.timeExtraction(() -> 42)).isEqualTo(42);
    metrics.endToEndLag(Duration.ofSeconds(3));
    String scrape = registry.scrape();
    for (String name : wanted) {
      assertThat(scrape).as("exported series %s", name).containsPattern("(?m)^" + name + "[{ ]");
    }
    assertThat(scrape).contains("retorno_claims_total{category=\"kidnapping\"} 1.0")
        .contains("retorno_alerts_total{severity=\"alert\"} 1.0");
  }
}
