package org.retorno.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever a client sends, the registry answers with a registry error, never a crash. */
class PlanRegisterPropertiesTest {

  @Property(tries = 500)
  void arbitraryTextFailsOnlyWithRegistryErrors(@ForAll String text) {
    assertOnlyRegistryErrors(text);
  }

  @Property(tries = 1000)
  void schemaLikeTextFailsOnlyWithRegistryErrors(@ForAll("schemaLike") String text) {
    assertOnlyRegistryErrors(text);
  }

  @Provide
  Arbitrary<String> schemaLike() {
    Arbitrary<String> tokens = Arbitraries.of("{", "}", "[", "]", ",", ":", "\"type\"", "\"record\"", "\"name\"",
        "\"R\"", "\"fields\"", "\"default\"", "\"enum\"", "\"symbols\"", "\"array\"", "\"items\"", "\"map\"",
        "\"values\"", "\"fixed\"", "\"size\"", "\"null\"", "\"int\"", "\"string\"", "\"logicalType\"",
        "\"decimal\"", "\"precision\"", "\"aliases\"", "null", "1", "-1", "0.5", "true", "\"\"", "\"a b\"");
    return tokens.list().ofMaxSize(40).map(list -> String.join("", list));
  }

  private static void assertOnlyRegistryErrors(String text) {
    RegistryState state = new RegistryState();
    try {
      Registration registration = state.planRegister("s", text);
      assertThat(registration.id()).isEqualTo(1);
    } catch (RegistryException e) {
      assertThat(e.errorCode()).isEqualTo(42201);
      assertThat(e.getMessage()).startsWith("Invalid schema: ").doesNotContain("\n");
    }
  }
}
