package org.retorno.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.retorno.schemas.registry.Schemas.V1;
import static org.retorno.schemas.registry.Schemas.V2_OPTIONAL_CASES;
import static org.retorno.schemas.registry.Schemas.V2_REQUIRED_CASES;

import java.util.List;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class RegistryStateTest {
  private static final String V1_COMPACT = AvroSchemaText.canonical(V1);
  private final RegistryState state = new RegistryState();

  @Test
  void firstRegistrationGetsIdOneAndVersionOne() {
    Registration registration = state.planRegister("claims-value", V1);

    assertThat(registration).isEqualTo(new Registration(1, 1,
        Optional.of(new SchemaRecord("claims-value", 1, 1, V1_COMPACT, false))));
  }

  @Test
  void planningChangesNothingUntilTheRecordIsApplied() {
    state.planRegister("claims-value", V1);

    assertThat(state.subjects()).isEmpty();
    assertThat(state.byId(1)).isEmpty();
  }

  @Test
  void registeringAgainReturnsTheExistingIdAndVersionAndAppendsNothing() {
    register("claims-value", V1);
    register("claims-value", V2_OPTIONAL_CASES);

    // Different whitespace, same compact JSON: the same schema.
    assertThat(state.planRegister("claims-value", V1.replace(",", " ,\n ")))
        .isEqualTo(new Registration(1, 1, Optional.empty()));
  }

  @Test
  void theSameSchemaUnderAnotherSubjectGetsTheSameIdAndItsOwnVersion() {
    register("claims-value", V2_OPTIONAL_CASES);
    register("events-value", V1);
    Registration registration = register("claims-value", V1);

    assertThat(registration.id()).isEqualTo(2);
    assertThat(registration.version()).isEqualTo(2);
    assertThat(state.usesOfId(2)).containsExactly(
        new RegisteredSchema("claims-value", 2, 2, V1_COMPACT),
        new RegisteredSchema("events-value", 1, 2, V1_COMPACT));
  }

  @Test
  void idsAreTheHighestSoFarPlusOne() {
    state.apply(new SchemaRecord("imported", 1, 41, V1_COMPACT, false));

    assertThat(register("claims-value", V2_OPTIONAL_CASES).id()).isEqualTo(42);
  }

  @Test
  void aDocChangeIsANewSchemaBecauseIdentityIsTheCompactJson() {
    register("claims-value", V1);
    String withDoc = V1.replace("\"name\":\"Sighting\"", "\"name\":\"Sighting\",\"doc\":\"One sighting.\"");

    assertThat(register("claims-value", withDoc)).isEqualTo(new Registration(2, 2,
        Optional.of(new SchemaRecord("claims-value", 2, 2, AvroSchemaText.canonical(withDoc), false))));
  }

  @Test
  void answersVersionQueries() {
    register("claims-value", V1);
    register("claims-value", V2_OPTIONAL_CASES);
    RegisteredSchema second = new RegisteredSchema("claims-value", 2, 2, AvroSchemaText.canonical(V2_OPTIONAL_CASES));

    assertThat(state.versions("claims-value")).containsExactly(1, 2);
    assertThat(state.version("claims-value", "latest")).isEqualTo(second);
    assertThat(state.version("claims-value", "-1")).isEqualTo(second);
    assertThat(state.version("claims-value", "1")).isEqualTo(new RegisteredSchema("claims-value", 1, 1, V1_COMPACT));
    assertThat(state.lookup("claims-value", V1)).isEqualTo(new RegisteredSchema("claims-value", 1, 1, V1_COMPACT));
    assertThat(state.byId(2)).contains(second);
  }

  @Test
  void reportsConfluentErrorCodes() {
    register("claims-value", V1);

    assertError(() -> state.versions("nope"), 404, 40401);
    assertError(() -> state.version("nope", "1"), 404, 40401);
    assertError(() -> state.version("claims-value", "2"), 404, 40402);
    assertError(() -> state.version("claims-value", "0"), 422, 42202);
    assertError(() -> state.version("claims-value", "-2"), 422, 42202);
    assertError(() -> state.version("claims-value", "one"), 422, 42202);
    assertError(() -> state.version("claims-value", "2147483648"), 422, 42202);
    assertError(() -> state.lookup("nope", V1), 404, 40401);
    assertError(() -> state.lookup("claims-value", V2_OPTIONAL_CASES), 404, 40403);
    assertError(() -> state.lookup("claims-value", "{"), 422, 42201);
    assertError(() -> state.planRegister("claims-value", "{\"type\":\"record\"}"), 422, 42201);
    assertError(() -> state.planConfig(null, "SOMETIMES"), 422, 42203);
    assertError(() -> state.planDeleteConfig("claims-value"), 404, 40408);
    assertError(() -> state.compatibilityErrors("nope", "1", V1), 404, 40401);
    assertError(() -> state.compatibilityErrors("claims-value", "7", V1), 404, 40402);
    assertError(() -> state.compatibilityErrors("claims-value", "x", V1), 422, 42202);
  }

  @Test
  void invalidSchemaMessagesSayWhatIsWrong() {
    assertThatThrownBy(() -> state.planRegister("s", "{\"type\":\"record\",\"name\":\"R\",\"fields\":["
        + "{\"name\":\"a\",\"type\":\"Unknown\"}]}"))
        .hasMessage("Invalid schema: Undefined schema: Unknown");
    assertThatThrownBy(() -> state.planRegister("s", "\"Unknown\""))
        .hasMessage("Invalid schema: it refers to a type name that is not defined in it");
    assertThatThrownBy(() -> state.planRegister("s", ""))
        .hasMessage("Invalid schema: the schema is empty");
    assertThatThrownBy(() -> state.planRegister("s", "{\"type\":\"string\"} trailing"))
        .hasMessage("Invalid schema: dangling content after end of schema: trailing");
  }

  @Test
  void aSchemaTooDeepForTheThreadsStackIsInvalidNotACrash() throws InterruptedException {
    String deep = "{\"type\":\"array\",\"items\":".repeat(900) + "\"int\"" + "}".repeat(900);
    java.util.concurrent.atomic.AtomicReference<Throwable> thrown = new java.util.concurrent.atomic.AtomicReference<>();
    // A small stack makes Avro's recursion overflow well before Jackson's nesting limit.
    Thread small = new Thread(null, () -> {
      try {
        state.planRegister("s", deep);
      } catch (Throwable t) {
        thrown.set(t);
      }
    }, "small-stack", 128 * 1024);
    small.start();
    small.join();

    assertThat(thrown.get()).isInstanceOfSatisfying(RegistryException.class, e -> {
      assertThat(e.errorCode()).isEqualTo(42201);
      assertThat(e.getMessage()).isEqualTo("Invalid schema: it nests too deeply to be checked");
    });
  }

  @Test
  void subjectsAreSortedAndOmitFullyDeletedOnes() {
    register("zeta-value", V1);
    register("alpha-value", V1);
    register("gone-value", V1);
    state.planDeleteSubject("gone-value").forEach(state::apply);

    assertThat(state.subjects()).containsExactly("alpha-value", "zeta-value");
    assertError(() -> state.versions("gone-value"), 404, 40401);
  }

  @Test
  void softDeletedVersionsKeepTheirIdReadableAndTheirNumberUsed() {
    register("claims-value", V1);
    register("claims-value", V2_OPTIONAL_CASES);
    state.apply(state.planDeleteVersion("claims-value", "2"));

    assertThat(state.versions("claims-value")).containsExactly(1);
    assertThat(state.byId(2)).isPresent();
    assertError(() -> state.version("claims-value", "2"), 404, 40402);
    // Registering the deleted schema again makes version 3 with the same id.
    assertThat(register("claims-value", V2_OPTIONAL_CASES)).isEqualTo(new Registration(2, 3,
        Optional.of(new SchemaRecord("claims-value", 3, 2, AvroSchemaText.canonical(V2_OPTIONAL_CASES), false))));
  }

  @Test
  void aTombstoneRemovesAVersionForGoodButIdsAreNotReused() {
    register("claims-value", V1);
    register("claims-value", V2_OPTIONAL_CASES);
    state.apply(SchemaRecord.tombstone("claims-value", 2));

    assertThat(state.byId(2)).isEmpty();
    assertThat(state.versions("claims-value")).containsExactly(1);
    assertThat(register("claims-value", V2_REQUIRED_CASES.replace("\"int\"}", "\"int\",\"default\":1}")).id())
        .isEqualTo(3);
  }

  @Test
  void compatibilityLevelsFallBackFromSubjectToGlobalToBackward() {
    assertThat(state.globalCompatibility()).isEqualTo(CompatibilityLevel.BACKWARD);
    assertThat(state.effectiveCompatibility("claims-value")).isEqualTo(CompatibilityLevel.BACKWARD);

    state.apply(state.planConfig(null, "full"));
    state.apply(state.planConfig("claims-value", "NONE"));

    assertThat(state.effectiveCompatibility("claims-value")).isEqualTo(CompatibilityLevel.NONE);
    assertThat(state.effectiveCompatibility("events-value")).isEqualTo(CompatibilityLevel.FULL);
    assertThat(state.subjectCompatibility("events-value")).isEmpty();

    state.apply(state.planDeleteConfig("claims-value"));
    assertThat(state.subjectCompatibility("claims-value")).isEmpty();
    assertThat(state.effectiveCompatibility("claims-value")).isEqualTo(CompatibilityLevel.FULL);

    state.apply(state.planDeleteConfig(null));
    assertThat(state.globalCompatibility()).isEqualTo(CompatibilityLevel.BACKWARD);
  }

  @Test
  void anythingIsCompatibleWithASubjectThatHasNoVersionYet() {
    assertThat(state.compatibilityErrors("new-value", "latest", V1)).isEmpty();
  }

  @Test
  void aNoopRecordChangesNothing() {
    register("claims-value", V1);
    state.apply(NoopRecord.INSTANCE);

    assertThat(state.subjects()).containsExactly("claims-value");
    assertThat(state.versions("claims-value")).isEqualTo(List.of(1));
  }

  private Registration register(String subject, String schema) {
    Registration registration = state.planRegister(subject, schema);
    registration.toAppend().ifPresent(state::apply);
    return registration;
  }

  private static void assertError(ThrowingCallable call, int status, int code) {
    assertThatThrownBy(call).isInstanceOfSatisfying(RegistryException.class, e -> {
      assertThat(e.httpStatus()).as(e.getMessage()).isEqualTo(status);
      assertThat(e.errorCode()).as(e.getMessage()).isEqualTo(code);
    });
  }
}
