package org.retorno.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.retorno.avro.Evidence;
import org.retorno.avro.NgoReport;
import org.retorno.avro.Rejection;
import org.retorno.avro.SourceKind;
import org.retorno.schemas.registry.MockSchemaRegistryClient;

class AvroSerdeTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant REJECTED_AT = Instant.parse("2019-07-30T12:00:00Z");
  /** Rejection as it was before the optional "position" field: the older writer. */
  private static final Schema REJECTION_V1 = withoutField(Rejection.getClassSchema(), "position");

  private final String scope = "serde-" + UUID.randomUUID();
  private final Map<String, Object> config = Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + scope);
  private final MockSchemaRegistryClient registry = MockSchemaRegistryClient.forScope(scope);

  @AfterEach
  void dropScope() {
    MockSchemaRegistryClient.dropScope(scope);
  }

  @Test
  void readsDataOfAnOlderSchemaAsTheCurrentClass() {
    byte[] v1 = AvroSerde.generic(config, false).serializer().serialize("ingest-rejections", rejectionV1());

    Rejection read = AvroSerde.specific(Rejection.class, config, false).deserializer()
        .deserialize("ingest-rejections", v1);

    assertThat(read).isEqualTo(Rejection.newBuilder().setSource("feed.xml").setPosition(null)
        .setStage("ingest-news").setReason("not RSS").setRejectedAt(REJECTED_AT).build());
  }

  @Test
  void registeringTheNewerClassAfterTheOlderSchemaMakesVersionTwo() {
    AvroSerde.generic(config, false).serializer().serialize("ingest-rejections", rejectionV1());
    AvroSerde.specific(Rejection.class, config, false).serializer().serialize("ingest-rejections", rejection());

    assertThat(registry.versions("ingest-rejections-value")).containsExactly(1, 2);
  }

  @Test
  void specificReaderFindsTheGeneratedClassByTheWritersName() {
    Map<String, Object> specific = new HashMap<>(config);
    specific.put(SerdeConfig.SPECIFIC_AVRO_READER, "true");
    AvroDeserializer<Object> deserializer = new AvroDeserializer<>();
    deserializer.configure(specific, false);
    byte[] bytes = AvroSerde.generic(config, false).serializer().serialize("t", rejectionV1());

    assertThat(deserializer.deserialize("t", bytes)).isInstanceOf(Rejection.class);
  }

  @Test
  void refusesDataItsClassCannotRead() {
    Schema reasonAsInt = new Schema.Parser().parse(Rejection.getClassSchema().toString()
        .replace("{\"name\":\"reason\",\"type\":{\"type\":\"string\",\"avro.java.string\":\"String\"}}",
            "{\"name\":\"reason\",\"type\":\"int\"}"));
    GenericRecord odd = new GenericData.Record(reasonAsInt);
    odd.put("source", "x");
    odd.put("stage", "y");
    odd.put("reason", 3);
    odd.put("rejectedAt", 0L);
    byte[] bytes = AvroSerde.generic(config, false).serializer().serialize("odd", odd);

    assertThatThrownBy(() -> AvroSerde.specific(Rejection.class, config, false).deserializer().deserialize("odd", bytes))
        .isInstanceOf(SerializationException.class)
        .hasMessage("Cannot deserialize a record from topic 'odd': data written with schema id 1"
            + " (org.retorno.avro.Rejection) cannot be read as org.retorno.avro.Rejection: TYPE_MISMATCH reader type:"
            + " STRING not compatible with writer type: INT at /fields/3/type");
  }

  @Test
  void withoutAutoRegistrationAnUnregisteredSchemaFailsClearly() {
    AvroSerde<Rejection> serde = AvroSerde.specific(Rejection.class,
        with(SerdeConfig.AUTO_REGISTER_SCHEMAS, "false"), false);

    assertThatThrownBy(() -> serde.serializer().serialize("ingest-rejections", rejection()))
        .isInstanceOf(SerializationException.class)
        .hasMessage("Cannot serialize for topic 'ingest-rejections': the schema is not registered under subject"
            + " 'ingest-rejections-value' and auto.register.schemas is false (registry: 40401 Subject"
            + " 'ingest-rejections-value' not found.)");
  }

  @Test
  void withoutAutoRegistrationARegisteredSchemaIsLookedUp() {
    registry.register("ingest-rejections-value", REJECTION_V1);
    int id = registry.register("ingest-rejections-value", Rejection.getClassSchema());
    AvroSerde<Rejection> serde = AvroSerde.specific(Rejection.class,
        with(SerdeConfig.AUTO_REGISTER_SCHEMAS, false), false);

    byte[] bytes = serde.serializer().serialize("ingest-rejections", rejection());

    assertThat(WireFormat.decode("ingest-rejections", bytes).schemaId()).isEqualTo(id).isEqualTo(2);
    assertThat(registry.versions("ingest-rejections-value")).containsExactly(1, 2);
  }

  @Test
  void useLatestVersionWritesInTheLatestSchemasLayoutAndId() {
    registry.register("ingest-rejections-value", REJECTION_V1);
    int latestId = registry.register("ingest-rejections-value", Rejection.getClassSchema());
    Map<String, Object> latest = with(SerdeConfig.USE_LATEST_VERSION, true);
    latest.put(SerdeConfig.AUTO_REGISTER_SCHEMAS, false);

    byte[] fromOldRecord = AvroSerde.generic(latest, false).serializer().serialize("ingest-rejections", rejectionV1());
    byte[] fromCurrentClass = AvroSerde.specific(Rejection.class, config, false).serializer()
        .serialize("ingest-rejections", rejection());

    assertThat(WireFormat.decode("ingest-rejections", fromOldRecord).schemaId()).isEqualTo(latestId);
    assertThat(fromOldRecord).isEqualTo(fromCurrentClass);
  }

  @Test
  void useLatestVersionRefusesARecordTheLatestSchemaCannotRead() {
    Schema latestNeedsMore = new Schema.Parser().parse(REJECTION_V1.toString()
        .replace("\"fields\":[", "\"fields\":[{\"name\":\"operator\",\"type\":\"string\"},"));
    registry.setCompatibility("ingest-rejections-value", org.retorno.schemas.registry.CompatibilityLevel.NONE);
    registry.register("ingest-rejections-value", latestNeedsMore);
    AvroSerializer<GenericRecord> serializer = new AvroSerializer<>();
    serializer.configure(with(SerdeConfig.USE_LATEST_VERSION, true), false);

    assertThatThrownBy(() -> serializer.serialize("ingest-rejections", rejectionV1()))
        .isInstanceOf(SerializationException.class)
        .hasMessage("Cannot serialize for topic 'ingest-rejections' with use.latest.version: the latest schema of"
            + " subject 'ingest-rejections-value' (id 1) cannot read records of schema org.retorno.avro.Rejection:"
            + " READER_FIELD_MISSING_DEFAULT_VALUE operator at /fields/0");
  }

  @Test
  void nullIsATombstoneBothWays() {
    AvroSerde<Rejection> serde = AvroSerde.specific(Rejection.class, config, false);

    assertThat(serde.serializer().serialize("t", null)).isNull();
    assertThat(serde.deserializer().deserialize("t", null)).isNull();
    assertThat(registry.subjects()).isEmpty();
  }

  @Test
  void keysUseTheKeySubjectAndMayBePrimitives() {
    AvroSerde<Object> keys = new AvroSerde<>();
    keys.configure(config, true);

    assertThat(keys.deserializer().deserialize("claims", keys.serializer().serialize("claims", "claim-1")))
        .isEqualTo("claim-1");
    assertThat(keys.deserializer().deserialize("cities", keys.serializer().serialize("cities", 4013708L)))
        .isEqualTo(4013708L);
    assertThat(registry.subjects()).containsExactly("cities-key", "claims-key");
  }

  @Test
  void genericRecordsCanCarryLogicalTypesWhenAsked() {
    NgoReport report = NgoReport.newBuilder().setId("r1").setSourceUri("letter.txt").setMediaType("text/plain")
        .setPublishedDate(LocalDate.of(2019, 7, 30)).setRetrievedAt(REJECTED_AT).setText("...")
        .setSourceKind(SourceKind.NGO).build();
    byte[] bytes = AvroSerde.specific(NgoReport.class, config, false).serializer().serialize("raw-reports", report);

    GenericRecord raw = AvroSerde.generic(config, false).deserializer().deserialize("raw-reports", bytes);
    GenericRecord converted = AvroSerde.generic(with(SerdeConfig.AVRO_USE_LOGICAL_TYPE_CONVERTERS, true), false)
        .deserializer().deserialize("raw-reports", bytes);

    assertThat(raw.get("publishedDate")).isEqualTo((int) LocalDate.of(2019, 7, 30).toEpochDay());
    assertThat(converted.get("publishedDate")).isEqualTo(LocalDate.of(2019, 7, 30));
    assertThat(converted.get("retrievedAt")).isEqualTo(REJECTED_AT);
  }

  @Test
  void badBytesFailWithAClearMessage() {
    AvroSerde<Rejection> serde = AvroSerde.specific(Rejection.class, config, false);
    byte[] good = serde.serializer().serialize("t", rejection());
    byte[] truncated = java.util.Arrays.copyOf(good, 9);

    assertThatThrownBy(() -> serde.deserializer().deserialize("t", "{\"source\":1}".getBytes()))
        .isInstanceOf(SerializationException.class)
        .hasMessage("Cannot deserialize a record from topic 't': unknown magic byte 0x7b (expected 0x00); it was not"
            + " written by a Confluent-compatible Avro serializer");
    assertThatThrownBy(() -> serde.deserializer().deserialize("t", HexFormat.of().parseHex("00000003e702")))
        .isInstanceOf(SerializationException.class)
        .hasMessage("Cannot deserialize a record from topic 't': the registry has no schema with id 999"
            + " (404/40403: Schema not found: id 999.)");
    assertThatThrownBy(() -> serde.deserializer().deserialize("t", truncated))
        .isInstanceOf(SerializationException.class)
        .hasMessageStartingWith("Cannot deserialize a record from topic 't': the Avro data does not match schema id 1"
            + " (org.retorno.avro.Rejection): ");
  }

  @Test
  void refusesValuesThatAreNotAvro() {
    AvroSerializer<Object> serializer = new AvroSerializer<>();
    serializer.configure(config, false);

    assertThatThrownBy(() -> serializer.serialize("t", java.time.Duration.ofSeconds(1)))
        .isInstanceOf(SerializationException.class)
        .hasMessageEndingWith("for topic 't': it is neither an Avro record nor a primitive");
  }

  @Test
  void aRecordThatBreaksItsSchemaFailsAsASerializationError() {
    Evidence broken = new Evidence();
    broken.setStart(1);
    broken.setEnd(2);
    AvroSerializer<Evidence> serializer = new AvroSerializer<>();
    serializer.configure(config, false);

    assertThatThrownBy(() -> serializer.serialize("t", broken))
        .isInstanceOf(SerializationException.class)
        .hasMessage("Cannot serialize for topic 't': the value does not fit schema org.retorno.avro.Evidence:"
            + " NullPointerException: null value for (non-nullable) string at Evidence.sentence");
  }

  @Test
  void errorsNeverRepeatTheOffendingValue() {
    Schema witness = new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"Note\",\"fields\":["
        + "{\"name\":\"text\",\"type\":[\"null\",\"string\"]}]}");
    GenericRecord note = new GenericData.Record(witness);
    // A value of the wrong type, whose text is a person's name: Avro's own message would quote it.
    note.put("text", java.util.List.of("María López"));
    AvroSerializer<GenericRecord> serializer = new AvroSerializer<>();
    serializer.configure(config, false);

    assertThatThrownBy(() -> serializer.serialize("notes", note))
        .isInstanceOf(SerializationException.class)
        .hasMessage("Cannot serialize for topic 'notes': the value does not fit schema Note: a value matches no branch"
            + " of its union");
  }

  @Test
  void serdesOfOneMockScopeShareARegistryAndOtherScopesDoNot() {
    String other = scope + "-other";
    try {
      AvroSerde.specific(Rejection.class, config, false).serializer().serialize("t", rejection());

      assertThat(MockSchemaRegistryClient.forScope(scope).subjects()).containsExactly("t-value");
      assertThat(MockSchemaRegistryClient.forScope(other).subjects()).isEmpty();
    } finally {
      MockSchemaRegistryClient.dropScope(other);
    }
  }

  private Map<String, Object> with(String key, Object value) {
    Map<String, Object> changed = new HashMap<>(config);
    changed.put(key, value);
    return changed;
  }

  private static Rejection rejection() {
    return Rejection.newBuilder().setSource("feed.xml").setStage("ingest-news").setReason("not RSS")
        .setRejectedAt(REJECTED_AT).build();
  }

  private static GenericRecord rejectionV1() {
    GenericRecord record = new GenericData.Record(REJECTION_V1);
    record.put("source", "feed.xml");
    record.put("stage", "ingest-news");
    record.put("reason", "not RSS");
    record.put("rejectedAt", REJECTED_AT.toEpochMilli());
    return record;
  }

  private static Schema withoutField(Schema schema, String field) {
    try {
      ObjectNode json = (ObjectNode) JSON.readTree(schema.toString());
      ArrayNode fields = (ArrayNode) json.get("fields");
      for (int i = 0; i < fields.size(); i++) {
        if (fields.get(i).get("name").asText().equals(field)) {
          fields.remove(i);
        }
      }
      return new Schema.Parser().parse(json.toString());
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
