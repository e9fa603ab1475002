package org.retorno.schemas.registry;

import java.util.Objects;

/**
 * One version of a subject as the registry holds it.
 *
 * @param schema the schema's compact JSON, which is also its identity
 */
public record RegisteredSchema(String subject, int version, int id, String schema) {
  public RegisteredSchema {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(schema, "schema");
  }
}
