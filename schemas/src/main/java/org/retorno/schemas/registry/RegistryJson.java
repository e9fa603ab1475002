package org.retorno.schemas.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The one JSON mapper of the registry code, and strict readers for the fields we rely on. */
final class RegistryJson {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private RegistryJson() {}

  static JsonNode parse(String json, String what) {
    try {
      JsonNode node = MAPPER.readTree(json);
      if (node == null || node.isMissingNode()) {
        throw new IllegalArgumentException("empty");
      }
      return node;
    } catch (Exception e) {
      throw new IllegalArgumentException(what + " is not JSON: " + firstLine(e.getMessage()));
    }
  }

  static String text(JsonNode node, String field, String what) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual()) {
      throw new IllegalArgumentException(what + " has no text field '" + field + "'");
    }
    return value.asText();
  }

  static int integer(JsonNode node, String field, String what) {
    JsonNode value = node.get(field);
    if (value == null || !value.canConvertToInt() || !value.isIntegralNumber()) {
      throw new IllegalArgumentException(what + " has no integer field '" + field + "'");
    }
    return value.intValue();
  }

  static String firstLine(String message) {
    if (message == null) {
      return "no details";
    }
    int newline = message.indexOf('\n');
    String line = newline < 0 ? message : message.substring(0, newline);
    return line.length() > 300 ? line.substring(0, 300) + "..." : line;
  }
}
