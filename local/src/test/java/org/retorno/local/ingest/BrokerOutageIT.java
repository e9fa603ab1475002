package org.retorno.local.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.retorno.ingest.IngestAccount;
import org.retorno.ingest.IngestException;
import org.retorno.ingest.IngestListener;
import org.retorno.ingest.IngestOptions;
import org.retorno.ingest.IngestSettings;
import org.retorno.ingest.Ingestor;
import org.retorno.ingest.InputFile;
import org.retorno.ingest.NotSent;
import org.retorno.ingest.SourceType;
import org.retorno.schemas.Topics;

/**
 * The broker goes away in the middle of a run: the sends are retried, then the run stops and says
 * what was sent and what was not; when the broker is back, a rerun sends exactly what is missing.
 */
class BrokerOutageIT {
  @TempDir
  Path dir;

  private IngestBroker broker;

  @BeforeEach
  void start() throws Exception {
    broker = IngestBroker.start(dir.resolve("data"));
  }

  @AfterEach
  void stop() {
    broker.close();
  }

  /** Short timeouts so the outage is noticed in seconds, not minutes. */
  private Properties impatientClient() {
    Properties properties = broker.clientProperties();
    properties.put("delivery.timeout.ms", "3000");
    properties.put("request.timeout.ms", "1000");
    properties.put("linger.ms", "0");
    properties.put("max.block.ms", "3000");
    properties.put("reconnect.backoff.max.ms", "200");
    return properties;
  }

  @Test
  void aRunCutShortByAnOutageIsCompletedByTheRerun() {
    Path samples = SampleSetIngestIT.repoRoot().resolve("samples/news");
    List<Path> inputs = List.of(samples.resolve("border-news-2019-07.rss.xml"), samples.resolve("frontera-hoy-2019.jsonl"));
    IngestSettings settings = IngestSettings.defaults().withRetry(2, Duration.ofMillis(200), Duration.ofMillis(200));
    IngestListener outageAfterFirstFile = new IngestListener() {
      @Override
      public void fileDone(InputFile file, long bytes, IngestAccount account) {
        if (file.name().equals("border-news-2019-07.rss.xml")) {
          broker.stopBroker();
        }
      }
    };

    IngestException failure;
    try (Ingestor ingestor = Ingestor.connect(impatientClient(), settings)) {
      failure = catchThrowableOfType(IngestException.class,
          () -> ingestor.ingest(SourceType.NEWS, inputs, IngestOptions.defaults(), outageAfterFirstFile));
    }

    assertThat(failure.getMessage()).startsWith("news: frontera-hoy-2019.jsonl line 1: not acknowledged by Kafka (")
        .endsWith("); not sent: 8 of 8 items of frontera-hoy-2019.jsonl; sent in this run: 5; files not read: 0; "
            + "a rerun sends only what is missing");
    assertThat(failure.partialAccount().summary()).isEqualTo("read 13, produced 5, duplicates 0, rejected 0, not sent 8");
    assertThat(failure.partialAccount().notSent()).extracting(NotSent::position).containsExactly(
        "line 1", "line 2", "line 3", "line 4", "line 5", "line 6", "line 7", "line 8");

    broker.restartBroker();
    IngestAccount rerun;
    try (Ingestor ingestor = Ingestor.connect(broker.clientProperties())) {
      rerun = ingestor.ingest(SourceType.NEWS, inputs, IngestOptions.defaults());
    }

    assertThat(rerun.summary()).isEqualTo("read 13, produced 8, duplicates 5, rejected 0");
    assertThat(broker.keysOn(Topics.RAW_NEWS)).hasSize(13).doesNotHaveDuplicates();
  }

  @Test
  void withTheBrokerDownFromTheStartNothingIsSentAndTheErrorSaysSo() {
    broker.stopBroker();
    Properties client = impatientClient();
    client.put("default.api.timeout.ms", "3000");

    IngestException failure;
    try (Ingestor ingestor = Ingestor.connect(client, IngestSettings.defaults())) {
      failure = catchThrowableOfType(IngestException.class, () -> ingestor.ingest(SourceType.NEWS,
          List.of(SampleSetIngestIT.repoRoot().resolve("samples/news")), IngestOptions.defaults()));
    }

    assertThat(failure.getMessage()).startsWith("news: cannot read what raw-news already holds, so nothing was sent (");
    assertThat(failure.partialAccount().read()).isZero();
  }

  @Test
  void theCommandLinePrintsWhatWasSentReportsItAndExitsWithOneErrorLine() throws Exception {
    String bootstrap = broker.bootstrapServers();
    String registry = broker.registryUrl();
    broker.stopBroker();
    Path report = dir.resolve("report.json");
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
    java.io.PrintStream originalOut = System.out;
    java.io.PrintStream originalErr = System.err;
    int exit;
    System.setOut(new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8));
    System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
    try {
      exit = org.retorno.local.cli.RetornoCli.run("ingest", "news",
          SampleSetIngestIT.repoRoot().resolve("samples/news").toString(), "--bootstrap", bootstrap,
          "--registry", registry, "-X", "default.api.timeout.ms=3000", "--report", report.toString());
    } finally {
      System.setOut(originalOut);
      System.setErr(originalErr);
    }

    assertThat(exit).isEqualTo(1);
    assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8).strip())
        .isEqualTo("ingest news (stopped): read 0, produced 0, duplicates 0, rejected 0");
    assertThat(err.toString(java.nio.charset.StandardCharsets.UTF_8).lines()
        .filter(line -> line.startsWith("retorno ingest: "))).singleElement().asString()
        .startsWith("retorno ingest: news: cannot read what raw-news already holds, so nothing was sent (");
    com.fasterxml.jackson.databind.JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(report.toFile());
    assertThat(json.get("complete").asBoolean()).isFalse();
    assertThat(json.get("produced").asLong()).isZero();
  }
}
