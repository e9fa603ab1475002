package org.retorno.local.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.retorno.avro.CityCounts;
import org.retorno.avro.PeriodEvent;
import org.retorno.avro.Claim;
import org.retorno.local.registry.AvroSamples;
import org.retorno.local.registry.RegistryHttp;
import org.retorno.local.registry.RegistryOptions;
import org.retorno.local.registry.RegistryServer;
import org.retorno.local.registry.TestBroker;
import org.retorno.schemas.serde.AvroSerde;
import org.retorno.schemas.serde.SerdeConfig;

/**
 * Our registry and Avro wire format against clients nobody on the team wrote: kafkajs with
 * {@code @kafkajs/confluent-schema-registry} and {@code @confluentinc/schemaregistry}, run by
 * Node.js from the repository's {@code conformance/} project. Java writes and both JavaScript
 * libraries must decode exactly the same values; JavaScript writes and Java must read them back.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NpmClientsConformanceIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration SCRIPT_TIMEOUT = Duration.ofSeconds(120);

  private NodeScripts scripts;
  private TestBroker broker;
  private RegistryServer registry;

  @BeforeAll
  void start() {
    scripts = NodeScripts.prepare();
    broker = TestBroker.start();
    registry = RegistryServer.start(RegistryOptions.defaults(broker.bootstrapServers())
        .withPort(0));
  }

  @AfterAll
  void stop() throws Exception {
    if (registry != null) {
      registry.close();
    }
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  void bothJavaScriptLibrariesDecodeCityCountsWrittenByJava() throws Exception {
    assertJavaScriptReads("conformance-city-counts", CityCounts.class, AvroSamples.cityCounts());
  }

  @Test
  void bothJavaScriptLibrariesDecodeCountProvenanceWrittenByJava() throws Exception {
    assertJavaScriptReads("conformance-count-provenance", PeriodEvent.class, AvroSamples.countProvenance());
  }

  @Test
  void bothJavaScriptLibrariesDecodeClaimsWrittenByJava() throws Exception {
    assertJavaScriptReads("conformance-claims", Claim.class, AvroSamples.claims());
  }

  @Test
  void javaReadsClaimsThatJavaScriptRegisteredAndWrote(@TempDir Path dir) throws Exception {
    String topic = "conformance-js-claims";
    createTopic(topic);
    Path schema = Files.writeString(dir.resolve("claim.avsc"), Claim.getClassSchema().toString());
    // The two sample claims as avsc takes them: dates as days since 1970-01-01, unions bare.
    Path records = Files.writeString(dir.resolve("claims.jsonl"), """
        {"id":"claim-1","sourceId":"article-1","sourceKind":"INTERNATIONAL_ORG","sourceName":"IOM situation report","sourceUrl":"https://example.org/sitrep-2019-07.pdf","language":"es","place":{"geonamesId":4013708,"name":"Ciudad Juárez","countryCode":"MX","admin1Code":"MX-CHH","admin2Code":"08037","latitude":31.72024,"longitude":-106.46084,"precision":"CITY","inferred":false,"inferenceNote":null},"category":"AVR_DEPARTURE","count":{"value":69,"kind":"EXACT","low":null,"high":null,"text":"69 personas"},"breakdown":{"HN":40,"GT":29},"semantics":"INCREMENT","eventDate":18087,"eventDatePrecision":"DAY","periodEnd":null,"reportDate":18089,"evidence":{"sentence":"Un autobús con 69 personas salió de Ciudad Juárez.","start":120,"end":171},"extractorVersion":"rules-0.1","confidence":0.875,"confidenceReasons":["exact figure","named city"]}
        {"id":"claim-2","sourceId":"letter-1","sourceKind":"NGO","sourceName":"NGO letter","sourceUrl":null,"language":null,"place":{"geonamesId":3981609,"name":"Tijuana","countryCode":"MX","admin1Code":"MX-BCN","admin2Code":"02004","latitude":32.5027,"longitude":-117.00371,"precision":"CITY","inferred":true,"inferenceNote":"hearing location San Ysidro"},"category":"EXTORTION","count":{"value":50,"kind":"RANGE","low":50,"high":60,"text":"50 to 60"},"breakdown":{},"semantics":"CUMULATIVE","eventDate":null,"eventDatePrecision":"UNKNOWN","periodEnd":18321,"reportDate":null,"evidence":{"sentence":"Between 50 and 60 people reported extortion.","start":0,"end":44},"extractorVersion":"rules-0.1","confidence":0.5,"confidenceReasons":[]}
        """);

    NodeScripts.Result result = scripts.node(SCRIPT_TIMEOUT, "register-produce.js",
        "--bootstrap", broker.bootstrapServers(), "--registry", registry.url(),
        "--topic", topic, "--schema", schema.toString(), "--records", records.toString());

    assertThat(result.exitCode()).as(result.stderr()).isZero();
    assertThat(result.stdoutLines()).hasSize(1);
    JsonNode summary = JSON.readTree(result.stdoutLines().get(0));
    assertThat(summary.get("subject").asText()).isEqualTo(topic + "-value");
    assertThat(summary.get("produced").asInt()).isEqualTo(2);
    RegistryHttp http = new RegistryHttp(registry.url());
    JsonNode latest = http.get("/subjects/" + topic + "-value/versions/latest").json();
    assertThat(latest.get("id").asInt()).isEqualTo(summary.get("id").asInt());
    assertThat(latest.get("schema").asText()).isEqualTo(Claim.getClassSchema().toString());
    // @kafkajs/confluent-schema-registry sets the subject's level on its first registration.
    assertThat(http.get("/config/" + topic + "-value").body())
        .isEqualTo("{\"compatibilityLevel\":\"BACKWARD\"}");

    assertThat(readWithJava(topic, Claim.class, 2)).containsExactlyElementsOf(AvroSamples.claims());
  }

  private <T extends SpecificRecord> void assertJavaScriptReads(String topic, Class<T> type,
      List<T> values) throws Exception {
    createTopic(topic);
    writeWithJava(topic, type, values);
    Schema schema = values.get(0).getSchema();
    int id = new RegistryHttp(registry.url())
        .get("/subjects/" + topic + "-value/versions/latest").json().get("id").asInt();

    NodeScripts.Result result = scripts.node(SCRIPT_TIMEOUT, "consume-decode.js",
        "--bootstrap", broker.bootstrapServers(), "--registry", registry.url(), "--topic", topic);

    assertThat(result.exitCode()).as(result.stderr()).isZero();
    assertThat(result.stdoutLines()).hasSize(values.size());
    for (int i = 0; i < values.size(); i++) {
      JsonNode line = JSON.readTree(result.stdoutLines().get(i));
      assertThat(line.get("offset").asText()).isEqualTo(Integer.toString(i));
      assertThat(line.get("schemaId").asInt()).isEqualTo(id);
      JsonNode expected = AvroJsonView.ofJava(schema, values.get(i));
      for (String library : List.of("kafkajs", "confluent")) {
        JsonNode decoded = AvroJsonView.ofJavaScript(schema, line.get(library),
            library + "[" + i + "]");
        for (Schema.Field field : schema.getFields()) {
          assertThat(decoded.get(field.name()))
              .as("%s decoded %s of record %d", library, field.name(), i)
              .isEqualTo(expected.get(field.name()));
        }
      }
    }
  }

  private <T extends SpecificRecord> void writeWithJava(String topic, Class<T> type,
      List<T> values) throws Exception {
    Map<String, Object> serdeConfig = Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, registry.url());
    try (AvroSerde<T> serde = AvroSerde.specific(type, serdeConfig, false);
        var producer = new KafkaProducer<>(Map.<String, Object>of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
            ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), serde.serializer())) {
      for (T value : values) {
        producer.send(new ProducerRecord<>(topic, 0, null, value)).get();
      }
    }
  }

  private <T extends SpecificRecord> List<T> readWithJava(String topic, Class<T> type,
      int count) {
    TopicPartition partition = new TopicPartition(topic, 0);
    Map<String, Object> serdeConfig = Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, registry.url());
    List<T> values = new ArrayList<>();
    try (AvroSerde<T> serde = AvroSerde.specific(type, serdeConfig, false);
        var consumer = new KafkaConsumer<>(Map.<String, Object>of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
            new StringDeserializer(), serde.deserializer())) {
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (values.size() < count && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(record -> values.add(record.value()));
      }
    }
    return values;
  }

  private void createTopic(String topic) throws Exception {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
        broker.bootstrapServers()))) {
      admin.createTopics(Set.of(new NewTopic(topic, Optional.of(1), Optional.empty())))
          .all().get();
    }
  }
}
