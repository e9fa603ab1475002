package org.retorno.schemas.registry;

import org.apache.avro.Schema;

/**
 * Parses schema text the way the registry judges it. A schema's identity is its compact JSON
 * ({@link Schema#toString()}), not Avro's parsing canonical form: docs and properties count, as in
 * Confluent's registry.
 */
public final class AvroSchemaText {
  private AvroSchemaText() {}

  /** @throws RegistryException 422/42201 if the text is not a valid Avro schema */
  public static Schema parse(String json) {
    if (json == null || json.isBlank()) {
      throw RegistryException.invalidSchema("the schema is empty");
    }
    try {
      return new Schema.Parser().parse(json);
    } catch (RuntimeException e) {
      // Avro reports bad input with several exception types (SchemaParseException, AvroTypeException,
      // even NullPointerException for an undefined type name): all of them mean "invalid schema".
      throw RegistryException.invalidSchema(reason(e));
    }
  }

  /** The identity of a schema: its compact JSON. */
  public static String canonical(Schema schema) {
    return schema.toString();
  }

  /** @throws RegistryException 422/42201 if the text is not a valid Avro schema */
  public static String canonical(String json) {
    return canonical(parse(json));
  }

  private static String reason(RuntimeException e) {
    String message = e.getMessage();
    if (e instanceof NullPointerException && message != null && message.contains("UnresolvedSchema")) {
      return "it refers to a type name that is not defined in it";
    }
    return RegistryJson.firstLine(message);
  }
}
