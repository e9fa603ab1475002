package org.retorno.schemas.evolution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecordBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.retorno.avro.NewsArticle;
import org.retorno.schemas.registry.CompatibilityLevel;
import org.retorno.schemas.registry.MockSchemaRegistryClient;
import org.retorno.schemas.registry.RegistryException;

/**
 * How every contract may change under the registry's rules: an optional field can be added under
 * FULL compatibility (old and new consumers read each other's data); a required field without a
 * default, a dropped required field or a changed type is refused with 409 and leaves the subject
 * as it was. New .avsc files are covered without edits.
 */
class ContractEvolutionTest {

  static List<Schema> contracts() throws IOException, URISyntaxException {
    Path dir = Path.of(NewsArticle.class.getProtectionDomain().getCodeSource().getLocation().toURI())
        .resolve("org/retorno/avro");
    List<Schema> schemas = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (String name : files.map(f -> f.getFileName().toString()).sorted().toList()) {
        if (!name.endsWith(".class") || name.contains("$")) {
          continue;
        }
        Class<?> type = load("org.retorno.avro." + name.substring(0, name.length() - ".class".length()));
        if (SpecificRecordBase.class.isAssignableFrom(type)) {
          schemas.add(SpecificData.get().getSchema(type));
        }
      }
    }
    return schemas;
  }

  @Test
  void everyTopLevelContractIsCovered() throws Exception {
    assertThat(contracts()).extracting(Schema::getName)
        .contains("NewsArticle", "NgoReport", "CaseCountRow", "Claim", "Event", "CityCounts", "Rejection",
            "RejectedClaim", "SpikeAlert");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("contracts")
  void anOptionalFieldIsAFullyCompatibleNewVersion(Schema contract) {
    MockSchemaRegistryClient registry = registryAt(CompatibilityLevel.FULL, contract);

    Schema next = withField(contract, optional("addedLater"));
    int id = registry.register(subject(contract), next);

    assertThat(registry.versions(subject(contract))).containsExactly(1, 2);
    assertThat(registry.getById(id).getField("addedLater")).isNotNull();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("contracts")
  void aRequiredFieldWithoutDefaultIsRefusedWith409(Schema contract) {
    MockSchemaRegistryClient registry = registryAt(CompatibilityLevel.BACKWARD, contract);
    Schema next = withField(contract, new Schema.Field("addedLater", Schema.create(Schema.Type.STRING)));

    assertRefused(registry, contract, next);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("contracts")
  void droppingARequiredFieldIsRefusedWhenOldConsumersMustReadNewData(Schema contract) {
    Schema.Field required = contract.getFields().stream().filter(f -> !f.hasDefaultValue()).findFirst()
        .orElseThrow(() -> new AssertionError(contract.getName() + " has no required field"));
    MockSchemaRegistryClient registry = registryAt(CompatibilityLevel.FORWARD, contract);

    assertRefused(registry, contract, without(contract, required.name()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("contracts")
  void changingAFieldsTypeIsRefused(Schema contract) {
    Schema.Field first = contract.getFields().get(0);
    Schema other = Schema.create(first.schema().getType() == Schema.Type.BOOLEAN
        ? Schema.Type.BYTES : Schema.Type.BOOLEAN);
    List<Schema.Field> fields = copies(contract);
    fields.set(0, new Schema.Field(first.name(), other));
    MockSchemaRegistryClient registry = registryAt(CompatibilityLevel.FULL, contract);

    assertRefused(registry, contract, record(contract, fields));
  }

  private static void assertRefused(MockSchemaRegistryClient registry, Schema contract, Schema next) {
    assertThat(registry.testCompatibility(subject(contract), "latest", next)).isNotEmpty();
    assertThatThrownBy(() -> registry.register(subject(contract), next))
        .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.httpStatus()).isEqualTo(409));
    assertThat(registry.versions(subject(contract))).containsExactly(1);
  }

  private static MockSchemaRegistryClient registryAt(CompatibilityLevel level, Schema contract) {
    MockSchemaRegistryClient registry = new MockSchemaRegistryClient();
    registry.setCompatibility(subject(contract), level);
    registry.register(subject(contract), contract);
    return registry;
  }

  private static String subject(Schema contract) {
    return contract.getName() + "-value";
  }

  private static Schema.Field optional(String name) {
    return new Schema.Field(name, Schema.createUnion(Schema.create(Schema.Type.NULL),
        Schema.create(Schema.Type.STRING)), null, Schema.Field.NULL_DEFAULT_VALUE);
  }

  private static Schema withField(Schema contract, Schema.Field added) {
    List<Schema.Field> fields = copies(contract);
    fields.add(added);
    return record(contract, fields);
  }

  private static Schema without(Schema contract, String name) {
    List<Schema.Field> fields = copies(contract);
    fields.removeIf(f -> f.name().equals(name));
    return record(contract, fields);
  }

  private static List<Schema.Field> copies(Schema contract) {
    List<Schema.Field> fields = new ArrayList<>();
    for (Schema.Field field : contract.getFields()) {
      fields.add(new Schema.Field(field, field.schema()));
    }
    return fields;
  }

  private static Schema record(Schema contract, List<Schema.Field> fields) {
    return Schema.createRecord(contract.getName(), contract.getDoc(), contract.getNamespace(), false, fields);
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }
}
