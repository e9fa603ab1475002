package org.retorno.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RegistryRecordTest {
  private static final String SCHEMA = AvroSchemaText.canonical(Schemas.V1);

  static List<RegistryRecord> everyKind() {
    return List.of(
        new SchemaRecord("claims-value", 3, 7, SCHEMA, false),
        new SchemaRecord("claims-value", 3, 7, SCHEMA, true),
        SchemaRecord.tombstone("claims-value", 3),
        new ConfigRecord(null, CompatibilityLevel.FULL),
        new ConfigRecord("claims-value", CompatibilityLevel.BACKWARD_TRANSITIVE),
        new ConfigRecord("claims-value", null),
        new ConfigRecord(null, null),
        NoopRecord.INSTANCE);
  }

  @ParameterizedTest
  @MethodSource("everyKind")
  void survivesTheTopic(RegistryRecord record) {
    assertThat(RegistryRecord.fromKafka(record.keyJson(), record.valueJson())).isEqualTo(record);
  }

  @Test
  void writesConfluentsLayout() {
    SchemaRecord schema = new SchemaRecord("s", 1, 1, "\"string\"", false);

    assertThat(schema.keyJson()).isEqualTo("{\"keytype\":\"SCHEMA\",\"subject\":\"s\",\"version\":1,\"magic\":1}");
    assertThat(schema.valueJson())
        .isEqualTo("{\"subject\":\"s\",\"version\":1,\"id\":1,\"schema\":\"\\\"string\\\"\",\"deleted\":false}");
    assertThat(new ConfigRecord(null, CompatibilityLevel.BACKWARD).keyJson())
        .isEqualTo("{\"keytype\":\"CONFIG\",\"subject\":null,\"magic\":0}");
    assertThat(new ConfigRecord(null, CompatibilityLevel.BACKWARD).valueJson())
        .isEqualTo("{\"compatibilityLevel\":\"BACKWARD\"}");
    assertThat(NoopRecord.INSTANCE.keyJson()).isEqualTo("{\"keytype\":\"NOOP\",\"magic\":0}");
    assertThat(NoopRecord.INSTANCE.valueJson()).isNull();
    assertThat(SchemaRecord.tombstone("s", 1).valueJson()).isNull();
  }

  @Test
  void readsWhatAConfluentRegistryWrote() {
    RegistryRecord record = RegistryRecord.fromKafka(
        "{\"keytype\":\"SCHEMA\",\"subject\":\"s\",\"version\":2,\"magic\":1}",
        "{\"subject\":\"s\",\"version\":2,\"id\":5,\"schemaType\":\"AVRO\",\"schema\":\"\\\"long\\\"\","
            + "\"deleted\":false,\"references\":[]}");

    assertThat(record).isEqualTo(new SchemaRecord("s", 2, 5, "\"long\"", false));
  }

  @Test
  void rejectsRecordsItCannotReadWithAStoreError() {
    assertStoreError("not json", null, "_schemas key is not JSON");
    assertStoreError("{\"keytype\":\"MODE\",\"magic\":0}", null, "unsupported keytype 'MODE'");
    assertStoreError("{\"keytype\":\"SCHEMA\",\"subject\":\"s\",\"version\":0,\"magic\":1}", null,
        "SCHEMA key has version 0");
    assertStoreError("{\"keytype\":\"SCHEMA\",\"subject\":\"s\",\"version\":1,\"magic\":1}",
        "{\"subject\":\"s\",\"version\":1,\"schema\":\"\\\"long\\\"\"}", "SCHEMA value has no integer field 'id'");
    assertStoreError("{\"keytype\":\"SCHEMA\",\"subject\":\"s\",\"version\":1,\"magic\":1}",
        "{\"id\":1,\"schemaType\":\"PROTOBUF\",\"schema\":\"x\"}", "only AVRO is supported");
    assertStoreError("{\"keytype\":\"CONFIG\",\"subject\":null,\"magic\":0}",
        "{\"compatibilityLevel\":\"LOOSE\"}", "unknown compatibilityLevel 'LOOSE'");
  }

  private static void assertStoreError(String key, String value, String reason) {
    assertThatThrownBy(() -> RegistryRecord.fromKafka(key, value))
        .isInstanceOfSatisfying(RegistryException.class, e -> {
          assertThat(e.errorCode()).isEqualTo(50001);
          assertThat(e.getMessage()).startsWith("Error in the backend data store: ").contains(reason);
        });
  }
}
