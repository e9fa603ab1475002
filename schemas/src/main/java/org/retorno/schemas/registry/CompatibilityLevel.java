package org.retorno.schemas.registry;

import java.util.Locale;

/** How a new version of a subject's schema must relate to the versions before it (Confluent's levels). */
public enum CompatibilityLevel {
  NONE,
  BACKWARD,
  BACKWARD_TRANSITIVE,
  FORWARD,
  FORWARD_TRANSITIVE,
  FULL,
  FULL_TRANSITIVE;

  /** The level a registry uses until one is configured. */
  public static final CompatibilityLevel DEFAULT = BACKWARD;

  /**
   * Reads a level as clients send it; case does not matter, as in Confluent's registry.
   *
   * @throws RegistryException 422/42203 if the text names no level
   */
  public static CompatibilityLevel parse(String text) {
    if (text == null) {
      throw RegistryException.invalidCompatibilityLevel(null);
    }
    try {
      return valueOf(text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw RegistryException.invalidCompatibilityLevel(text);
    }
  }

  /** True when every earlier version counts, not only the latest. */
  public boolean transitive() {
    return this == BACKWARD_TRANSITIVE || this == FORWARD_TRANSITIVE || this == FULL_TRANSITIVE;
  }
}
