package org.retorno.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CompatibilityLevelTest {

  @Test
  void parsesNamesInAnyCase() {
    assertThat(CompatibilityLevel.parse("FULL_TRANSITIVE")).isEqualTo(CompatibilityLevel.FULL_TRANSITIVE);
    assertThat(CompatibilityLevel.parse("backward")).isEqualTo(CompatibilityLevel.BACKWARD);
  }

  @Test
  void rejectsUnknownLevelWith42203() {
    assertThatThrownBy(() -> CompatibilityLevel.parse("SIDEWAYS"))
        .isInstanceOfSatisfying(RegistryException.class, e -> {
          assertThat(e.httpStatus()).isEqualTo(422);
          assertThat(e.errorCode()).isEqualTo(42203);
          assertThat(e.message()).startsWith("Invalid compatibility level 'SIDEWAYS'.");
        });
    assertThatThrownBy(() -> CompatibilityLevel.parse(null))
        .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(42203));
  }

  @Test
  void onlyTheTransitiveLevelsAreTransitive() {
    assertThat(CompatibilityLevel.values()).filteredOn(CompatibilityLevel::transitive)
        .containsExactly(CompatibilityLevel.BACKWARD_TRANSITIVE, CompatibilityLevel.FORWARD_TRANSITIVE,
            CompatibilityLevel.FULL_TRANSITIVE);
  }
}
