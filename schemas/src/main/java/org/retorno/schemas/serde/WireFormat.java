package org.retorno.schemas.serde;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Confluent's framing of Avro records in Kafka: byte {@code 0x00}, the schema id as a 4-byte
 * big-endian int, then plain Avro binary.
 *
 * <p>Newer Confluent writers may frame with {@code 0x01} and a 16-byte schema GUID. Our registry
 * assigns integer ids only, so such a frame cannot be mapped to a schema and is rejected.
 */
public final class WireFormat {
  public static final byte MAGIC_BYTE = 0x00;
  public static final byte GUID_MAGIC_BYTE = 0x01;
  public static final int HEADER_SIZE = 5;

  /** A decoded frame; the Avro payload is a view of the input array, not a copy. */
  public record Frame(int schemaId, byte[] bytes, int payloadOffset, int payloadLength) {
    public ByteBuffer payload() {
      return ByteBuffer.wrap(bytes, payloadOffset, payloadLength).slice();
    }
  }

  private WireFormat() {}

  public static byte[] encode(int schemaId, byte[] avroPayload) {
    ByteBuffer frame = ByteBuffer.allocate(HEADER_SIZE + avroPayload.length);
    frame.put(MAGIC_BYTE).putInt(schemaId).put(avroPayload);
    return frame.array();
  }

  public static void writeHeader(ByteArrayOutputStream out, int schemaId) {
    out.write(MAGIC_BYTE);
    out.write(schemaId >>> 24);
    out.write(schemaId >>> 16);
    out.write(schemaId >>> 8);
    out.write(schemaId);
  }

  /**
   * @param topic named in the error message
   * @throws SerializationException if the bytes are not a frame with an integer schema id
   */
  public static Frame decode(String topic, byte[] data) {
    return new Frame(schemaId(topic, data), data, HEADER_SIZE, data.length - HEADER_SIZE);
  }

  /**
   * The schema id of a frame, whose Avro payload starts at {@link #HEADER_SIZE}; without making a
   * {@link Frame}, for the deserializer's every record.
   *
   * @param topic named in the error message
   * @throws SerializationException if the bytes are not a frame with an integer schema id
   */
  public static int schemaId(String topic, byte[] data) {
    if (data != null && data.length >= HEADER_SIZE && data[0] == MAGIC_BYTE) {
      return (data[1] & 0xff) << 24 | (data[2] & 0xff) << 16 | (data[3] & 0xff) << 8 | (data[4] & 0xff);
    }
    throw whyNotAFrame(topic, data);
  }

  private static SerializationException whyNotAFrame(String topic, byte[] data) {
    if (data == null || data.length == 0) {
      return invalid(topic, "the data is empty; a Confluent-framed Avro record has at least " + HEADER_SIZE + " bytes");
    }
    if (data[0] == GUID_MAGIC_BYTE) {
      return invalid(topic, "it is framed with a schema GUID (magic byte 0x01), which this registry does not"
          + " assign; only integer schema ids (magic byte 0x00) are supported");
    }
    if (data[0] != MAGIC_BYTE) {
      return invalid(topic, String.format("unknown magic byte 0x%02x (expected 0x00); it was not written by a"
          + " Confluent-compatible Avro serializer", data[0] & 0xff));
    }
    return invalid(topic, "the data is " + data.length + " bytes, shorter than the " + HEADER_SIZE
        + "-byte header (magic byte and schema id)");
  }

  private static SerializationException invalid(String topic, String reason) {
    return new SerializationException("Cannot deserialize a record from topic '" + topic + "': " + reason);
  }
}
