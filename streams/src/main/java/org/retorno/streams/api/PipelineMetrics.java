package org.retorno.streams.api;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Supplier;
import org.retorno.avro.AlertSeverity;
import org.retorno.avro.Category;

/**
 * The pipeline's own meters, for the topology to increment where things happen. On /metrics
 * (Prometheus) they are named {@code retorno_documents_total{kind}}, {@code retorno_claims_total{category}},
 * {@code retorno_events_total{category}}, {@code retorno_dead_letters_total{reason}},
 * {@code retorno_late_claims_total}, {@code retorno_alerts_total{severity}},
 * {@code retorno_extraction_seconds} and {@code retorno_ingest_to_aggregate_lag_seconds}.
 * Tags take only fixed vocabularies (kinds, categories, reasons): never data values.
 */
public final class PipelineMetrics implements org.retorno.streams.topology.PipelineListener {
  private final MeterRegistry registry;

  public PipelineMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Meters that go nowhere, for topology tests. */
  public static PipelineMetrics discarding() {
    return new PipelineMetrics(new SimpleMeterRegistry());
  }

  /** A raw document read by the topology; kind is NEWS, REPORT or CASE_COUNT_ROW. */
  @Override
  public void documentRead(String kind) {
    counter("retorno.documents", "Raw documents read, by kind", "kind", kind).increment();
  }

  @Override
  public void claimExtracted(Category category) {
    counter("retorno.claims", "Claims extracted, by category", "category", category.name()).increment();
  }

  /** An event published (new or revised). */
  @Override
  public void eventPublished(Category category) {
    counter("retorno.events", "Events published (new or revised), by category", "category", category.name()).increment();
  }

  /** A record sent to the dead-letter topic; reason is a short fixed word such as "deserialization". */
  public void deadLetter(String reason) {
    counter("retorno.dead.letters", "Records sent to the dead-letter topic, by reason", "reason", reason).increment();
  }

  /** A claim for a period that had already been counted (it revises a published figure). */
  @Override
  public void lateClaim() {
    registry.counter("retorno.late.claims").increment();
  }

  @Override
  public void alertRaised(AlertSeverity severity) {
    counter("retorno.alerts", "Spike alerts raised, by severity", "severity", severity.name()).increment();
  }

  /** Time the claim extractor spent on one document. */
  @Override
  public <T> T timeExtraction(Supplier<T> extraction) {
    return Timer.builder("retorno.extraction").description("Claim extraction time per document")
        .register(registry).record(extraction);
  }

  /** From a document's ingest (its retrievedAt) to the count it changed being published. */
  public void endToEndLag(Duration lag) {
    Timer.builder("retorno.ingest.to.aggregate.lag")
        .description("Time from ingest to the aggregate that includes it")
        .publishPercentileHistogram().register(registry).record(lag);
  }

  private Counter counter(String name, String description, String tag, String value) {
    return Counter.builder(name).description(description).tag(tag, value.toLowerCase(Locale.ROOT))
        .register(registry);
  }
}
