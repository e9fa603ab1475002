package org.retorno.schemas.serde;

import java.nio.ByteBuffer;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Conversions;
import org.apache.avro.Schema;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericData;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;

/** Which schema and which Avro data model go with a value. */
final class AvroData {
  /** Accepts raw and converted logical-type values when writing; yields converted ones when reading. */
  static final GenericData GENERIC_WITH_CONVERSIONS = withConversions(new GenericData());

  /**
   * Specific data written field by field by Avro itself, without the generated coders: slower, but
   * its errors name the field at fault, so the serializer replays a failed write with it.
   */
  static final SpecificData SPECIFIC_REFLECTIVE = reflective();

  private AvroData() {}

  /**
   * One schema object per primitive type, shared: the serializer caches ids and writers by schema
   * object, and a new one per key would miss those caches every time. Nothing here modifies them.
   */
  private static final Map<Schema.Type, Schema> PRIMITIVES = primitives();

  /** The schema of a record, enum, fixed or array, or of a primitive (for keys such as a string or a long). */
  static Schema schemaOf(String topic, Object value) {
    if (value instanceof GenericContainer container) {
      return container.getSchema();
    }
    Schema.Type type = value instanceof CharSequence ? Schema.Type.STRING
        : value instanceof Integer ? Schema.Type.INT
        : value instanceof Long ? Schema.Type.LONG
        : value instanceof Float ? Schema.Type.FLOAT
        : value instanceof Double ? Schema.Type.DOUBLE
        : value instanceof Boolean ? Schema.Type.BOOLEAN
        : value instanceof byte[] || value instanceof ByteBuffer ? Schema.Type.BYTES
        : null;
    if (type == null) {
      throw new SerializationException("Cannot serialize a " + value.getClass().getName() + " for topic '" + topic
          + "': it is neither an Avro record nor a primitive");
    }
    return PRIMITIVES.get(type);
  }

  private static Map<Schema.Type, Schema> primitives() {
    Map<Schema.Type, Schema> schemas = new EnumMap<>(Schema.Type.class);
    for (Schema.Type type : List.of(Schema.Type.STRING, Schema.Type.INT, Schema.Type.LONG, Schema.Type.FLOAT,
        Schema.Type.DOUBLE, Schema.Type.BOOLEAN, Schema.Type.BYTES)) {
      schemas.put(type, Schema.create(type));
    }
    return schemas;
  }

  /** The data model to write a value with: the generated class's own (with its conversions) for specific data. */
  static GenericData modelFor(Object value) {
    if (value instanceof SpecificRecord || value instanceof Enum<?>) {
      return SpecificData.getForClass(value.getClass());
    }
    return GENERIC_WITH_CONVERSIONS;
  }

  /** Avro writes bytes from a ByteBuffer only. */
  static Object writable(Object value) {
    return value instanceof byte[] bytes ? ByteBuffer.wrap(bytes) : value;
  }

  private static SpecificData reflective() {
    SpecificData data = (SpecificData) withConversions(new SpecificData());
    data.setCustomCoders(false);
    return data;
  }

  private static GenericData withConversions(GenericData data) {
    data.addLogicalTypeConversion(new Conversions.DecimalConversion());
    data.addLogicalTypeConversion(new Conversions.UUIDConversion());
    data.addLogicalTypeConversion(new TimeConversions.DateConversion());
    data.addLogicalTypeConversion(new TimeConversions.TimeMillisConversion());
    data.addLogicalTypeConversion(new TimeConversions.TimeMicrosConversion());
    data.addLogicalTypeConversion(new TimeConversions.TimestampMillisConversion());
    data.addLogicalTypeConversion(new TimeConversions.TimestampMicrosConversion());
    data.addLogicalTypeConversion(new TimeConversions.LocalTimestampMillisConversion());
    data.addLogicalTypeConversion(new TimeConversions.LocalTimestampMicrosConversion());
    return data;
  }
}
