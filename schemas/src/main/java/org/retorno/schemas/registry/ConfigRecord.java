package org.retorno.schemas.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A compatibility setting: global when {@code subject} is null, else the subject's own. A null
 * {@code level} is a tombstone: the subject falls back to the global level (the global level to
 * {@link CompatibilityLevel#DEFAULT}).
 */
public record ConfigRecord(String subject, CompatibilityLevel level) implements RegistryRecord {

  public boolean isGlobal() {
    return subject == null;
  }

  public boolean isTombstone() {
    return level == null;
  }

  @Override
  public String keyJson() {
    ObjectNode key = RegistryJson.MAPPER.createObjectNode();
    key.put("keytype", "CONFIG");
    key.put("subject", subject);
    key.put("magic", 0);
    return key.toString();
  }

  @Override
  public String valueJson() {
    if (isTombstone()) {
      return null;
    }
    ObjectNode value = RegistryJson.MAPPER.createObjectNode();
    value.put("compatibilityLevel", level.name());
    return value.toString();
  }

  static ConfigRecord fromJson(JsonNode key, JsonNode value) {
    JsonNode subjectNode = key.get("subject");
    String subject;
    if (subjectNode == null || subjectNode.isNull()) {
      subject = null;
    } else if (subjectNode.isTextual()) {
      subject = subjectNode.asText();
    } else {
      throw new IllegalArgumentException("CONFIG key has a subject that is neither text nor null");
    }
    if (value == null) {
      return new ConfigRecord(subject, null);
    }
    String level = RegistryJson.text(value, "compatibilityLevel", "CONFIG value");
    try {
      return new ConfigRecord(subject, CompatibilityLevel.parse(level));
    } catch (RegistryException e) {
      throw new IllegalArgumentException("CONFIG value has unknown compatibilityLevel '" + level + "'");
    }
  }
}
