package org.retorno.faults.evolution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.retorno.avro.NewsArticle;
import org.retorno.avro.SourceKind;
import org.retorno.local.broker.BrokerOptions;
import org.retorno.local.broker.EmbeddedBroker;
import org.retorno.local.registry.RegistryOptions;
import org.retorno.local.registry.RegistryServer;
import org.retorno.schemas.serde.AvroSerde;
import org.retorno.schemas.serde.SerdeConfig;

/**
 * A contract changes while producers and consumers of both versions run: our registry server on a
 * real broker refuses the incompatible change with 409 and accepts the optional field; records of
 * both versions on one topic are then read by the consumer compiled against the old class and by
 * the one compiled against the new class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SchemaEvolutionIT {
  private static final String TOPIC = "news-evolution";
  private static final String SUBJECT = TOPIC + "-value";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  static Path dataDir;

  private EmbeddedBroker broker;
  private RegistryServer registry;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeAll
  void start() throws Exception {
    broker = EmbeddedBroker.start(BrokerOptions.ephemeral(dataDir));
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
      admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get();
    }
    registry = RegistryServer.start(RegistryOptions.defaults(broker.bootstrapServers()).withPort(0));
  }

  @AfterAll
  void stop() {
    if (registry != null) {
      registry.close();
    }
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  void oldAndNewConsumersReadBothVersionsAndAnIncompatibleChangeIsRefused() throws Exception {
    // FULL: every version must be readable by the previous one and read it, both directions.
    assertThat(call("PUT", "/config/" + SUBJECT, "{\"compatibility\":\"FULL\"}").status).isEqualTo(200);
    NewsArticle before = article("a1", "Returned to Ciudad Juárez");
    send(specificSerializer(NewsArticle.class), before);

    Schema required = withField(NewsArticle.getClassSchema(),
        new Schema.Field("editor", Schema.create(Schema.Type.STRING), "no default: old data cannot fill it"));
    Reply refused = call("POST", "/subjects/" + SUBJECT + "/versions", schemaBody(required));
    assertThat(refused.status).isEqualTo(409);
    assertThat(refused.json.get("error_code").asInt()).isIn(409, 40901);
    assertThat(refused.json.get("message").asText()).contains("editor");
    GenericRecord broken = copyInto(required, before);
    broken.put("editor", "desk");
    assertThatThrownBy(() -> send(genericSerializer(), broken))
        .isInstanceOf(SerializationException.class).hasMessageContaining("409");
    assertThat(versions()).containsExactly(1);

    Schema next = withField(NewsArticle.getClassSchema(), new Schema.Field("section",
        Schema.createUnion(Schema.create(Schema.Type.NULL), Schema.create(Schema.Type.STRING)),
        "optional, new in version 2", Schema.Field.NULL_DEFAULT_VALUE));
    GenericRecord after = copyInto(next, article("a2", "Kidnapped in Nuevo Laredo"));
    after.put("section", "border");
    send(genericSerializer(), after);
    assertThat(versions()).containsExactly(1, 2);

    List<NewsArticle> oldReader = readAll(NewsArticle.class);
    assertThat(oldReader).containsExactly(before, article("a2", "Kidnapped in Nuevo Laredo"));

    List<org.retorno.faults.evolution.next.NewsArticle> newReader =
        readAll(org.retorno.faults.evolution.next.NewsArticle.class);
    assertThat(newReader).extracting(a -> a.getId(), a -> a.getTitle(), a -> a.getSection())
        .containsExactly(org.assertj.core.groups.Tuple.tuple("a1", "Returned to Ciudad Juárez", null),
            org.assertj.core.groups.Tuple.tuple("a2", "Kidnapped in Nuevo Laredo", "border"));
    assertThat(newReader.get(1).getSourceKind().name()).isEqualTo("NGO");
    assertThat(newReader.get(1).getRetrievedAt()).isEqualTo(Instant.parse("2019-07-30T10:00:00Z"));
  }

  private static NewsArticle article(String id, String title) {
    return NewsArticle.newBuilder().setId(id).setTitle(title).setOutlet("El Diario")
        .setSourceKind(SourceKind.NGO).setLanguage("es").setUrl("https://example.org/" + id)
        .setPublishedAt(Instant.parse("2019-07-29T08:00:00Z"))
        .setRetrievedAt(Instant.parse("2019-07-30T10:00:00Z")).setText(title + ".").build();
  }

  /** The record schema with one field more, same name and namespace: the next version. */
  private static Schema withField(Schema schema, Schema.Field added) {
    List<Schema.Field> fields = new ArrayList<>();
    for (Schema.Field field : schema.getFields()) {
      fields.add(new Schema.Field(field, field.schema()));
    }
    fields.add(added);
    return Schema.createRecord(schema.getName(), schema.getDoc(), schema.getNamespace(), false, fields);
  }

  private static GenericRecord copyInto(Schema schema, NewsArticle article) {
    GenericRecord record = new GenericData.Record(schema);
    for (Schema.Field field : NewsArticle.getClassSchema().getFields()) {
      Object value = article.get(field.pos());
      if (value instanceof SourceKind kind) {
        value = new GenericData.EnumSymbol(schema.getField(field.name()).schema(), kind.name());
      } else if (value instanceof Instant instant) {
        value = instant.toEpochMilli();
      }
      record.put(field.name(), value);
    }
    return record;
  }

  private Map<String, Object> serdeConfig() {
    return Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, registry.url());
  }

  private <T extends SpecificRecord> Serializer<T> specificSerializer(Class<T> type) {
    return AvroSerde.specific(type, serdeConfig(), false).serializer();
  }

  private Serializer<GenericRecord> genericSerializer() {
    return AvroSerde.generic(serdeConfig(), false).serializer();
  }

  private <T> void send(Serializer<T> serializer, T value) throws Exception {
    Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
        ProducerConfig.ACKS_CONFIG, "all");
    try (KafkaProducer<String, T> producer = new KafkaProducer<>(config, new StringSerializer(), serializer)) {
      producer.send(new ProducerRecord<>(TOPIC, value)).get();
    }
  }

  private <T extends SpecificRecord> List<T> readAll(Class<T> type) {
    Deserializer<T> deserializer = AvroSerde.specific(type, serdeConfig(), false).deserializer();
    Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    List<T> values = new ArrayList<>();
    try (KafkaConsumer<String, T> consumer = new KafkaConsumer<>(config, new StringDeserializer(), deserializer)) {
      TopicPartition partition = new TopicPartition(TOPIC, 0);
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      long end = consumer.endOffsets(List.of(partition)).get(partition);
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (consumer.position(partition) < end && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, T> record : consumer.poll(Duration.ofMillis(200))) {
          values.add(record.value());
        }
      }
    }
    return values;
  }

  private List<Integer> versions() throws Exception {
    Reply reply = call("GET", "/subjects/" + SUBJECT + "/versions", null);
    List<Integer> versions = new ArrayList<>();
    reply.json.forEach(node -> versions.add(node.asInt()));
    return versions;
  }

  private static String schemaBody(Schema schema) {
    return JSON.createObjectNode().put("schema", schema.toString()).toString();
  }

  private record Reply(int status, JsonNode json) {}

  private Reply call(String method, String path, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(registry.url() + path))
        .timeout(Duration.ofSeconds(20))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/vnd.schemaregistry.v1+json");
    }
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    return new Reply(response.statusCode(), JSON.readTree(response.body()));
  }
}
