package org.retorno.local.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.retorno.avro.CityCounts;
import org.retorno.avro.Claim;
import org.retorno.schemas.registry.CompatibilityLevel;
import org.retorno.schemas.registry.RegistryException;
import org.retorno.schemas.registry.RestSchemaRegistryClient;
import org.retorno.schemas.serde.AvroSerde;
import org.retorno.schemas.serde.SerdeConfig;

/** Our own Java registry client and Avro serde against the server. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JavaClientsTest {
  private TestBroker broker;
  private RegistryServer registry;
  private RestSchemaRegistryClient client;

  @BeforeAll
  void start() {
    broker = TestBroker.start();
    registry = RegistryServer.start(RegistryOptions.defaults(broker.bootstrapServers())
        .withPort(0));
    client = new RestSchemaRegistryClient(List.of(URI.create(registry.url())),
        RestSchemaRegistryClient.Options.DEFAULTS);
  }

  @AfterAll
  void stop() throws Exception {
    registry.close();
    broker.close();
  }

  @Test
  void restClientRegistersLooksUpAndReads() {
    Schema schema = Claim.getClassSchema();

    int id = client.register("client-claims-value", schema);

    assertThat(client.lookup("client-claims-value", schema)).isEqualTo(id);
    assertThat(client.getById(id)).isEqualTo(schema);
    assertThat(client.latest("client-claims-value").id()).isEqualTo(id);
    assertThat(client.latest("client-claims-value").schema()).isEqualTo(schema.toString());
    assertThat(client.version("client-claims-value", 1).version()).isEqualTo(1);
    assertThat(client.subjects()).contains("client-claims-value");
    assertThat(client.versions("client-claims-value")).containsExactly(1);
    assertThat(client.testCompatibility("client-claims-value", "latest", schema)).isEmpty();
    assertThat(client.testCompatibility("client-claims-value", "latest",
        CityCounts.getClassSchema())).isNotEmpty();
  }

  @Test
  void restClientReadsAndSetsCompatibility() {
    client.register("client-config-value", CityCounts.getClassSchema());

    assertThat(client.compatibility("client-config-value")).isEqualTo(CompatibilityLevel.BACKWARD);
    client.setCompatibility("client-config-value", CompatibilityLevel.FULL);
    assertThat(client.compatibility("client-config-value")).isEqualTo(CompatibilityLevel.FULL);
  }

  @Test
  void restClientGetsTheServersErrorCodes() {
    assertThatThrownBy(() -> client.versions("client-nobody-value"))
        .isInstanceOfSatisfying(RegistryException.class,
            e -> assertThat(e.errorCode()).isEqualTo(40401));
    assertThatThrownBy(() -> client.getById(424242))
        .isInstanceOfSatisfying(RegistryException.class,
            e -> assertThat(e.errorCode()).isEqualTo(40403));
    client.register("client-strict-value", Claim.getClassSchema());
    assertThatThrownBy(() -> client.register("client-strict-value", CityCounts.getClassSchema()))
        .isInstanceOfSatisfying(RegistryException.class,
            e -> assertThat(e.errorCode()).isEqualTo(409));
  }

  @Test
  void avroSerdeRoundTripsEveryRecordThroughTheRegistry() {
    Map<String, Object> config = Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, registry.url());
    try (AvroSerde<CityCounts> counts = AvroSerde.specific(CityCounts.class, config, false);
        AvroSerde<Claim> claims = AvroSerde.specific(Claim.class, config, false)) {
      for (CityCounts value : AvroSamples.cityCounts()) {
        byte[] bytes = counts.serializer().serialize("serde-counts", value);
        assertThat(bytes[0]).isZero();
        assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt())
            .isEqualTo(client.lookup("serde-counts-value", CityCounts.getClassSchema()));
        assertThat(counts.deserializer().deserialize("serde-counts", bytes)).isEqualTo(value);
      }
      for (Claim value : AvroSamples.claims()) {
        byte[] bytes = claims.serializer().serialize("serde-claims", value);
        assertThat(claims.deserializer().deserialize("serde-claims", bytes)).isEqualTo(value);
      }
    }
  }

  @Test
  void serdeWithoutAutoRegisterFindsTheRegisteredSchema() {
    int id = client.register("lookup-claims-value", Claim.getClassSchema());
    Map<String, Object> config = Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, registry.url(),
        SerdeConfig.AUTO_REGISTER_SCHEMAS, false);
    try (AvroSerde<Claim> claims = AvroSerde.specific(Claim.class, config, false)) {
      byte[] bytes = claims.serializer().serialize("lookup-claims", AvroSamples.claims().get(0));

      assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(id);
      assertThat(claims.deserializer().deserialize("lookup-claims", bytes))
          .isEqualTo(AvroSamples.claims().get(0));
    }
  }
}
