package org.retorno.schemas.registry;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One record of the {@code _schemas} topic, in Confluent's key/value JSON layout. The topic is the
 * registry's only store: replaying it from the start into a {@link RegistryState} rebuilds the state.
 */
public sealed interface RegistryRecord permits SchemaRecord, ConfigRecord, NoopRecord {

  String keyJson();

  /** The value, or null for a tombstone. */
  String valueJson();

  /**
   * Reads a record as it was consumed from the topic.
   *
   * @throws RegistryException 500/50001 if the key or value is not a record this registry writes
   */
  static RegistryRecord fromKafka(String keyJson, String valueJsonOrNull) {
    try {
      JsonNode key = RegistryJson.parse(keyJson, "_schemas key");
      String keyType = RegistryJson.text(key, "keytype", "_schemas key");
      JsonNode value = valueJsonOrNull == null ? null : RegistryJson.parse(valueJsonOrNull, "_schemas value");
      return switch (keyType) {
        case "SCHEMA" -> SchemaRecord.fromJson(key, value);
        case "CONFIG" -> ConfigRecord.fromJson(key, value);
        case "NOOP" -> NoopRecord.INSTANCE;
        default -> throw new IllegalArgumentException("_schemas key has unsupported keytype '" + keyType + "'");
      };
    } catch (IllegalArgumentException e) {
      throw RegistryException.storeError(e.getMessage());
    }
  }
}
