package org.retorno.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.retorno.schemas.registry.Schemas.CITY;
import static org.retorno.schemas.registry.Schemas.V1;
import static org.retorno.schemas.registry.Schemas.V2_OPTIONAL_CASES;
import static org.retorno.schemas.registry.Schemas.V2_REQUIRED_CASES;
import static org.retorno.schemas.registry.Schemas.field;
import static org.retorno.schemas.registry.Schemas.record;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Confluent's compatibility rules, case by case: registering {@code next} after {@code first}. */
class CompatibilityRulesTest {
  private static final String CITY_AND_CASES = V2_REQUIRED_CASES;
  private static final String CASES_AS_LONG = record(CITY, field("cases", "\"long\""));
  private static final String REGION_OPTIONAL = record(CITY, field("region", "[\"null\",\"string\"]", "null"));
  private static final String ENUM_AB = "{\"type\":\"enum\",\"name\":\"Kind\",\"symbols\":[\"A\",\"B\"]}";
  private static final String ENUM_ABC = "{\"type\":\"enum\",\"name\":\"Kind\",\"symbols\":[\"A\",\"B\",\"C\"]}";
  private static final String OTHER_NAME = "{\"type\":\"record\",\"name\":\"Other\",\"fields\":[" + CITY + "]}";

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("add optional field", CompatibilityLevel.BACKWARD, V1, V2_OPTIONAL_CASES, true),
        Arguments.of("add required field", CompatibilityLevel.BACKWARD, V1, V2_REQUIRED_CASES, false),
        Arguments.of("remove field", CompatibilityLevel.BACKWARD, CITY_AND_CASES, V1, true),
        Arguments.of("widen int to long", CompatibilityLevel.BACKWARD, CITY_AND_CASES, CASES_AS_LONG, true),
        Arguments.of("narrow long to int", CompatibilityLevel.BACKWARD, CASES_AS_LONG, CITY_AND_CASES, false),
        Arguments.of("add enum symbol", CompatibilityLevel.BACKWARD, ENUM_AB, ENUM_ABC, true),
        Arguments.of("rename record", CompatibilityLevel.BACKWARD, V1, OTHER_NAME, false),
        Arguments.of("add optional field", CompatibilityLevel.FORWARD, V1, V2_OPTIONAL_CASES, true),
        Arguments.of("add required field", CompatibilityLevel.FORWARD, V1, V2_REQUIRED_CASES, true),
        Arguments.of("remove required field", CompatibilityLevel.FORWARD, CITY_AND_CASES, V1, false),
        Arguments.of("remove optional field", CompatibilityLevel.FORWARD, V2_OPTIONAL_CASES, V1, true),
        Arguments.of("widen int to long", CompatibilityLevel.FORWARD, CITY_AND_CASES, CASES_AS_LONG, false),
        // Avro's SchemaValidator alone would let these two through; readers would fail on the data.
        Arguments.of("add enum symbol", CompatibilityLevel.FORWARD, ENUM_AB, ENUM_ABC, false),
        Arguments.of("add optional field", CompatibilityLevel.FULL, V1, REGION_OPTIONAL, true),
        Arguments.of("add required field", CompatibilityLevel.FULL, V1, V2_REQUIRED_CASES, false),
        Arguments.of("remove required field", CompatibilityLevel.FULL, CITY_AND_CASES, V1, false),
        Arguments.of("remove optional field", CompatibilityLevel.FULL, REGION_OPTIONAL, V1, true),
        Arguments.of("change type", CompatibilityLevel.NONE, CITY_AND_CASES, ENUM_AB, true),
        Arguments.of("add required field", CompatibilityLevel.NONE, V1, V2_REQUIRED_CASES, true));
  }

  @ParameterizedTest(name = "{1}: {0} -> compatible={4}")
  @MethodSource("cases")
  void registersOnlyCompatibleSchemas(String change, CompatibilityLevel level, String first, String next,
      boolean compatible) {
    RegistryState state = stateWith(level, first);

    assertThat(state.compatibilityErrors("s", "latest", next)).as("compatibilityErrors").hasSize(compatible ? 0 : 1);
    if (compatible) {
      assertThat(state.planRegister("s", next).toAppend()).isPresent();
    } else {
      assertThatThrownBy(() -> state.planRegister("s", next))
          .isInstanceOfSatisfying(RegistryException.class, e -> {
            assertThat(e.httpStatus()).isEqualTo(409);
            assertThat(e.errorCode()).isEqualTo(409);
            assertThat(e.details()).hasSize(1);
          });
    }
  }

  @Test
  void explainsAMissingDefaultInWords() {
    RegistryState state = stateWith(CompatibilityLevel.BACKWARD, V1);

    assertThat(state.compatibilityErrors("s", "latest", V2_REQUIRED_CASES)).containsExactly(
        "BACKWARD: the new schema cannot read data written with version 1: the reader's field 'cases' has no"
            + " default and the writer does not have it (at /fields/1)");
    assertThatThrownBy(() -> state.planRegister("s", V2_REQUIRED_CASES))
        .hasMessage("Schema being registered is incompatible with an earlier schema for subject 's', details:"
            + " BACKWARD: the new schema cannot read data written with version 1: the reader's field 'cases' has"
            + " no default and the writer does not have it (at /fields/1)");
  }

  @Test
  void explainsForwardAndTypeMismatches() {
    RegistryState state = stateWith(CompatibilityLevel.FORWARD, CITY_AND_CASES);

    assertThat(state.compatibilityErrors("s", "latest", CASES_AS_LONG)).containsExactly(
        "FORWARD: version 1 cannot read data written with the new schema: type mismatch: reader type: INT not"
            + " compatible with writer type: LONG (at /fields/1/type)");
  }

  @Test
  void explainsARenamedRecord() {
    RegistryState state = stateWith(CompatibilityLevel.BACKWARD, V1);

    assertThat(state.compatibilityErrors("s", "latest", OTHER_NAME)).containsExactly(
        "BACKWARD: the new schema cannot read data written with version 1: name mismatch: expected:"
            + " org.retorno.test.Sighting (at /name)");
  }

  @Test
  void explainsAnEnumSymbolOldReadersLack() {
    RegistryState state = stateWith(CompatibilityLevel.FORWARD, ENUM_AB);

    assertThat(state.compatibilityErrors("s", "latest", ENUM_ABC)).containsExactly(
        "FORWARD: version 1 cannot read data written with the new schema: the reader's enum lacks the writer's"
            + " symbols [C] (at /symbols)");
  }

  @Test
  void fullExplainsBothDirections() {
    RegistryState state = stateWith(CompatibilityLevel.FULL, CITY_AND_CASES);

    assertThat(state.compatibilityErrors("s", "latest", record(field("cases", "\"int\"")))).containsExactly(
        "FULL: version 1 cannot read data written with the new schema: the reader's field 'city' has no default"
            + " and the writer does not have it (at /fields/0)");
  }

  @Test
  void transitiveLevelsCheckEveryEarlierVersionButPlainOnesOnlyTheLatest() {
    // v3 reads v2's data (v2 has "cases") but not v1's (v1 lacks it and v3 gives no default).
    String v3 = V2_REQUIRED_CASES;
    RegistryState plain = stateWith(CompatibilityLevel.BACKWARD, V1, V2_OPTIONAL_CASES);
    RegistryState transitive = stateWith(CompatibilityLevel.BACKWARD_TRANSITIVE, V1, V2_OPTIONAL_CASES);

    assertThat(plain.planRegister("s", v3).version()).isEqualTo(3);
    assertThat(transitive.compatibilityErrors("s", "latest", v3)).containsExactly(
        "BACKWARD_TRANSITIVE: the new schema cannot read data written with version 1: the reader's field 'cases'"
            + " has no default and the writer does not have it (at /fields/1)");
  }

  @Test
  void aGivenVersionIsCheckedAloneWhateverTheLevel() {
    RegistryState transitive = stateWith(CompatibilityLevel.BACKWARD_TRANSITIVE, V1, V2_OPTIONAL_CASES);

    assertThat(transitive.compatibilityErrors("s", "2", V2_REQUIRED_CASES)).isEmpty();
    assertThat(transitive.compatibilityErrors("s", "1", V2_REQUIRED_CASES)).hasSize(1);
  }

  @Test
  void softDeletedVersionsNoLongerConstrain() {
    RegistryState state = stateWith(CompatibilityLevel.BACKWARD_TRANSITIVE, V1, V2_OPTIONAL_CASES);
    state.apply(state.planDeleteVersion("s", "1"));

    assertThat(state.planRegister("s", V2_REQUIRED_CASES).version()).isEqualTo(3);
  }

  private static RegistryState stateWith(CompatibilityLevel level, String... versions) {
    RegistryState state = new RegistryState();
    // Earlier versions go in unchecked, as an operator could with level NONE; then the level under test applies.
    state.apply(state.planConfig("s", "NONE"));
    for (String schema : versions) {
      state.apply(state.planRegister("s", schema).toAppend().orElseThrow());
    }
    state.apply(state.planConfig("s", level.name()));
    return state;
  }
}
