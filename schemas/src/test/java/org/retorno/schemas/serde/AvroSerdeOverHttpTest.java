package org.retorno.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.retorno.avro.Rejection;
import org.retorno.schemas.registry.RegistryStub;

/** The serde configured with an http URL talks to the registry as Confluent's serdes do. */
class AvroSerdeOverHttpTest {
  private final RegistryStub registry = RegistryStub.start();

  AvroSerdeOverHttpTest() throws IOException {}

  @AfterEach
  void stop() {
    registry.close();
  }

  @Test
  void registersWritesAndReadsBackThroughTheRegistry() {
    String schema = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance
        .textNode(Rejection.getClassSchema().toString()).toString();
    registry.answer("POST", "/subjects/ingest-rejections-value/versions", 200, "{\"id\":42}")
        .answer("GET", "/schemas/ids/42", 200, "{\"schema\":" + schema + "}");
    Map<String, Object> config = Map.of(
        SerdeConfig.SCHEMA_REGISTRY_URL, registry.url().toString(),
        SerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, SerdeConfig.USER_INFO,
        SerdeConfig.BASIC_AUTH_USER_INFO, "ingest:pw");
    Rejection rejection = Rejection.newBuilder().setSource("feed.xml").setStage("ingest-news")
        .setReason("not RSS").setRejectedAt(Instant.parse("2019-07-30T12:00:00Z")).build();

    byte[] bytes = AvroSerde.specific(Rejection.class, config, false).serializer().serialize("ingest-rejections", rejection);
    Rejection read = AvroSerde.specific(Rejection.class, config, false).deserializer()
        .deserialize("ingest-rejections", bytes);

    assertThat(WireFormat.decode("ingest-rejections", bytes).schemaId()).isEqualTo(42);
    assertThat(read).isEqualTo(rejection);
    assertThat(registry.requests()).extracting(r -> r.method() + " " + r.target())
        .containsExactly("POST /subjects/ingest-rejections-value/versions", "GET /schemas/ids/42");
    assertThat(registry.requests()).allSatisfy(r -> assertThat(r.header("Authorization")).isEqualTo("Basic aW5nZXN0OnB3"));
  }

  @Test
  void aRegistryRefusalBecomesASerializationError() {
    registry.answer("POST", "/subjects/t-value/versions", 409,
        "{\"error_code\":409,\"message\":\"Schema being registered is incompatible with an earlier schema\"}");
    AvroSerializer<Rejection> serializer = new AvroSerializer<>();
    serializer.configure(Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, registry.url().toString()), false);
    Rejection rejection = Rejection.newBuilder().setSource("s").setStage("x").setReason("r")
        .setRejectedAt(Instant.EPOCH).build();

    assertThatThrownBy(() -> serializer.serialize("t", rejection))
        .isInstanceOf(SerializationException.class)
        .hasMessage("Cannot serialize for topic 't': the registry refused subject 't-value' (409/409): Schema being"
            + " registered is incompatible with an earlier schema");
  }
}
