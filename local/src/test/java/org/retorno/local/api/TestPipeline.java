package org.retorno.local.api;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.retorno.avro.SpikeAlert;
import org.retorno.ingest.IngestAccount;
import org.retorno.ingest.IngestOptions;
import org.retorno.ingest.Ingestor;
import org.retorno.ingest.SourceType;
import org.retorno.local.broker.BrokerOptions;
import org.retorno.local.broker.EmbeddedBroker;
import org.retorno.local.demo.ProcessingProgress;
import org.retorno.local.registry.RegistryOptions;
import org.retorno.local.registry.RegistryServer;
import org.retorno.schemas.Topics;
import org.retorno.schemas.serde.AvroSerde;
import org.retorno.streams.app.StreamsApp;
import org.retorno.streams.app.StreamsSettings;

/**
 * A real broker, the registry and one or more instances of the streams app sharing one
 * application id, each with its own state and HTTP port, all on ephemeral ports; with a known
 * analyst token, which every instance shares.
 */
public final class TestPipeline implements AutoCloseable {
  public static final String APPLICATION_ID = "retorno-api-test";

  private final EmbeddedBroker broker;
  private final RegistryServer registry;
  private final Admin admin;
  private final List<StreamsApp> instances = new ArrayList<>();

  private TestPipeline(EmbeddedBroker broker, RegistryServer registry, Admin admin) {
    this.broker = broker;
    this.registry = registry;
    this.admin = admin;
  }

  public static TestPipeline start(Path dir, int instances, String analystToken) throws Exception {
    EmbeddedBroker broker = EmbeddedBroker.start(BrokerOptions.ephemeral(dir.resolve("broker")));
    Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
    Topics.ensureExist(admin, 3, (short) 1);
    RegistryServer registry = RegistryServer.start(RegistryOptions.defaults(broker.bootstrapServers()).withPort(0));
    TestPipeline pipeline = new TestPipeline(broker, registry, admin);
    for (int i = 1; i <= instances; i++) {
      Properties props = new Properties();
      props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
      props.put(StreamsSettings.REGISTRY_URL, registry.url());
      props.put(StreamsConfig.APPLICATION_ID_CONFIG, APPLICATION_ID);
      props.put(StreamsConfig.STATE_DIR_CONFIG, dir.resolve("state-" + i).toString());
      props.put(StreamsConfig.consumerPrefix("group.instance.id"), APPLICATION_ID + "-" + i);
      props.put(StreamsSettings.HTTP_PORT, "0");
      props.put(StreamsSettings.ANALYST_TOKEN, analystToken);
      pipeline.instances.add(StreamsApp.start(new StreamsSettings(props)));
    }
    return pipeline;
  }

  /** The frozen copy of the first sample set, as the end-to-end test uses it. */
  public static Path samples() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      Path samples = dir.resolve("local/src/test/resources/pipeline-samples");
      if (java.nio.file.Files.isDirectory(samples)) {
        return samples;
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException("cannot find local/src/test/resources/pipeline-samples above "
        + Path.of("").toAbsolutePath());
  }

  public StreamsApp instance(int index) {
    return instances.get(index);
  }

  public String bootstrapServers() {
    return broker.bootstrapServers();
  }

  public Properties clientProperties() {
    Properties props = new Properties();
    props.put("bootstrap.servers", broker.bootstrapServers());
    props.put("schema.registry.url", registry.url());
    return props;
  }

  public void awaitRunning(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    for (StreamsApp app : instances) {
      while (app.streams().state() != KafkaStreams.State.RUNNING) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("instance is " + app.streams().state() + " after " + timeout);
        }
        Thread.sleep(100);
      }
    }
  }

  public IngestAccount ingest(SourceType type, Path input, IngestOptions options) {
    try (Ingestor ingestor = Ingestor.connect(clientProperties())) {
      return ingestor.ingest(type, List.of(input), options);
    }
  }

  public void awaitProcessed(Duration timeout) throws Exception {
    new ProcessingProgress(admin, APPLICATION_ID,
        List.of(Topics.RAW_NEWS, Topics.RAW_REPORTS, Topics.RAW_CASE_COUNTS)).awaitCaughtUp(timeout);
  }

  /** Publishes an alert as the spike detector would, transactionally like the streams app. */
  public void publish(SpikeAlert alert) throws Exception {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "retorno-test-alerts-" + alert.getId());
    Map<String, Object> serde = Map.of("schema.registry.url", registry.url());
    try (var values = AvroSerde.specific(SpikeAlert.class, serde, false);
        KafkaProducer<String, SpikeAlert> producer = new KafkaProducer<>(props, new StringSerializer(),
            values.serializer())) {
      producer.initTransactions();
      producer.beginTransaction();
      producer.send(new ProducerRecord<>(Topics.SPIKE_ALERTS, alert.getId(), alert)).get();
      producer.commitTransaction();
    }
  }

  @Override
  public void close() {
    for (StreamsApp app : instances) {
      app.close();
    }
    registry.close();
    admin.close();
    broker.close();
  }
}
