package org.retorno.local.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.avro.LogicalType;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;

/**
 * One comparable JSON view of an Avro value, made from what Java holds and from what a
 * JavaScript library decoded. Differences between the languages are mapped explicitly, by the
 * schema, never by loosening: a {@code date} is an ISO day (JS sends days since 1970-01-01, or a
 * Date tagged {@code {"$date": ...}} that must fall on midnight UTC); a {@code timestamp-millis}
 * is epoch milliseconds; ints and longs are longs, floats and doubles are doubles; a union of null
 * and one type is null or that type's value (avsc's unwrapped unions).
 */
final class AvroJsonView {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private AvroJsonView() {}

  /** The view of a Java Avro datum (SpecificRecord with java.time logical types). */
  static JsonNode ofJava(Schema schema, Object value) {
    if (schema.getType() == Schema.Type.UNION) {
      if (value == null) {
        return NullNode.getInstance();
      }
      return ofJava(nonNullBranch(schema), value);
    }
    LogicalType logical = schema.getLogicalType();
    if (logical != null && logical.getName().equals("date")) {
      return TextNode.valueOf(((LocalDate) value).toString());
    }
    if (logical != null && logical.getName().equals("timestamp-millis")) {
      return LongNode.valueOf(((Instant) value).toEpochMilli());
    }
    return switch (schema.getType()) {
      case RECORD -> {
        IndexedRecord record = (IndexedRecord) value;
        ObjectNode node = NODES.objectNode();
        for (Schema.Field field : schema.getFields()) {
          node.set(field.name(), ofJava(field.schema(), record.get(field.pos())));
        }
        yield node;
      }
      case ENUM, STRING -> TextNode.valueOf(value.toString());
      case INT, LONG -> LongNode.valueOf(((Number) value).longValue());
      case FLOAT, DOUBLE -> DoubleNode.valueOf(((Number) value).doubleValue());
      case BOOLEAN -> BooleanNode.valueOf((Boolean) value);
      case NULL -> NullNode.getInstance();
      case ARRAY -> {
        ArrayNode array = NODES.arrayNode();
        for (Object item : (List<?>) value) {
          array.add(ofJava(schema.getElementType(), item));
        }
        yield array;
      }
      case MAP -> {
        ObjectNode map = NODES.objectNode();
        for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
          map.set(entry.getKey().toString(), ofJava(schema.getValueType(), entry.getValue()));
        }
        yield map;
      }
      default -> throw new IllegalArgumentException("no view for Avro type " + schema.getType());
    };
  }

  /** The view of what a JavaScript library decoded, as printed by conformance/cli.js. */
  static JsonNode ofJavaScript(Schema schema, JsonNode value, String path) {
    if (schema.getType() == Schema.Type.UNION) {
      return value.isNull() ? NullNode.getInstance()
          : ofJavaScript(nonNullBranch(schema), value, path);
    }
    LogicalType logical = schema.getLogicalType();
    if (logical != null && logical.getName().equals("date")) {
      return TextNode.valueOf(jsDate(value, path).toString());
    }
    if (logical != null && logical.getName().equals("timestamp-millis")) {
      return LongNode.valueOf(jsInstant(value, path).toEpochMilli());
    }
    return switch (schema.getType()) {
      case RECORD -> {
        expect(value.isObject(), path, "a record object", value);
        ObjectNode node = NODES.objectNode();
        for (Schema.Field field : schema.getFields()) {
          expect(value.has(field.name()), path, "field " + field.name(), value);
          node.set(field.name(), ofJavaScript(field.schema(), value.get(field.name()),
              path + "." + field.name()));
        }
        expect(value.size() == schema.getFields().size(), path, "exactly the schema's fields",
            value);
        yield node;
      }
      case ENUM, STRING -> {
        expect(value.isTextual(), path, "a string", value);
        yield value;
      }
      case INT, LONG -> {
        expect(value.isIntegralNumber() && value.canConvertToLong(), path, "an integer", value);
        yield LongNode.valueOf(value.longValue());
      }
      case FLOAT, DOUBLE -> {
        expect(value.isNumber(), path, "a number", value);
        yield DoubleNode.valueOf(value.doubleValue());
      }
      case BOOLEAN -> {
        expect(value.isBoolean(), path, "a boolean", value);
        yield value;
      }
      case NULL -> {
        expect(value.isNull(), path, "null", value);
        yield value;
      }
      case ARRAY -> {
        expect(value.isArray(), path, "an array", value);
        ArrayNode array = NODES.arrayNode();
        for (int i = 0; i < value.size(); i++) {
          array.add(ofJavaScript(schema.getElementType(), value.get(i), path + "[" + i + "]"));
        }
        yield array;
      }
      case MAP -> {
        expect(value.isObject(), path, "a map object", value);
        ObjectNode map = NODES.objectNode();
        value.fields().forEachRemaining(entry -> map.set(entry.getKey(),
            ofJavaScript(schema.getValueType(), entry.getValue(), path + "." + entry.getKey())));
        yield map;
      }
      default -> throw new IllegalArgumentException("no view for Avro type " + schema.getType());
    };
  }

  private static LocalDate jsDate(JsonNode value, String path) {
    if (value.isIntegralNumber()) {
      return LocalDate.ofEpochDay(value.longValue());
    }
    Instant instant = jsTaggedDate(value, path);
    expect(instant.atOffset(ZoneOffset.UTC).toLocalTime().toNanoOfDay() == 0, path,
        "a date at midnight UTC", value);
    return LocalDate.ofInstant(instant, ZoneOffset.UTC);
  }

  private static Instant jsInstant(JsonNode value, String path) {
    if (value.isIntegralNumber()) {
      return Instant.ofEpochMilli(value.longValue());
    }
    return jsTaggedDate(value, path);
  }

  private static Instant jsTaggedDate(JsonNode value, String path) {
    expect(value.isObject() && value.size() == 1 && value.path("$date").isTextual(), path,
        "days since epoch or {\"$date\": ISO-8601}", value);
    return Instant.parse(value.get("$date").asText());
  }

  private static Schema nonNullBranch(Schema union) {
    List<Schema> branches = union.getTypes().stream()
        .filter(s -> s.getType() != Schema.Type.NULL).toList();
    if (branches.size() != 1 || union.getTypes().size() != 2) {
      throw new IllegalArgumentException("only unions of null and one type are compared: "
          + union);
    }
    return branches.get(0);
  }

  private static void expect(boolean condition, String path, String what, JsonNode value) {
    if (!condition) {
      throw new AssertionError(path + ": expected " + what + " but JavaScript gave " + value);
    }
  }
}
