package org.retorno.local.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.retorno.avro.Category;
import org.retorno.avro.CategoryCount;
import org.retorno.avro.CityCounts;
import org.retorno.avro.Granularity;
import org.retorno.avro.PeriodEvent;
import org.retorno.avro.SourceKind;
import org.retorno.ingest.IngestOptions;
import org.retorno.ingest.SourceType;
import org.retorno.schemas.Topics;
import org.retorno.schemas.geo.BorderCity;
import org.retorno.streams.topology.Periods;

/**
 * The real pipeline end to end (embedded broker, registry server, ingest, streams) on a fixed copy
 * of the samples the demo first shipped, with the exact per-city counts read back from the output
 * topic.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SamplesPipelineIT {
  @TempDir
  static Path dataDir;

  static LocalPipeline pipeline;
  static Path samples;

  @BeforeAll
  static void start() throws Exception {
    // A frozen copy of the first sample set: the demo's samples may grow, these expectations not.
    samples = RepoRoot.find().resolve("local/src/test/resources/pipeline-samples");
    pipeline = LocalPipeline.start(PipelineOptions.ephemeral(dataDir));
    pipeline.awaitRunning(Duration.ofSeconds(120));
  }

  @AfterAll
  static void stop() {
    if (pipeline != null) {
      pipeline.close();
    }
  }

  private static void ingestSamples() throws Exception {
    pipeline.ingest(SourceType.NEWS, List.of(samples.resolve("news")), IngestOptions.defaults());
    pipeline.ingest(SourceType.REPORTS, List.of(samples.resolve("reports")),
        new IngestOptions(SourceKind.NGO, "Joint NGO letter", null, null, null));
    pipeline.ingest(SourceType.COUNTS, List.of(samples.resolve("counts")), IngestOptions.defaults());
    pipeline.awaitProcessed(Duration.ofSeconds(120));
  }

  /** (city, category, day) -> count, as the output topic holds it now. */
  private static Map<String, Long> countsOnTopic() {
    return countsOnTopic(Topics.CITY_COUNTS_DAILY);
  }

  private static Map<String, Long> countsOnTopic(String topic) {
    Map<String, Long> cells = new TreeMap<>();
    for (CityCounts day : TopicReader.latestByKey(pipeline.clientProperties(),
        topic, CityCounts.class).values()) {
      for (CategoryCount count : day.getCounts()) {
        cells.merge(day.getCityName() + " " + count.getCategory() + " " + day.getPeriodStart(),
            count.getValue(), Long::sum);
      }
    }
    return cells;
  }

  private static long total(Map<String, Long> cells, BorderCity city, Category category) {
    String prefix = city.displayName() + " " + category + " ";
    return cells.entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
        .mapToLong(Map.Entry::getValue).sum();
  }

  @Test
  @Order(1)
  void theSamplesGiveExactPerCityCounts() throws Exception {
    ingestSamples();
    Map<String, Long> cells = countsOnTopic();

    assertThat(cells).containsEntry("Ciudad Juárez MPP_RETURN 2019-07-08", 112L)
        .containsEntry("Ciudad Juárez MPP_RETURN 2019-07-09", 98L)
        .containsEntry("Ciudad Juárez MPP_RETURN 2019-07-11", 87L)
        .containsEntry("Nuevo Laredo MPP_RETURN 2019-07-09", 130L)
        .containsEntry("Tijuana MPP_RETURN 2019-07-10", 45L)
        .containsEntry("Mexicali MPP_RETURN 2019-07-10", 21L)
        .containsEntry("Matamoros MPP_RETURN 2019-07-11", 64L)
        .containsEntry("Ciudad Juárez AVR_DEPARTURE 2019-07-01", 69L)
        .containsEntry("Matamoros KIDNAPPING 2019-08-14", 4L)
        .containsEntry("Tijuana EXTORTION 2019-07-20", 3L)
        .containsEntry("Tijuana POLICE_ABUSE 2019-07-20", 3L);
    // The letter's group of about 70 is counted once, though the letter mentions it twice.
    assertThat(total(cells, BorderCity.CIUDAD_JUAREZ, Category.AVR_ENROLLMENT)).isEqualTo(70L);
    assertThat(total(cells, BorderCity.CIUDAD_JUAREZ, Category.AVR_DEPARTURE)).isEqualTo(69L);
    assertThat(total(cells, BorderCity.NUEVO_LAREDO, Category.MPP_RETURN)).isEqualTo(130L);
    // Nothing else: no Laredo, Texas, no future expansion to Mexicali, no negated kidnappings.
    assertThat(cells).hasSize(12);
  }

  @Test
  @Order(2)
  void weeksRunMondayToSundayAndSumTheirDays() {
    Map<String, Long> weeks = countsOnTopic(Topics.CITY_COUNTS_WEEKLY);
    assertThat(weeks).containsEntry("Ciudad Juárez MPP_RETURN 2019-07-08", 112L + 98L + 87L)
        .containsEntry("Ciudad Juárez AVR_DEPARTURE 2019-07-01", 69L)
        .containsEntry("Ciudad Juárez AVR_ENROLLMENT 2019-07-01", 70L)
        .containsEntry("Matamoros KIDNAPPING 2019-08-12", 4L)
        .containsEntry("Tijuana MPP_RETURN 2019-07-08", 45L);
  }

  @Test
  @Order(3)
  void ingestingTheSamplesAgainCountsNothingTwice() throws Exception {
    Map<String, Long> before = countsOnTopic();
    ingestSamples();
    assertThat(countsOnTopic()).isEqualTo(before);
  }

  @Test
  @Order(4)
  void anUnreadableRecordLandsOnTheDeadLetterTopicWithItsReason() throws Exception {
    byte[] garbage = "not avro at all".getBytes(StandardCharsets.UTF_8);
    Properties producerProps = new Properties();
    producerProps.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, pipeline.bootstrapServers());
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerProps,
        new ByteArraySerializer(), new ByteArraySerializer())) {
      producer.send(new ProducerRecord<>(Topics.RAW_NEWS, "bad-key".getBytes(StandardCharsets.UTF_8),
          garbage)).get();
    }
    pipeline.awaitProcessed(Duration.ofSeconds(60));

    Properties consumerProps = new Properties();
    consumerProps.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, pipeline.bootstrapServers());
    consumerProps.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProps,
        new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(Topics.STREAMS_DLQ).stream()
          .map(info -> new TopicPartition(Topics.STREAMS_DLQ, info.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      List<ConsumerRecord<byte[], byte[]>> dead = new java.util.ArrayList<>();
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (dead.isEmpty() && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(dead::add);
      }
      assertThat(dead).hasSize(1);
      ConsumerRecord<byte[], byte[]> record = dead.get(0);
      assertThat(record.value()).isEqualTo(garbage);
      assertThat(header(record, "__streams.errors.topic")).isEqualTo(Topics.RAW_NEWS);
      assertThat(header(record, "__streams.errors.message")).isNotBlank();
    }
    // The bad record changed nothing downstream.
    assertThat(total(countsOnTopic(), BorderCity.CIUDAD_JUAREZ, Category.AVR_ENROLLMENT)).isEqualTo(70L);
  }

  @Test
  @Order(5)
  void theHttpEndpointServesSuppressedPublicCountsAndPrometheusMetrics() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> counts = http.send(HttpRequest.newBuilder(
        URI.create(pipeline.httpUrl() + "/api/counts?city=Matamoros&from=2019-08-01&to=2019-08-31")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(counts.statusCode()).isEqualTo(200);
    assertThat(counts.body()).contains("\"category\":\"KIDNAPPING\",\"value\":null,\"display\":\"<5\"")
        .doesNotContain("MPP_RETURN");

    HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(
        URI.create(pipeline.httpUrl() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body()).contains("kafka_stream_thread_process_rate");

    HttpResponse<String> health = http.send(HttpRequest.newBuilder(
        URI.create(pipeline.httpUrl() + "/health")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(health.body()).isEqualTo("{\"state\":\"RUNNING\"}");
  }

  @Test
  @Order(6)
  void everyDailyCellCountsExactlyTheEventsAndClaimsProvenanceFilesUnderIt() {
    Map<String, int[]> cells = new TreeMap<>();
    for (CityCounts day : pipeline.dailyCounts()) {
      for (CategoryCount count : day.getCounts()) {
        cells.put(day.getCityId() + ":" + day.getPeriodStart() + ":" + count.getCategory(),
            new int[] {count.getEvents(), count.getClaims()});
      }
    }
    Map<String, int[]> filed = new TreeMap<>();
    for (PeriodEvent entry : pipeline.provenance()) {
      if (Periods.counts(Granularity.DAY, entry.getEventDatePrecision())) {
        int[] sums = filed.computeIfAbsent(entry.getCityId() + ":" + entry.getEventDate() + ":" + entry.getCategory(),
            key -> new int[2]);
        sums[0]++;
        sums[1] += entry.getClaimIds().size();
      }
    }
    assertThat(filed).hasSize(12).containsOnlyKeys(cells.keySet());
    filed.forEach((cell, sums) -> assertThat(sums).as(cell).containsExactly(cells.get(cell)));
  }

  private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
