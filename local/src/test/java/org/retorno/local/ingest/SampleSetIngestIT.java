package org.retorno.local.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.retorno.local.cli.RetornoCli;
import org.retorno.schemas.Topics;

/**
 * The whole sample set through {@code retorno ingest} into a real broker and our registry, twice:
 * the first run sends every item, the second finds them all on the topics and sends nothing, and
 * a rejection is reported once however often its file is read.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SampleSetIngestIT {
  @TempDir
  static Path dir;

  static IngestBroker broker;
  static Path samples;

  @BeforeAll
  static void start() throws Exception {
    broker = IngestBroker.start(dir.resolve("data"));
    samples = repoRoot().resolve("samples");
  }

  @AfterAll
  static void stop() {
    if (broker != null) {
      broker.close();
    }
  }

  static Path repoRoot() {
    Path candidate = Path.of("").toAbsolutePath();
    while (candidate != null && !Files.isDirectory(candidate.resolve("samples/news"))) {
      candidate = candidate.getParent();
    }
    if (candidate == null) {
      throw new IllegalStateException("samples/ not found above " + Path.of("").toAbsolutePath());
    }
    return candidate;
  }

  private record Run(int exit, String out, String err) {}

  private static Run cli(String... args) {
    PrintStream originalOut = System.out;
    PrintStream originalErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      String[] all = new String[args.length + 4];
      System.arraycopy(args, 0, all, 0, args.length);
      all[args.length] = "--bootstrap";
      all[args.length + 1] = broker.bootstrapServers();
      all[args.length + 2] = "--registry";
      all[args.length + 3] = broker.registryUrl();
      int exit = RetornoCli.run(all);
      return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(originalOut);
      System.setErr(originalErr);
    }
  }

  /** The demo's three calls: news and counts with the defaults, the letter with its source and title. */
  private static List<Run> ingestSamples(Path report) {
    return List.of(
        cli("ingest", "news", samples.resolve("news").toString(), "--report", report.resolve("news.json").toString()),
        cli("ingest", "reports", samples.resolve("reports").toString(), "--source-kind", "NGO",
            "--source-name", "Joint NGO letter to IOM (30 organisations)",
            "--title", "Letter of 30 NGOs to IOM on assisted voluntary return under MPP"),
        cli("ingest", "counts", samples.resolve("counts").toString()));
  }

  @Test
  @Order(1)
  void theFirstRunSendsEveryItemOfTheSampleSet() throws Exception {
    List<Run> runs = ingestSamples(dir);

    assertThat(runs).extracting(Run::exit).containsExactly(0, 0, 0);
    assertThat(runs).extracting(run -> run.out().strip()).containsExactly(
        "ingest news: read 20, produced 20, duplicates 0, rejected 0",
        "ingest reports: read 1, produced 1, duplicates 0, rejected 0",
        "ingest counts: read 68, produced 68, duplicates 0, rejected 0");
    assertThat(broker.keysOn(Topics.RAW_NEWS)).hasSize(20).doesNotHaveDuplicates();
    assertThat(broker.keysOn(Topics.RAW_REPORTS)).hasSize(1);
    assertThat(broker.keysOn(Topics.RAW_CASE_COUNTS)).hasSize(68).doesNotHaveDuplicates();
    JsonNode report = new ObjectMapper().readTree(dir.resolve("news.json").toFile());
    assertThat(report.get("complete").asBoolean()).isTrue();
    assertThat(report.get("produced").asLong()).isEqualTo(20);
    assertThat(report.get("rejections")).isEmpty();
  }

  @Test
  @Order(2)
  void theSecondRunFindsEverythingOnTheTopicsAndSendsNothing() throws Exception {
    List<Run> runs = ingestSamples(dir);

    assertThat(runs).extracting(Run::exit).containsExactly(0, 0, 0);
    assertThat(runs).extracting(run -> run.out().strip()).containsExactly(
        "ingest news: read 20, produced 0, duplicates 20, rejected 0",
        "ingest reports: read 1, produced 0, duplicates 1, rejected 0",
        "ingest counts: read 68, produced 0, duplicates 68, rejected 0");
    assertThat(broker.keysOn(Topics.RAW_NEWS)).hasSize(20);
    assertThat(broker.keysOn(Topics.RAW_REPORTS)).hasSize(1);
    assertThat(broker.keysOn(Topics.RAW_CASE_COUNTS)).hasSize(68);
  }

  @Test
  @Order(3)
  void aRejectionIsOnTheTopicOnceAndInTheReportEveryTime() throws Exception {
    Path inbox = Files.createDirectories(dir.resolve("inbox"));
    Files.writeString(inbox.resolve("dump.jsonl"), "{\"body\":\"Thirty people were returned to Tijuana on Friday.\"}\n"
        + "[\"not an object\"]\n");
    Files.writeString(inbox.resolve("feed.xml"), "<!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><rss/>");

    Run first = cli("ingest", "news", inbox.toString(), "--report", dir.resolve("first.json").toString());
    Run second = cli("ingest", "news", inbox.toString(), "--report", dir.resolve("second.json").toString());

    assertThat(first.exit()).isEqualTo(2);
    assertThat(first.out().strip()).isEqualTo("ingest news: read 3, produced 1, duplicates 0, rejected 2 "
        + "(DOCTYPE refused (DTDs and entities are not accepted): 1, malformed JSON line: 1)");
    assertThat(second.out().strip()).isEqualTo("ingest news: read 3, produced 0, duplicates 1, rejected 2 "
        + "(DOCTYPE refused (DTDs and entities are not accepted): 1, malformed JSON line: 1)");
    assertThat(broker.keysOn(Topics.INGEST_REJECTIONS)).containsExactly("dump.jsonl", "feed.xml");
    for (String report : List.of("first.json", "second.json")) {
      JsonNode rejections = new ObjectMapper().readTree(dir.resolve(report).toFile()).get("rejections");
      assertThat(rejections).extracting(node -> node.get("source").asText() + " " + node.get("position").asText())
          .containsExactly("dump.jsonl line 2", "feed.xml line 1");
    }
  }

  @Test
  @Order(4)
  void throughputOnTheSampleSet() throws Exception {
    ThroughputMeasure measure = ThroughputMeasure.onSamples(samples, broker.clientProperties());

    System.out.println(measure.describe());
    assertThat(measure.documentsPerRound()).isEqualTo(20 + 1 + 68);
    assertThat(measure.rounds()).isEqualTo(ThroughputMeasure.MEASURED_ROUNDS);
  }
}
