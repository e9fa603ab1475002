package org.retorno.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MockSchemaRegistryClientTest {
  private static final Schema V1 = new Schema.Parser().parse(Schemas.V1);
  private static final Schema V2 = new Schema.Parser().parse(Schemas.V2_OPTIONAL_CASES);
  private static final Schema V2_REQUIRED = new Schema.Parser().parse(Schemas.V2_REQUIRED_CASES);
  private static final Schema CASES_AS_TEXT = new Schema.Parser().parse(
      Schemas.record(Schemas.CITY, Schemas.field("cases", "\"string\"")));
  private final String scope = "mock-" + UUID.randomUUID();

  @AfterEach
  void drop() {
    MockSchemaRegistryClient.dropScope(scope);
  }

  @Test
  void clientsOfAScopeShareOneRegistryUntilItIsDropped() {
    MockSchemaRegistryClient.forScope(scope).register("claims-value", V1);

    assertThat(MockSchemaRegistryClient.forScope(scope).subjects()).containsExactly("claims-value");
    MockSchemaRegistryClient.dropScope(scope);
    assertThat(MockSchemaRegistryClient.forScope(scope).subjects()).isEmpty();
  }

  @Test
  void behavesLikeTheRegistry() {
    MockSchemaRegistryClient client = MockSchemaRegistryClient.forScope(scope);

    assertThat(client.register("claims-value", V1)).isEqualTo(1);
    assertThat(client.register("claims-value", V2)).isEqualTo(2);
    assertThat(client.register("events-value", V1)).isEqualTo(1);
    assertThat(client.lookup("claims-value", V1)).isEqualTo(1);
    assertThat(client.getById(2)).isEqualTo(V2);
    assertThat(client.latest("claims-value")).isEqualTo(new RegisteredSchema("claims-value", 2, 2, V2.toString()));
    assertThat(client.version("claims-value", 1).id()).isEqualTo(1);
    assertThat(client.versions("claims-value")).containsExactly(1, 2);
    assertThat(client.testCompatibility("claims-value", "latest", V2_REQUIRED)).isEmpty();
    assertThat(client.testCompatibility("claims-value", "1", V2_REQUIRED)).hasSize(1);
    assertThatThrownBy(() -> client.register("claims-value", CASES_AS_TEXT))
        .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.httpStatus()).isEqualTo(409));
    assertThatThrownBy(() -> client.getById(3))
        .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(40403));
  }

  @Test
  void setsAndReadsCompatibility() {
    MockSchemaRegistryClient client = new MockSchemaRegistryClient();

    client.setCompatibility(null, CompatibilityLevel.FULL);
    client.setCompatibility("claims-value", CompatibilityLevel.NONE);

    assertThat(client.compatibility(null)).isEqualTo(CompatibilityLevel.FULL);
    assertThat(client.compatibility("claims-value")).isEqualTo(CompatibilityLevel.NONE);
    assertThat(client.compatibility("events-value")).isEqualTo(CompatibilityLevel.FULL);
  }
}
