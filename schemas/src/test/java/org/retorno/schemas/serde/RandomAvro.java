package org.retorno.schemas.serde;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;

/** Random generic data for any schema, with the raw representation of logical types (as Avro's generic reader returns it). */
final class RandomAvro {
  private static final List<String> WORDS = List.of("", "Ciudad Juárez", "Matamoros", "Nvo. Laredo", "setenta",
      "\u00e9t\u00e9", "\uD83D\uDE8C", "line\nbreak", "a\"quote");

  private final Random random;

  RandomAvro(long seed) {
    this.random = new Random(seed);
  }

  Object next(Schema schema) {
    return next(schema, 0);
  }

  private Object next(Schema schema, int depth) {
    switch (schema.getType()) {
      case RECORD: {
        GenericData.Record record = new GenericData.Record(schema);
        for (Schema.Field field : schema.getFields()) {
          record.put(field.pos(), next(field.schema(), depth + 1));
        }
        return record;
      }
      case ENUM:
        return new GenericData.EnumSymbol(schema, pick(schema.getEnumSymbols()));
      case ARRAY: {
        int size = depth > 4 ? 0 : random.nextInt(4);
        GenericData.Array<Object> array = new GenericData.Array<>(size, schema);
        for (int i = 0; i < size; i++) {
          array.add(next(schema.getElementType(), depth + 1));
        }
        return array;
      }
      case MAP: {
        Map<String, Object> map = new HashMap<>();
        for (int i = random.nextInt(4); i > 0; i--) {
          map.put(pick(WORDS) + i, next(schema.getValueType(), depth + 1));
        }
        return map;
      }
      case UNION:
        return next(schema.getTypes().get(random.nextInt(schema.getTypes().size())), depth + 1);
      case FIXED: {
        byte[] bytes = new byte[schema.getFixedSize()];
        random.nextBytes(bytes);
        return new GenericData.Fixed(schema, bytes);
      }
      case STRING:
        return pick(WORDS);
      case BYTES: {
        byte[] bytes = new byte[random.nextInt(8)];
        random.nextBytes(bytes);
        return ByteBuffer.wrap(bytes);
      }
      case INT:
        return schema.getLogicalType() instanceof LogicalTypes.Date
            ? random.nextInt(30_000) - 5_000 : random.nextInt();
      case LONG:
        return schema.getLogicalType() instanceof LogicalTypes.TimestampMillis
            ? random.nextLong() % 4_000_000_000_000L : random.nextLong();
      case FLOAT:
        return random.nextFloat();
      case DOUBLE:
        return random.nextDouble() * 1e6 - 5e5;
      case BOOLEAN:
        return random.nextBoolean();
      case NULL:
        return null;
      default:
        throw new IllegalArgumentException("no random data for " + schema.getType());
    }
  }

  private <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }
}
