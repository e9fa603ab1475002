package org.retorno.local.spikes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.retorno.avro.SpikeAlert;
import org.retorno.ingest.IngestOptions;
import org.retorno.ingest.SourceType;
import org.retorno.local.demo.LocalPipeline;
import org.retorno.local.demo.PipelineOptions;
import org.retorno.local.demo.TopicReader;
import org.retorno.schemas.Topics;

/**
 * The sample monthly MPP table and its hearing-location mapping through the real pipeline
 * (embedded broker, registry, ingest, streams), with the alerts read back from
 * {@code spike-alerts} as a consumer sees them (read_committed, the latest version of each alert).
 *
 * <p>Expected, worked out by hand (the per-city months and baselines are in the streams module's
 * {@code MonthlySampleAlertsTest}, the summary in the README's "Spike alerts"): one NEW_LOCATION
 * per city at its first month (Tijuana January; Mexicali and Ciudad Juárez March; Nuevo Laredo and
 * Matamoros July, which is the table's July jump) and no statistical alarm: 24 city-months are
 * judged (Tijuana May-December, Mexicali and Juárez July-December, Nuevo Laredo and Matamoros
 * November-December) and every one is at or below its 3-month baseline.
 */
class MonthlySampleAlertsIT {
  private static final String TABLE = "mpp-enrollments-2019.csv";
  private static final String MAPPING = "mpp-enrollments-2019.mapping.csv";

  @TempDir
  static Path dataDir;
  @TempDir
  static Path inputDir;

  static LocalPipeline pipeline;

  @BeforeAll
  static void start() throws Exception {
    Path counts = repositoryRoot().resolve("samples/counts");
    Files.copy(counts.resolve(TABLE), inputDir.resolve(TABLE));
    Files.copy(counts.resolve(MAPPING), inputDir.resolve(MAPPING));
    pipeline = LocalPipeline.start(PipelineOptions.ephemeral(dataDir));
    pipeline.awaitRunning(Duration.ofSeconds(120));
  }

  @AfterAll
  static void stop() {
    if (pipeline != null) {
      pipeline.close();
    }
  }

  private static Path repositoryRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isDirectory(dir.resolve("samples/counts"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("no samples/counts above " + Path.of("").toAbsolutePath());
    }
    return dir;
  }

  /** Every alert's latest version, by alert id (the topic is keyed by city: one key holds many alerts). */
  private static Map<String, String> standingAlerts() {
    Map<String, String> latest = new TreeMap<>();
    List<ConsumerRecord<String, SpikeAlert>> records =
        TopicReader.readAll(pipeline.clientProperties(), Topics.SPIKE_ALERTS, SpikeAlert.class);
    for (ConsumerRecord<String, SpikeAlert> record : records) {
      SpikeAlert alert = record.value();
      latest.put(alert.getId(), alert.getCityName() + " " + alert.getKind() + " " + alert.getCategory() + " "
          + alert.getGranularity() + " " + alert.getPeriodStart() + " " + alert.getMethod()
          + (alert.getProvisional() ? " provisional" : "") + (alert.getWithdrawn() ? " withdrawn" : ""));
    }
    return latest;
  }

  @Test
  void theSampleMonthlyTableRaisesOneNewLocationPerCityAndNoSpike() throws Exception {
    pipeline.ingest(SourceType.COUNTS, List.of(inputDir), IngestOptions.defaults());
    pipeline.awaitProcessed(Duration.ofSeconds(120));
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
        .until(() -> standingAlerts().size() >= 5);

    assertThat(new TreeSet<>(standingAlerts().values())).containsExactly(
        "Ciudad Juárez NEW_LOCATION MPP_RETURN MONTH 2019-03-01 new-location",
        "Matamoros NEW_LOCATION MPP_RETURN MONTH 2019-07-01 new-location",
        "Mexicali NEW_LOCATION MPP_RETURN MONTH 2019-03-01 new-location",
        "Nuevo Laredo NEW_LOCATION MPP_RETURN MONTH 2019-07-01 new-location",
        "Tijuana NEW_LOCATION MPP_RETURN MONTH 2019-01-01 new-location");
    assertThat(standingAlerts()).hasSize(5);
  }
}
