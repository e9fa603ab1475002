package org.retorno.local.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.retorno.avro.SourceKind;
import org.retorno.ingest.IngestOptions;
import org.retorno.ingest.SourceType;
import org.retorno.local.demo.LocalPipeline;
import org.retorno.local.demo.PipelineOptions;
import org.retorno.schemas.Topics;

/**
 * Names, A-numbers, phone numbers and e-mail addresses planted in a news feed, an NGO report and a
 * case-count table, run through the real pipeline: none reaches a derived topic, the rejection or
 * dead-letter topics, a public export or a log line. The raw topics hold source text by design (the
 * extractor reads it; ACLs keep it to the ingest and streams principals, see BrokerSecurityIT), but
 * ingest scrubs A-numbers, phones, e-mails and names with an age before anything is sent, so those
 * are checked on the raw topics too. Every topic is scanned as bytes: Avro writes strings as UTF-8,
 * so any field of any record is seen.
 *
 * <p>Not covered: a personal name given as a table's source ("Tally by Rosa Q.") is free text that
 * no pattern recognises; only its e-mails, phones and A-numbers are scrubbed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PersonalDataIT {
  /** Scrubbed at ingest: must not be on any topic, raw or derived. */
  private static final List<String> IDENTIFIERS = List.of("A123456789", "A-204-518-337", "A 087 654 321",
      "656 123 4567", "+52 656 123 4567", "(915) 555-0142", "915-555-0142", "rosa.quintanilla@example.org",
      "mfo@correo.example.mx", "tomas.b@example.net");
  /** Names: allowed only on the raw topics (source text); nowhere else. */
  private static final List<String> NAMES = List.of("Quintanilla", "Ochoa", "Barrientos", "Yolanda Perez",
      "Wendy Carolina");
  /** A name with an age ("Ochoa, 31,") is scrubbed at ingest as well. */
  private static final String AGED_NAME = "Ochoa";

  @TempDir
  static Path dir;

  private LogCapture logs;
  private LocalPipeline pipeline;

  @BeforeAll
  void runThePipeline() throws Exception {
    logs = new LogCapture();
    pipeline = LocalPipeline.start(PipelineOptions.ephemeral(dir.resolve("data")));
    pipeline.awaitRunning(Duration.ofSeconds(120));
    Path news = Files.createDirectories(dir.resolve("news"));
    Files.writeString(news.resolve("planted.jsonl"), String.join("\n",
        item("https://example.org/p/1", "Returned to Tijuana",
            "María Fernanda Ochoa, 31, said 45 migrants were returned to Tijuana on July 10, 2019. "
                + "Call her at +52 656 123 4567 or write to mfo@correo.example.mx; her case number is A123456789."),
        item("https://example.org/p/2", "Kidnapping in Nuevo Laredo",
            "Gunmen kidnapped four migrants in Nuevo Laredo on July 14, 2019, said Rosa Quintanilla, "
                + "who can be reached at rosa.quintanilla@example.org or (915) 555-0142. "
                + "Sr. Tomás Barrientos, A-204-518-337, was among them.")) + "\n");
    Path reports = Files.createDirectories(dir.resolve("reports"));
    Files.writeString(reports.resolve("planted-report.txt"), """
        Report on returns to Ciudad Juárez, July 2019

        On July 9, 2019, 98 people were returned to Ciudad Juárez under MPP, said Yolanda Perez of the shelter.
        Wendy Carolina Mejía, 24, told us that police extorted three migrants in Ciudad Juárez on July 12, 2019.
        Contact: tomas.b@example.net, 915-555-0142, file A 087 654 321.
        """);
    Path counts = Files.createDirectories(dir.resolve("counts"));
    Files.writeString(counts.resolve("planted.csv"), """
        period_start,period_end,place,metric,value,semantics,source,source_url
        2019-07-11,2019-07-11,Matamoros,MPP_RETURN,64,increment,Shelter tally (rosa.quintanilla@example.org / +52 656 123 4567),https://example.org/t
        2019-07-11,2019-07-11,A123456789 Ochoa,MPP_RETURN,5,increment,INM,https://example.org/t
        """);
    pipeline.ingest(SourceType.NEWS, List.of(news), IngestOptions.defaults());
    pipeline.ingest(SourceType.REPORTS, List.of(reports), new IngestOptions(SourceKind.NGO, "Shelter report",
        null, null, null));
    pipeline.ingest(SourceType.COUNTS, List.of(counts), IngestOptions.defaults());
    pipeline.awaitProcessed(Duration.ofSeconds(120));
  }

  @AfterAll
  void stop() {
    try {
      if (pipeline != null) {
        pipeline.close();
      }
    } finally {
      if (logs != null) {
        logs.close();
      }
    }
  }

  private static String item(String url, String title, String body) {
    return "{\"url\":\"" + url + "\",\"title\":\"" + title + "\",\"published\":\"2019-07-15T10:00:00Z\","
        + "\"outlet\":\"Border Wire\",\"lang\":\"en\",\"body\":\"" + body + "\"}";
  }

  @Test
  void thePlantedInputsWereReadAndCounted() {
    Map<String, String> topics = topicTexts();
    // The scan below would pass on empty topics; these show the inputs went all the way through.
    assertThat(topics.get(Topics.RAW_NEWS)).contains("Tijuana").contains("Nuevo Laredo");
    assertThat(topics.get(Topics.RAW_REPORTS)).contains("Ciudad Juárez");
    assertThat(topics.get(Topics.RAW_CASE_COUNTS)).contains("Matamoros");
    assertThat(topics.get(Topics.CLAIMS)).contains("Tijuana").contains("Nuevo Laredo").contains("Ciudad Ju");
    assertThat(topics.get(Topics.CITY_COUNTS_DAILY)).isNotEmpty();
    assertThat(topics.get(Topics.COUNT_PROVENANCE)).isNotEmpty();
    assertThat(topics.get(Topics.INGEST_REJECTIONS)).contains("planted.csv");
    // Names are in the raw source text (ingest keeps the text the extractor reads).
    assertThat(topics.get(Topics.RAW_NEWS)).contains("Quintanilla");
  }

  @Test
  void noIdentifierIsOnAnyTopicAndNoNameOnAnyButTheRawOnes() {
    Map<String, String> topics = topicTexts();
    assertThat(topics).hasSize(Topics.ALL.size());
    topics.forEach((topic, text) -> {
      for (String identifier : IDENTIFIERS) {
        assertThat(text).as("%s on %s", identifier, topic).doesNotContain(identifier);
      }
      assertThat(text).as("a name with an age on %s", topic).doesNotContain(AGED_NAME);
      if (!topic.startsWith("raw-")) {
        for (String name : NAMES) {
          assertThat(text).as("%s on %s", name, topic).doesNotContain(name);
        }
      }
    });
  }

  @Test
  void noIdentifierOrNameIsInThePublicAnswersOrTheExport() throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    for (String path : List.of("/api/export.csv?from=2019-07-01&to=2019-07-31", "/api/events",
        "/api/counts?from=2019-07-01&to=2019-07-31")) {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(pipeline.httpUrl() + path))
          .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
      assertThat(response.body()).as(path).isNotBlank();
      assertFree(response.body(), path);
    }
  }

  @Test
  void noIdentifierOrNameIsInAnyLogLine() {
    List<String> lines = logs.lines();
    assertThat(lines).as("the capture saw the run").anySatisfy(line -> assertThat(line).contains("planted"));
    for (String line : lines) {
      assertFree(line, "log line");
    }
  }

  private static void assertFree(String text, String where) {
    List<String> planted = new ArrayList<>(IDENTIFIERS);
    planted.addAll(NAMES);
    for (String value : planted) {
      assertThat(text).as("%s in %s", value, where).doesNotContain(value);
    }
  }

  /** Every topic of the pipeline, all partitions, as one UTF-8 text of keys, values and headers. */
  private Map<String, String> topicTexts() {
    Properties props = new Properties();
    props.put("bootstrap.servers", pipeline.bootstrapServers());
    props.put("isolation.level", "read_committed");
    Map<String, String> texts = new LinkedHashMap<>();
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
        new ByteArrayDeserializer())) {
      for (Topics.Spec spec : Topics.ALL) {
        List<TopicPartition> partitions = consumer.partitionsFor(spec.name()).stream()
            .map(p -> new TopicPartition(spec.name(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        StringBuilder text = new StringBuilder();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))
            && System.nanoTime() < deadline) {
          for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
            append(text, record.key());
            append(text, record.value());
            record.headers().forEach(header -> append(text.append(header.key()).append('='), header.value()));
          }
        }
        texts.put(spec.name(), text.toString());
      }
    }
    return texts;
  }

  private static void append(StringBuilder text, byte[] bytes) {
    if (bytes != null) {
      text.append(new String(bytes, StandardCharsets.UTF_8)).append('\n');
    }
  }
}
