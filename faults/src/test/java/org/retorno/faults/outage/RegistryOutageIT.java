package org.retorno.faults.outage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.ThreadMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.retorno.avro.Category;
import org.retorno.avro.CategoryCount;
import org.retorno.avro.CityCounts;
import org.retorno.avro.Granularity;
import org.retorno.ingest.IngestAccount;
import org.retorno.ingest.IngestException;
import org.retorno.ingest.IngestOptions;
import org.retorno.ingest.Ingestor;
import org.retorno.ingest.SourceType;
import org.retorno.faults.TopicSizes;
import org.retorno.local.broker.BrokerOptions;
import org.retorno.local.broker.EmbeddedBroker;
import org.retorno.local.demo.ProcessingProgress;
import org.retorno.local.registry.RegistryOptions;
import org.retorno.local.registry.RegistryServer;
import org.retorno.schemas.Topics;
import org.retorno.schemas.geo.BorderCity;
import org.retorno.streams.api.DailyCountsReader;
import org.retorno.streams.app.StreamsApp;
import org.retorno.streams.app.StreamsSettings;
import org.retorno.streams.topology.Names;

/**
 * The schema registry down for 60 s in the middle of a run. Ingest and the streams app keep
 * working from the schemas they have cached: a batch of case-count rows ingested during the outage
 * is counted as it happens. A client that needs a schema nobody registered yet gets a one-line
 * error naming the registry, and its retry after the registry is back (same port, state replayed
 * from {@code _schemas}) sends everything. At the end each row is counted exactly once, nothing is
 * on the dead-letter topic and the same stream threads are running.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegistryOutageIT {
  /** The issue asks for a minute of real downtime. */
  private static final Duration OUTAGE = Duration.ofSeconds(60);
  private static final Duration PROCESSING_TIMEOUT = Duration.ofSeconds(120);
  private static final List<BorderCity> CITIES = List.of(BorderCity.values());

  @TempDir
  static Path dir;

  private EmbeddedBroker broker;
  private Admin admin;
  private RegistryServer registry;
  private StreamsApp streams;
  private String applicationId;

  @BeforeAll
  void start() throws Exception {
    broker = EmbeddedBroker.start(BrokerOptions.ephemeral(dir.resolve("broker")));
    admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
    Topics.ensureExist(admin, 2, (short) 1);
    registry = RegistryServer.start(registryOptions(0));
    Properties props = new Properties();
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    props.put(StreamsSettings.REGISTRY_URL, registry.url());
    props.put(StreamsConfig.STATE_DIR_CONFIG, dir.resolve("streams").toString());
    props.put(StreamsSettings.HTTP_HOST, "127.0.0.1");
    props.put(StreamsSettings.HTTP_PORT, "0");
    StreamsSettings settings = new StreamsSettings(props);
    applicationId = settings.streamsProperties().getProperty(StreamsConfig.APPLICATION_ID_CONFIG);
    streams = StreamsApp.start(settings);
    awaitRunning();
  }

  @AfterAll
  void stop() {
    if (streams != null) {
      streams.close();
    }
    if (registry != null) {
      registry.close();
    }
    if (admin != null) {
      admin.close();
    }
    if (broker != null) {
      broker.close();
    }
  }

  private RegistryOptions registryOptions(int port) {
    return RegistryOptions.defaults(broker.bootstrapServers()).withHost("127.0.0.1").withPort(port);
  }

  @Test
  void rowsIngestedWhileTheRegistryIsDownAreCountedOnceAndANewSchemaWaitsForItsReturn() throws Exception {
    Set<String> threadsBefore = threadNames();
    Map<String, Long> expected = new TreeMap<>();
    Properties client = new Properties();
    client.put("bootstrap.servers", broker.bootstrapServers());
    client.put("schema.registry.url", registry.url());
    int port = registry.port();

    try (Ingestor ingestor = Ingestor.connect(client)) {
      // Before: the case-count schemas are registered by the first batch.
      assertThat(ingestCounts(ingestor, "before", 1, 10, expected).produced()).isEqualTo(80);
      awaitProcessed();

      registry.close();
      long down = System.nanoTime();
      assertThat(registryAnswers(port)).isFalse();

      // During: the same kinds of records, from the clients' caches.
      assertThat(ingestCounts(ingestor, "during", 11, 20, expected).produced()).isEqualTo(80);
      awaitProcessed();
      assertThat(mppReturns()).isEqualTo(expected);

      // A schema no client has seen: raw-news-value was never registered.
      Path news = Files.createDirectories(dir.resolve("news"));
      Files.writeString(news.resolve("outage.jsonl"), "{\"url\":\"https://example.org/outage/1\","
          + "\"title\":\"Returned to Tijuana\",\"published\":\"2019-08-06T10:00:00Z\",\"outlet\":\"Border Wire\","
          + "\"lang\":\"en\",\"body\":\"Mexican officials said 45 migrants were returned to Tijuana on August 5, 2019.\"}\n");
      assertThatThrownBy(() -> ingestor.ingest(SourceType.NEWS, List.of(news), IngestOptions.defaults()))
          .isInstanceOf(IngestException.class)
          .satisfies(error -> {
            assertThat(error.getMessage()).doesNotContain("\n")
                .contains("outage.jsonl").contains("No schema registry answered").contains("not sent: 1 of 1")
                .contains("a rerun sends only what is missing");
            assertThat(((IngestException) error).partialAccount().produced()).isZero();
          });

      long left = OUTAGE.toNanos() - (System.nanoTime() - down);
      if (left > 0) {
        Thread.sleep(left / 1_000_000);
      }
      registry = RegistryServer.start(registryOptions(port));
      assertThat(registry.port()).isEqualTo(port);

      // After: the retry sends the article; new rows go on as before.
      assertThat(ingestor.ingest(SourceType.NEWS, List.of(news), IngestOptions.defaults()).produced()).isEqualTo(1);
      expected.put(key(BorderCity.TIJUANA, LocalDate.of(2019, 8, 5)), 45L);
      assertThat(ingestCounts(ingestor, "after", 21, 31, expected).produced()).isEqualTo(88);
      awaitProcessed();
    }

    assertThat(mppReturns()).isEqualTo(expected);
    assertThat(expected).hasSize(8 * 31 + 1);
    assertThat(TopicSizes.recordsOn(admin, Topics.RAW_CASE_COUNTS)).isEqualTo(8 * 31);
    assertThat(TopicSizes.recordsOn(admin, Topics.STREAMS_DLQ)).isZero();
    assertThat(streams.streams().state()).isEqualTo(KafkaStreams.State.RUNNING);
    assertThat(threadNames()).isEqualTo(threadsBefore);
  }

  /** One row a day per city for days {@code first..last} of July 2019; each a distinct figure. */
  private IngestAccount ingestCounts(Ingestor ingestor, String name, int first, int last, Map<String, Long> expected)
      throws Exception {
    StringBuilder csv = new StringBuilder("period_start,period_end,place,metric,value,semantics,source,source_url\n");
    for (int day = first; day <= last; day++) {
      LocalDate date = LocalDate.of(2019, 7, day);
      for (int city = 0; city < CITIES.size(); city++) {
        long value = 100L * (city + 1) + day;
        csv.append(date).append(',').append(date).append(',').append(placeName(CITIES.get(city)))
            .append(",MPP_RETURN,").append(value).append(",increment,Outage test table,https://example.org/outage\n");
        expected.put(key(CITIES.get(city), date), value);
      }
    }
    Path file = Files.createDirectories(dir.resolve("counts")).resolve(name + ".csv");
    Files.writeString(file, csv);
    return ingestor.ingest(SourceType.COUNTS, List.of(file), IngestOptions.defaults());
  }

  /** The table's name of a city; bare "Nogales" is ambiguous (Arizona or Sonora) and rejected. */
  private static String placeName(BorderCity city) {
    return city == BorderCity.NOGALES_SONORA ? "Heroica Nogales" : city.displayName();
  }

  private static String key(BorderCity city, LocalDate day) {
    return city.geonamesId() + ":" + day;
  }

  /** MPP returns per city and day, as the streams app's daily store holds them. */
  private Map<String, Long> mppReturns() {
    Map<String, Long> values = new TreeMap<>();
    for (CityCounts counts : new DailyCountsReader(streams.streams(), Names.countsStore(Granularity.DAY))
        .read(java.util.Optional.empty(), LocalDate.MIN, LocalDate.MAX)) {
      for (CategoryCount count : counts.getCounts()) {
        if (count.getCategory() == Category.MPP_RETURN && count.getValue() > 0) {
          values.put(counts.getCityId() + ":" + counts.getPeriodStart(), count.getValue());
        }
      }
    }
    return values;
  }

  private void awaitProcessed() throws Exception {
    new ProcessingProgress(admin, applicationId, List.of(Topics.RAW_NEWS, Topics.RAW_REPORTS, Topics.RAW_CASE_COUNTS))
        .awaitCaughtUp(PROCESSING_TIMEOUT);
  }

  private void awaitRunning() throws InterruptedException {
    long deadline = System.nanoTime() + PROCESSING_TIMEOUT.toNanos();
    while (streams.streams().state() != KafkaStreams.State.RUNNING) {
      assertThat(System.nanoTime()).as("streams RUNNING in time").isLessThan(deadline);
      Thread.sleep(100);
    }
  }


  private Set<String> threadNames() {
    return streams.streams().metadataForLocalThreads().stream().map(ThreadMetadata::threadName)
        .collect(Collectors.toSet());
  }

  private static boolean registryAnswers(int port) {
    try (java.net.Socket socket = new java.net.Socket()) {
      socket.connect(new java.net.InetSocketAddress("127.0.0.1", port), 1000);
      return true;
    } catch (java.io.IOException e) {
      return false;
    }
  }
}
