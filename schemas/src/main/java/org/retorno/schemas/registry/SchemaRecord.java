package org.retorno.schemas.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * A version of a subject. {@code deleted=true} is a soft delete (the id stays readable); a record
 * with a null schema is a tombstone that removes the version for good.
 */
public record SchemaRecord(String subject, int version, int id, String schema, boolean deleted)
    implements RegistryRecord {

  public SchemaRecord {
    Objects.requireNonNull(subject, "subject");
    if (version < 1) {
      throw new IllegalArgumentException("version must be at least 1, was " + version);
    }
  }

  /** The tombstone that permanently deletes one version of a subject. */
  public static SchemaRecord tombstone(String subject, int version) {
    return new SchemaRecord(subject, version, 0, null, true);
  }

  public boolean isTombstone() {
    return schema == null;
  }

  public SchemaRecord softDeleted() {
    return new SchemaRecord(subject, version, id, schema, true);
  }

  public RegisteredSchema toRegisteredSchema() {
    return new RegisteredSchema(subject, version, id, schema);
  }

  @Override
  public String keyJson() {
    ObjectNode key = RegistryJson.MAPPER.createObjectNode();
    key.put("keytype", "SCHEMA");
    key.put("subject", subject);
    key.put("version", version);
    key.put("magic", 1);
    return key.toString();
  }

  @Override
  public String valueJson() {
    if (isTombstone()) {
      return null;
    }
    ObjectNode value = RegistryJson.MAPPER.createObjectNode();
    value.put("subject", subject);
    value.put("version", version);
    value.put("id", id);
    value.put("schema", schema);
    value.put("deleted", deleted);
    return value.toString();
  }

  static SchemaRecord fromJson(JsonNode key, JsonNode value) {
    String subject = RegistryJson.text(key, "subject", "SCHEMA key");
    int version = RegistryJson.integer(key, "version", "SCHEMA key");
    if (version < 1) {
      throw new IllegalArgumentException("SCHEMA key has version " + version + ", expected at least 1");
    }
    if (value == null) {
      return tombstone(subject, version);
    }
    String schemaType = value.path("schemaType").asText("AVRO");
    if (!"AVRO".equals(schemaType)) {
      throw new IllegalArgumentException("SCHEMA value has schemaType " + schemaType + ", only AVRO is supported");
    }
    return new SchemaRecord(subject, version,
        RegistryJson.integer(value, "id", "SCHEMA value"),
        RegistryJson.text(value, "schema", "SCHEMA value"),
        value.path("deleted").asBoolean(false));
  }
}
