package org.retorno.local.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What the registry keeps in Kafka: Confluent's record layout, state that survives a restart,
 * instances that share a topic, and the topic's own rules. Each test uses a topic of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegistryTopicTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CLAIMS = RegistryServerTest.record("Claim",
      RegistryServerTest.FIELD_A);
  private static final String CLAIMS_V2 = RegistryServerTest.record("Claim",
      RegistryServerTest.FIELD_A, RegistryServerTest.FIELD_B_DEFAULT);
  private static final String COUNTS = RegistryServerTest.record("CityCounts",
      RegistryServerTest.FIELD_A);

  private TestBroker broker;

  @BeforeAll
  void start() {
    broker = TestBroker.start();
  }

  @AfterAll
  void stop() throws Exception {
    broker.close();
  }

  private RegistryServer registry(String topic) {
    return RegistryServer.start(RegistryOptions.defaults(broker.bootstrapServers())
        .withPort(0).withTopic(topic));
  }

  @Test
  void recordsAreWrittenInConfluentsLayout() throws Exception {
    try (RegistryServer registry = registry("layout-schemas")) {
      RegistryHttp http = new RegistryHttp(registry.url());
      http.register("claims-value", CLAIMS);
      http.put("/config", "{\"compatibility\":\"FULL\"}");
      http.put("/config/claims-value", "{\"compatibility\":\"NONE\"}");
      http.delete("/config/claims-value");
    }

    List<ConsumerRecord<String, String>> records = readAll("layout-schemas");
    List<ConsumerRecord<String, String>> noops = records.stream()
        .filter(r -> r.key().contains("\"NOOP\"")).toList();
    List<ConsumerRecord<String, String>> state = records.stream()
        .filter(r -> !r.key().contains("\"NOOP\"")).toList();

    assertThat(noops).hasSize(4).allSatisfy(r -> {
      assertThat(r.key()).isEqualTo("{\"keytype\":\"NOOP\",\"magic\":0}");
      assertThat(r.value()).isNull();
    });
    assertThat(state).extracting(ConsumerRecord::key).containsExactly(
        "{\"keytype\":\"SCHEMA\",\"subject\":\"claims-value\",\"version\":1,\"magic\":1}",
        "{\"keytype\":\"CONFIG\",\"subject\":null,\"magic\":0}",
        "{\"keytype\":\"CONFIG\",\"subject\":\"claims-value\",\"magic\":0}",
        "{\"keytype\":\"CONFIG\",\"subject\":\"claims-value\",\"magic\":0}");
    assertThat(json(state.get(0).value())).isEqualTo(JSON.createObjectNode()
        .put("subject", "claims-value").put("version", 1).put("id", 1).put("schema", CLAIMS)
        .put("deleted", false));
    assertThat(json(state.get(1).value()))
        .isEqualTo(JSON.createObjectNode().put("compatibilityLevel", "FULL"));
    assertThat(json(state.get(2).value()))
        .isEqualTo(JSON.createObjectNode().put("compatibilityLevel", "NONE"));
    assertThat(state.get(3).value()).as("a deleted config is a tombstone").isNull();
  }

  @Test
  void createdTopicHasOnePartitionAndIsCompacted() throws Exception {
    try (RegistryServer registry = registry("created-schemas");
        Admin admin = admin()) {
      var description = admin.describeTopics(Set.of("created-schemas")).allTopicNames().get()
          .get("created-schemas");
      ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, "created-schemas");
      var config = admin.describeConfigs(Set.of(resource)).all().get().get(resource);

      assertThat(description.partitions()).hasSize(1);
      assertThat(config.get("cleanup.policy").value()).isEqualTo("compact");
    }
  }

  @Test
  void stateSurvivesARestart() {
    int claimsId;
    int countsId;
    try (RegistryServer first = registry("restart-schemas")) {
      RegistryHttp http = new RegistryHttp(first.url());
      claimsId = http.register("claims-value", CLAIMS).json().get("id").asInt();
      http.register("claims-value", CLAIMS_V2);
      countsId = http.register("counts-value", COUNTS).json().get("id").asInt();
      http.put("/config/counts-value", "{\"compatibility\":\"FORWARD\"}");
    }

    try (RegistryServer second = registry("restart-schemas")) {
      RegistryHttp http = new RegistryHttp(second.url());

      assertThat(http.get("/subjects").body()).isEqualTo("[\"claims-value\",\"counts-value\"]");
      assertThat(http.get("/subjects/claims-value/versions").body()).isEqualTo("[1,2]");
      assertThat(http.get("/schemas/ids/" + claimsId).json().get("schema").asText())
          .isEqualTo(CLAIMS);
      assertThat(http.get("/schemas/ids/" + countsId).json().get("schema").asText())
          .isEqualTo(COUNTS);
      assertThat(http.get("/config/counts-value").body())
          .isEqualTo("{\"compatibilityLevel\":\"FORWARD\"}");
      assertThat(http.register("counts-value", COUNTS).json().get("id").asInt())
          .isEqualTo(countsId);
      assertThat(http.register("other-value", "\"string\"").json().get("id").asInt())
          .as("ids continue after the highest one in the topic").isEqualTo(4);
    }
  }

  @Test
  void aSecondInstanceOnTheSameTopicSeesTheFirstsWrites() {
    try (RegistryServer first = registry("shared-schemas");
        RegistryServer second = registry("shared-schemas")) {
      RegistryHttp one = new RegistryHttp(first.url());
      RegistryHttp two = new RegistryHttp(second.url());

      int claimsId = one.register("claims-value", CLAIMS).json().get("id").asInt();
      await().atMost(Duration.ofSeconds(10))
          .until(() -> two.get("/schemas/ids/" + claimsId).status() == 200);
      assertThat(two.get("/subjects/claims-value/versions/latest").json().get("id").asInt())
          .isEqualTo(claimsId);

      // A write on the second instance first catches up with the topic, so it neither
      // re-registers nor reuses the first instance's id.
      assertThat(two.register("claims-value", CLAIMS).json().get("id").asInt())
          .isEqualTo(claimsId);
      int countsId = two.register("counts-value", COUNTS).json().get("id").asInt();
      assertThat(countsId).isEqualTo(claimsId + 1);
      await().atMost(Duration.ofSeconds(10))
          .until(() -> one.get("/schemas/ids/" + countsId).status() == 200);
      assertThat(one.get("/subjects").body()).isEqualTo("[\"claims-value\",\"counts-value\"]");
    }
  }

  @Test
  void recordsItCannotReadAreSkipped() throws Exception {
    createTopic("garbage-schemas", 1, Map.of("cleanup.policy", "compact"));
    produce("garbage-schemas", "not json", "{}");
    produce("garbage-schemas", "{\"keytype\":\"DELETE_SUBJECT\",\"subject\":\"x\",\"magic\":0}",
        "{}");
    produce("garbage-schemas",
        "{\"keytype\":\"SCHEMA\",\"subject\":\"claims-value\",\"version\":1,\"magic\":1}",
        JSON.createObjectNode().put("subject", "claims-value").put("version", 1).put("id", 5)
            .put("schema", CLAIMS).put("deleted", false).toString());

    try (RegistryServer registry = registry("garbage-schemas")) {
      RegistryHttp http = new RegistryHttp(registry.url());

      assertThat(http.get("/schemas/ids/5").json().get("schema").asText()).isEqualTo(CLAIMS);
      assertThat(http.register("counts-value", COUNTS).json().get("id").asInt()).isEqualTo(6);
    }
  }

  @Test
  void aTopicThatIsNotCompactedIsRefused() throws Exception {
    createTopic("deleting-schemas", 1, Map.of("cleanup.policy", "delete"));

    assertThatThrownBy(() -> registry("deleting-schemas"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("registry topic deleting-schemas has cleanup.policy=delete; it must be"
            + " compact, or old schemas would be deleted");
  }

  @Test
  void aTopicWithSeveralPartitionsIsRefused() throws Exception {
    createTopic("partitioned-schemas", 3, Map.of("cleanup.policy", "compact"));

    assertThatThrownBy(() -> registry("partitioned-schemas"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("registry topic partitioned-schemas has 3 partitions; it must have exactly 1");
  }

  @Test
  void aPortInUseIsAClearError() {
    try (RegistryServer first = registry("port-schemas")) {
      RegistryOptions same = RegistryOptions.defaults(broker.bootstrapServers())
          .withPort(first.port()).withTopic("port-schemas");

      assertThatThrownBy(() -> RegistryServer.start(same))
          .hasMessageStartingWith("schema registry cannot listen on 127.0.0.1:" + first.port());
    }
  }

  private Admin admin() {
    return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
        broker.bootstrapServers()));
  }

  private void createTopic(String topic, int partitions, Map<String, String> config)
      throws Exception {
    try (Admin admin = admin()) {
      admin.createTopics(Set.of(new NewTopic(topic, Optional.of(partitions), Optional.empty())
          .configs(config))).all().get();
    }
  }

  private void produce(String topic, String key, String value) throws Exception {
    try (var producer = new KafkaProducer<String, String>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
        new StringSerializer(), new StringSerializer())) {
      producer.send(new ProducerRecord<>(topic, key, value)).get();
    }
  }

  private List<ConsumerRecord<String, String>> readAll(String topic) {
    TopicPartition partition = new TopicPartition(topic, 0);
    try (var consumer = new KafkaConsumer<String, String>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
        new StringDeserializer(), new StringDeserializer())) {
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      long end = consumer.endOffsets(List.of(partition)).get(partition);
      List<ConsumerRecord<String, String>> records = new ArrayList<>();
      await().atMost(Duration.ofSeconds(10)).until(() -> {
        consumer.poll(Duration.ofMillis(100)).forEach(records::add);
        return consumer.position(partition) >= end;
      });
      return records;
    }
  }

  private static JsonNode json(String text) throws Exception {
    return JSON.readTree(text);
  }
}
