package org.retorno.faults.ingestkill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.retorno.avro.CaseCountRow;
import org.retorno.avro.Category;
import org.retorno.avro.CategoryCount;
import org.retorno.avro.CityCounts;
import org.retorno.faults.TopicSizes;
import org.retorno.faults.crash.ChildProcesses;
import org.retorno.local.demo.LocalPipeline;
import org.retorno.local.demo.PipelineOptions;
import org.retorno.local.demo.TopicReader;
import org.retorno.schemas.Topics;
import org.retorno.schemas.geo.BorderCity;

/**
 * A producer killed in the middle of a file, then run again. {@code retorno ingest counts} runs in
 * a child JVM on a table of several thousand rows and is killed with SIGKILL once part of it is on
 * the raw topic: no flush, no close, requests in flight lost or half answered. The same command run
 * again must send exactly what is missing (the raw topic's keys are the rows' content hashes, read
 * back before sending), say how many rows were already there, and the streams app's daily counts
 * must then equal the table's, with nothing dead-lettered or rejected.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProducerKilledMidFileIT {
  private static final Duration PROCESSING_TIMEOUT = Duration.ofMinutes(3);
  private static final Duration RUN_TIMEOUT = Duration.ofMinutes(2);
  /** What SIGKILL leaves as exit status: 128 + 9. */
  private static final int KILLED = 137;

  @TempDir
  static Path dir;

  private LocalPipeline pipeline;
  private Admin admin;
  private Properties client;

  @BeforeAll
  void start() throws Exception {
    pipeline = LocalPipeline.start(PipelineOptions.ephemeral(dir.resolve("pipeline")));
    admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, pipeline.bootstrapServers()));
    client = pipeline.clientProperties();
    pipeline.awaitRunning(PROCESSING_TIMEOUT);
  }

  @AfterAll
  void stop() {
    ChildProcesses.killAll();
    if (admin != null) {
      admin.close();
    }
    if (pipeline != null) {
      pipeline.close();
    }
  }

  @Test
  void aRerunAfterSigkillMidFileSendsOnlyWhatIsMissingAndTheDailyCountsEqualTheTable() throws Exception {
    CountsTable table = CountsTable.write(dir.resolve("counts").resolve("returns-2019.csv"));
    int rows = table.rows().size();
    assertThat(rows).isEqualTo(365 * 8 * 2);
    IngestChild ingest = new IngestChild(pipeline.bootstrapServers(), pipeline.registryUrl());

    // The first run: killed once a quarter of the table is on the raw topic.
    Path firstReport = dir.resolve("first-report.json");
    Path firstLog = dir.resolve("first-run.log");
    long started = System.nanoTime();
    Process first = ingest.startSlowed(table.file(), firstReport, firstLog);
    boolean aliveAtQuarter;
    try {
      await("a quarter of the rows on " + Topics.RAW_CASE_COUNTS + " or the first run gone")
          .atMost(RUN_TIMEOUT).pollInterval(Duration.ofMillis(10))
          .until(() -> !first.isAlive() || TopicSizes.recordsOn(admin, Topics.RAW_CASE_COUNTS) >= rows / 4);
      aliveAtQuarter = first.isAlive();
    } finally {
      ChildProcesses.kill(first);
    }
    assertThat(aliveAtQuarter).as("the first run was still sending when a quarter of the rows was there; its log: %s",
        Files.readString(firstLog)).isTrue();
    assertThat(first.exitValue()).isEqualTo(KILLED);
    assertThat(firstReport).as("a killed run writes no account").doesNotExist();
    assertThat(Files.readString(firstLog)).doesNotContain("ingest counts:");

    List<ConsumerRecord<String, CaseCountRow>> partial =
        TopicReader.readAll(client, Topics.RAW_CASE_COUNTS, CaseCountRow.class);
    long leftByTheKill = partial.size();
    assertThat(leftByTheKill).as("killed mid-file").isGreaterThanOrEqualTo(rows / 4).isLessThan(rows);
    assertThat(distinctKeys(partial)).as("no row twice after the kill").hasSize(partial.size());
    assertThat(TopicSizes.recordsOn(admin, Topics.RAW_CASE_COUNTS)).as("nothing landed after the kill")
        .isEqualTo(leftByTheKill);
    long killed = System.nanoTime();

    // The command again, to the end, with the producer as operators run it.
    Path rerunReport = dir.resolve("rerun-report.json");
    Process rerun = ingest.start(table.file(), rerunReport, dir.resolve("rerun.log"));
    try {
      assertThat(rerun.waitFor(RUN_TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as("rerun finished").isTrue();
    } finally {
      ChildProcesses.kill(rerun);
    }
    assertThat(rerun.exitValue()).as("rerun exit status; its log: %s", Files.readString(dir.resolve("rerun.log")))
        .isZero();
    JsonNode account = new ObjectMapper().readTree(rerunReport.toFile());
    assertThat(account.get("complete").asBoolean()).isTrue();
    assertThat(account.get("read").asLong()).isEqualTo(rows);
    assertThat(account.get("duplicates").asLong()).as("rows already there").isEqualTo(leftByTheKill);
    assertThat(account.get("produced").asLong()).as("rows sent by the rerun").isEqualTo(rows - leftByTheKill);
    assertThat(account.get("rejected").asLong()).isZero();
    assertThat(account.get("notSent").asLong()).isZero();
    long rerunDone = System.nanoTime();

    // The raw topic holds each row of the table once.
    List<ConsumerRecord<String, CaseCountRow>> raw =
        TopicReader.readAll(client, Topics.RAW_CASE_COUNTS, CaseCountRow.class);
    assertThat(raw).hasSize(rows);
    assertThat(distinctKeys(raw)).hasSize(rows);
    assertThat(raw.stream().map(record -> asRow(record.value())).toList())
        .containsExactlyInAnyOrderElementsOf(table.rows());

    // Downstream: the daily counts equal the table's, and nothing went astray.
    pipeline.awaitProcessed(PROCESSING_TIMEOUT);
    System.out.printf("ProducerKilledMidFileIT: first run killed after %.1f s with %d of %d rows on %s; rerun: %s,"
        + " in %.1f s; streams caught up %.1f s later%n", seconds(started, killed), leftByTheKill, rows,
        Topics.RAW_CASE_COUNTS, account.get("summary").asText(), seconds(killed, rerunDone),
        seconds(rerunDone, System.nanoTime()));
    Map<String, Map<Category, Long>> expected = table.dailyCounts();
    assertThat(expected).hasSize(365 * 8);
    assertThat(dailyCounts()).isEqualTo(expected);
    assertThat(TopicSizes.recordsOn(admin, Topics.STREAMS_DLQ)).isZero();
    assertThat(TopicSizes.recordsOn(admin, Topics.INGEST_REJECTIONS)).isZero();
    assertThat(TopicSizes.recordsOn(admin, Topics.REJECTED_CLAIMS)).isZero();
  }

  private static double seconds(long fromNanos, long toNanos) {
    return (toNanos - fromNanos) / 1e9;
  }

  private static Set<String> distinctKeys(List<ConsumerRecord<String, CaseCountRow>> records) {
    return records.stream().map(ConsumerRecord::key).collect(Collectors.toSet());
  }

  private static CountsTable.Row asRow(CaseCountRow row) {
    BorderCity city = BorderCity.byGeonamesId(row.getPlace().getGeonamesId()).orElseThrow();
    return new CountsTable.Row(row.getLineNumber(), city, row.getPeriodStart(), row.getCategory(), row.getValue());
  }

  /** city-counts-daily as a read_committed consumer sees it, the latest revision of each key. */
  private Map<String, Map<Category, Long>> dailyCounts() {
    Map<String, Map<Category, Long>> counts = new TreeMap<>();
    TopicReader.latestByKey(client, Topics.CITY_COUNTS_DAILY, CityCounts.class).forEach((key, value) -> {
      Map<Category, Long> figures = new EnumMap<>(Category.class);
      for (CategoryCount count : value.getCounts()) {
        if (count.getValue() > 0) {
          figures.put(count.getCategory(), count.getValue());
        }
      }
      if (!figures.isEmpty()) {
        counts.put(key, figures);
      }
    });
    return counts;
  }

}
