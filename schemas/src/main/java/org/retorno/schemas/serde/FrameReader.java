package org.retorno.schemas.serde;

import java.io.IOException;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;

/**
 * Reads the Avro payload of frames with one reused decoder per thread: Avro's decoder over an array
 * is cheap to point at the next record but not to make, and Kafka calls a deserializer from
 * whichever thread polls, hence one per thread rather than per deserializer.
 */
final class FrameReader {
  private static final byte[] NOTHING = new byte[0];
  private static final ThreadLocal<FrameReader> PER_THREAD = ThreadLocal.withInitial(FrameReader::new);

  private BinaryDecoder decoder;
  private boolean inUse;

  private FrameReader() {}

  static Object read(DatumReader<Object> reader, byte[] bytes, int offset, int length) throws IOException {
    FrameReader own = PER_THREAD.get();
    // A reader that deserializes inside (nothing of ours does) gets a decoder of its own.
    return own.inUse ? new FrameReader().readWith(reader, bytes, offset, length)
        : own.readWith(reader, bytes, offset, length);
  }

  private Object readWith(DatumReader<Object> reader, byte[] bytes, int offset, int length) throws IOException {
    inUse = true;
    try {
      decoder = DecoderFactory.get().binaryDecoder(bytes, offset, length, decoder);
      return reader.read(null, decoder);
    } finally {
      if (length > FrameBuffer.MAX_RETAINED_BYTES) {
        // Pointed at nothing until the next record, so that the decoder does not keep this one alive.
        decoder = DecoderFactory.get().binaryDecoder(NOTHING, decoder);
      }
      inUse = false;
    }
  }
}
