package org.retorno.streams.extract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.retorno.avro.Claim;

/**
 * A claim as one line of JSON, every field of its Avro schema in schema order, nulls included:
 * walking the schema rather than naming fields keeps the output complete when the contract grows.
 * Dates are ISO strings and enums their names, so the output reads without the schema.
 */
public final class ClaimJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private ClaimJson() {}

  public static String line(Claim claim) {
    try {
      return MAPPER.writeValueAsString(tree(claim));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("claim " + claim.getId() + " cannot be written as JSON", e);
    }
  }

  public static ObjectNode tree(SpecificRecord record) {
    ObjectNode node = NODES.objectNode();
    for (Schema.Field field : record.getSchema().getFields()) {
      node.set(field.name(), value(record.get(field.pos())));
    }
    return node;
  }

  private static JsonNode value(Object value) {
    if (value == null) {
      return NODES.nullNode();
    }
    if (value instanceof SpecificRecord record) {
      return tree(record);
    }
    if (value instanceof CharSequence || value instanceof Enum<?> || value instanceof LocalDate
        || value instanceof Instant) {
      return NODES.textNode(value.toString());
    }
    if (value instanceof Long l) {
      return NODES.numberNode(l);
    }
    if (value instanceof Integer i) {
      return NODES.numberNode(i);
    }
    if (value instanceof Double d) {
      return NODES.numberNode(d);
    }
    if (value instanceof Boolean b) {
      return NODES.booleanNode(b);
    }
    if (value instanceof Map<?, ?> map) {
      ObjectNode node = NODES.objectNode();
      map.forEach((k, v) -> node.set(k.toString(), value(v)));
      return node;
    }
    if (value instanceof List<?> list) {
      ArrayNode array = NODES.arrayNode();
      list.forEach(item -> array.add(value(item)));
      return array;
    }
    throw new IllegalArgumentException("no JSON form for a " + value.getClass().getSimpleName());
  }
}
