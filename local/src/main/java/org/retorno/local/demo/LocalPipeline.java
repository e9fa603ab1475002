package org.retorno.local.demo;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.retorno.avro.CityCounts;
import org.retorno.ingest.IngestAccount;
import org.retorno.ingest.IngestOptions;
import org.retorno.ingest.Ingestor;
import org.retorno.ingest.SourceType;
import org.retorno.local.broker.BrokerOptions;
import org.retorno.local.broker.EmbeddedBroker;
import org.retorno.local.registry.RegistryOptions;
import org.retorno.local.registry.RegistryServer;
import org.retorno.schemas.Topics;
import org.retorno.streams.api.DailyCountsReader;
import org.retorno.streams.api.EventsReader;
import org.retorno.streams.api.ProvenanceStoreReader;
import org.retorno.avro.Event;
import org.retorno.avro.Granularity;
import org.retorno.avro.PeriodEvent;
import org.retorno.streams.topology.Names;
import org.retorno.streams.app.StreamsApp;
import org.retorno.streams.app.StreamsSettings;

/**
 * The whole pipeline on one machine: a Kafka broker, the schema registry, the pipeline's topics
 * and the streams app with its HTTP endpoint, started in that order and closed in reverse.
 */
public final class LocalPipeline implements AutoCloseable {
  private final EmbeddedBroker broker;
  private final RegistryServer registry;
  private final StreamsApp streams;
  private final Admin admin;
  private final String applicationId;
  private final StreamsSettings settings;

  private LocalPipeline(EmbeddedBroker broker, RegistryServer registry, StreamsApp streams,
      Admin admin, StreamsSettings settings) {
    this.broker = broker;
    this.registry = registry;
    this.streams = streams;
    this.admin = admin;
    this.settings = settings;
    this.applicationId = settings.streamsProperties().getProperty(StreamsConfig.APPLICATION_ID_CONFIG);
  }

  public static LocalPipeline start(PipelineOptions options) throws Exception {
    EmbeddedBroker broker = EmbeddedBroker.start(new BrokerOptions(options.dataDir(), options.host(),
        options.brokerPort(), 0, Map.of()));
    RegistryServer registry = null;
    Admin admin = null;
    try {
      admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
      Topics.ensureExist(admin, options.partitions(), (short) 1);
      registry = RegistryServer.start(RegistryOptions.defaults(broker.bootstrapServers())
          .withHost(options.host()).withPort(options.registryPort()));
      Properties props = new Properties();
      props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
      props.put(StreamsSettings.REGISTRY_URL, registry.url());
      props.put(StreamsConfig.STATE_DIR_CONFIG, options.dataDir().resolve("streams").toAbsolutePath().toString());
      // A restarted demo rejoins its group at once instead of waiting out the session timeout.
      props.put(StreamsConfig.consumerPrefix("group.instance.id"), "retorno-local-1");
      props.put(StreamsSettings.HTTP_HOST, options.host());
      props.put(StreamsSettings.HTTP_PORT, Integer.toString(options.httpPort()));
      StreamsSettings settings = new StreamsSettings(props);
      StreamsApp streams = StreamsApp.start(settings);
      return new LocalPipeline(broker, registry, streams, admin, settings);
    } catch (Exception | Error e) {
      if (registry != null) {
        registry.close();
      }
      if (admin != null) {
        admin.close();
      }
      broker.close();
      throw e;
    }
  }

  public String bootstrapServers() {
    return broker.bootstrapServers();
  }

  public String registryUrl() {
    return registry.url();
  }

  public String httpUrl() {
    return streams.httpUrl();
  }

  /** The analyst tier's bearer token; shown to the operator who started the demo, never logged. */
  public String analystToken() {
    return streams.analystToken();
  }

  /** Whether the token was made up at start (no RETORNO_ANALYST_TOKEN or retorno.analyst.token). */
  public boolean analystTokenGenerated() {
    return settings.analystTokenGenerated();
  }

  public KafkaStreams streams() {
    return streams.streams();
  }

  /** Client settings for anything that talks to this pipeline. */
  public Properties clientProperties() {
    Properties props = new Properties();
    props.put("bootstrap.servers", bootstrapServers());
    props.put("schema.registry.url", registryUrl());
    return props;
  }

  public IngestAccount ingest(SourceType type, List<Path> inputs, IngestOptions options) {
    try (Ingestor ingestor = Ingestor.connect(clientProperties())) {
      return ingestor.ingest(type, inputs, options);
    }
  }

  public void awaitRunning(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (streams.streams().state() != KafkaStreams.State.RUNNING) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the streams application is " + streams.streams().state()
            + " after " + timeout.toSeconds() + " s, not RUNNING");
      }
      Thread.sleep(100);
    }
  }

  /** Waits until everything written to the raw topics so far has reached the counts. */
  public void awaitProcessed(Duration timeout) throws Exception {
    new ProcessingProgress(admin, applicationId,
        List.of(Topics.RAW_NEWS, Topics.RAW_REPORTS, Topics.RAW_CASE_COUNTS)).awaitCaughtUp(timeout);
  }

  public List<CityCounts> dailyCounts() {
    return counts(Granularity.DAY);
  }

  /** Every period of one granularity, as the local state stores hold it now. */
  public List<CityCounts> counts(Granularity granularity) {
    return new DailyCountsReader(streams.streams(), Names.countsStore(granularity))
        .read(Optional.empty(), java.time.LocalDate.MIN, java.time.LocalDate.MAX);
  }

  /**
   * The events behind the counts, as the local count-provenance store holds them now: the counts
   * say only how many events each cell has.
   */
  public List<PeriodEvent> provenance() {
    return new ProvenanceStoreReader(streams.streams()).all();
  }

  public Optional<Event> event(String id) {
    return new EventsReader(streams.streams()).event(id);
  }

  public Map<String, Object> serdeConfig() {
    Map<String, Object> config = new HashMap<>();
    config.put("schema.registry.url", registryUrl());
    config.put("specific.avro.reader", "true");
    return config;
  }

  @Override
  public void close() {
    streams.close();
    registry.close();
    admin.close();
    broker.close();
  }
}
