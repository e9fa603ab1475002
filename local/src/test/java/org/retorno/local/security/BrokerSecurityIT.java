package org.retorno.local.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.retorno.local.cli.RetornoCli;
import org.retorno.local.registry.RegistryOptions;
import org.retorno.local.registry.RegistryServer;
import org.retorno.schemas.Topics;
import org.retorno.streams.app.StreamsApp;
import org.retorno.streams.app.StreamsSettings;

/**
 * The pipeline on a broker secured as in production (SASL_SSL with SCRAM-SHA-512 for clients,
 * mutual TLS between brokers and for the operator, ACLs by StandardAuthorizer). Ingest, the registry
 * and the streams app each run as their own principal with settings from their own properties file;
 * each may do its job and nothing more; unknown principals are refused; and no secret reaches a log
 * line or the console.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrokerSecurityIT {
  @TempDir
  static Path dir;

  private LogCapture logs;
  private SecureBroker broker;
  private RegistryServer registry;
  private StreamsApp streams;
  private final List<String> secrets = new ArrayList<>();

  @BeforeAll
  void start() throws Exception {
    logs = new LogCapture();
    broker = SecureBroker.start(dir);
    secrets.addAll(broker.secrets());
    Properties registryFile = load(broker.clientConfigFile(PipelineAcls.REGISTRY, Map.of()));
    Map<String, Object> registryClient = new HashMap<>();
    registryFile.stringPropertyNames().stream().filter(k -> !k.equals("bootstrap.servers"))
        .forEach(k -> registryClient.put(k, registryFile.getProperty(k)));
    registry = RegistryServer.start(RegistryOptions.defaults(registryFile.getProperty("bootstrap.servers"))
        .withPort(0).withClientProperties(registryClient));
  }

  @AfterAll
  void stop() {
    try {
      if (streams != null) {
        streams.close();
      }
      if (registry != null) {
        registry.close();
      }
      if (broker != null) {
        broker.close();
      }
    } finally {
      if (logs != null) {
        logs.close();
      }
    }
  }

  @Test
  @Order(1)
  void ingestAndStreamsDoTheirJobsWithSettingsFromTheirFiles() throws Exception {
    String basicAuthSecret = TestPki.secret();
    secrets.add(basicAuthSecret);
    Path ingestConfig = broker.clientConfigFile(PipelineAcls.INGEST, Map.of(
        "schema.registry.url", registry.url(),
        "basic.auth.credentials.source", "USER_INFO",
        "basic.auth.user.info", "ingest:" + basicAuthSecret));
    Path news = Path.of("src/test/resources/pipeline-samples/news");

    int exit = RetornoCli.run("ingest", "news", news.toString(), "--client-config", ingestConfig.toString());

    assertThat(exit).isZero();
    long raw = countRecords(Topics.RAW_NEWS);
    assertThat(raw).isPositive();

    String analystToken = TestPki.secret();
    secrets.add(analystToken);
    Properties streamsSettings = load(broker.clientConfigFile(PipelineAcls.STREAMS, Map.of(
        "schema.registry.url", registry.url(),
        "state.dir", dir.resolve("streams-state").toString(),
        "retorno.http.port", "0",
        "retorno.analyst.token", analystToken)));
    streams = StreamsApp.start(new StreamsSettings(streamsSettings));

    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (countRecords(Topics.CITY_COUNTS_DAILY) == 0 && System.nanoTime() < deadline) {
      Thread.sleep(250);
    }
    assertThat(countRecords(Topics.CLAIMS)).isPositive();
    assertThat(countRecords(Topics.CITY_COUNTS_DAILY)).isPositive();
    assertThat(streams.streams().state().isRunningOrRebalancing()).isTrue();
  }

  static Stream<Arguments> forbidden() {
    return Stream.of(
        Arguments.of(PipelineAcls.INGEST, "write", Topics.CLAIMS),
        Arguments.of(PipelineAcls.INGEST, "write", Topics.CITY_COUNTS_DAILY),
        Arguments.of(PipelineAcls.INGEST, "write", "_schemas"),
        Arguments.of(PipelineAcls.INGEST, "read", Topics.CLAIMS),
        Arguments.of(PipelineAcls.INGEST, "read", Topics.EVENTS),
        Arguments.of(PipelineAcls.STREAMS, "write", Topics.RAW_NEWS),
        Arguments.of(PipelineAcls.STREAMS, "write", Topics.RAW_CASE_COUNTS),
        Arguments.of(PipelineAcls.STREAMS, "write", Topics.INGEST_REJECTIONS),
        Arguments.of(PipelineAcls.STREAMS, "write", "_schemas"),
        Arguments.of(PipelineAcls.REGISTRY, "write", Topics.RAW_NEWS),
        Arguments.of(PipelineAcls.REGISTRY, "read", Topics.CLAIMS));
  }

  @ParameterizedTest(name = "{0} may not {1} {2}")
  @MethodSource("forbidden")
  @Order(2)
  void eachPrincipalIsRefusedWhatIsNotItsJob(String user, String action, String topic) {
    Properties client = broker.clientProperties(user, broker.password(user));
    if (action.equals("write")) {
      assertThat(causes(() -> write(client, topic))).hasAtLeastOneElementOfType(TopicAuthorizationException.class);
    } else {
      assertThat(causes(() -> read(client, topic))).hasAtLeastOneElementOfType(TopicAuthorizationException.class);
    }
  }

  @Test
  @Order(2)
  void eachPrincipalMayDoItsJob() throws Exception {
    write(broker.clientProperties(PipelineAcls.INGEST, broker.password(PipelineAcls.INGEST)), Topics.RAW_REPORTS);
    write(broker.clientProperties(PipelineAcls.STREAMS, broker.password(PipelineAcls.STREAMS)),
        Topics.STREAMS_DLQ);
    assertThat(read(broker.clientProperties(PipelineAcls.STREAMS, broker.password(PipelineAcls.STREAMS)),
        Topics.RAW_REPORTS)).isPositive();
  }

  @Test
  @Order(2)
  void anUnknownPrincipalAndAWrongPasswordAreRefused() {
    for (Properties client : List.of(broker.clientProperties("mallory", TestPki.secret()),
        broker.clientProperties(PipelineAcls.INGEST, TestPki.secret()))) {
      try (Admin admin = Admin.create(client)) {
        assertThat(causes(() -> admin.listTopics().names().get()))
            .hasAtLeastOneElementOfType(SaslAuthenticationException.class);
      }
      assertThat(causes(() -> write(client, Topics.RAW_NEWS)))
          .hasAtLeastOneElementOfType(SaslAuthenticationException.class);
    }
  }

  @Test
  @Order(3)
  void noSecretAppearsInAnyLogLineOrConsoleOutput() {
    List<String> lines = logs.lines();
    // The capture saw the places where secrets would leak: Kafka's configuration dumps.
    assertThat(lines).anySatisfy(line -> assertThat(line).contains("sasl.jaas.config = [hidden]"));
    assertThat(lines).anySatisfy(line -> assertThat(line).contains("ssl.truststore.password = [hidden]"));
    assertThat(lines).anySatisfy(line -> assertThat(line).contains("ingest news:"));
    List<String> forbidden = new ArrayList<>(secrets);
    // Basic auth travels base64-encoded; that form must not show up either.
    secrets.forEach(s -> forbidden.add(Base64.getEncoder().encodeToString(("ingest:" + s).getBytes())));
    assertThat(forbidden).hasSizeGreaterThanOrEqualTo(12);
    for (String line : lines) {
      for (String secret : forbidden) {
        assertThat(line).doesNotContain(secret);
      }
    }
  }

  /** The exception the call threw and its causes; the call must throw. */
  private static List<Throwable> causes(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
    Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(call);
    assertThat(thrown).as("the call was refused").isNotNull();
    List<Throwable> chain = new ArrayList<>();
    for (Throwable t = thrown; t != null && !chain.contains(t); t = t.getCause()) {
      chain.add(t);
    }
    return chain;
  }

  private static void write(Properties client, String topic) throws Exception {
    Properties props = new Properties();
    props.putAll(client);
    props.put("max.block.ms", "15000");
    props.put("delivery.timeout.ms", "15000");
    props.put("request.timeout.ms", "10000");
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(),
        new ByteArraySerializer())) {
      producer.send(new ProducerRecord<>(topic, "k".getBytes(), "v".getBytes())).get();
    }
  }

  /** Reads the topic's first partition to its end; returns how many records it held. */
  private static long read(Properties client, String topic) {
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(client, new ByteArrayDeserializer(),
        new ByteArrayDeserializer())) {
      TopicPartition partition = new TopicPartition(topic, 0);
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      long count = 0;
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      do {
        count += consumer.poll(Duration.ofMillis(200)).count();
      } while (consumer.position(partition) < consumer.endOffsets(List.of(partition)).get(partition)
          && System.nanoTime() < deadline);
      return count;
    }
  }

  private long countRecords(String topic) {
    return read(broker.adminProperties(), topic);
  }

  private static Properties load(Path file) throws Exception {
    Properties props = new Properties();
    try (InputStream in = Files.newInputStream(file)) {
      props.load(in);
    }
    return props;
  }
}
