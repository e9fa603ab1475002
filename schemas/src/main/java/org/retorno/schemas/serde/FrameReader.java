package org.retorno.schemas.serde;

import java.io.IOException;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;

/**
 * Reads the Avro payload of a frame with one reused decoder per thread: Avro's decoder over an
 * array is cheap to point at the next record but not to make, and Kafka calls a deserializer from
 * whichever thread polls, hence one per thread rather than per deserializer.
 */
final class FrameReader {
  private static final byte[] NOTHING = new byte[0];
  private static final ThreadLocal<BinaryDecoder> PER_THREAD = new ThreadLocal<>();

  private FrameReader() {}

  static Object read(DatumReader<Object> reader, byte[] bytes, int offset, int length) throws IOException {
    BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(bytes, offset, length, PER_THREAD.get());
    // Taken while in use, so that a reader that deserializes inside gets a decoder of its own.
    PER_THREAD.remove();
    try {
      return reader.read(null, decoder);
    } finally {
      // Pointed at nothing between records: a large record is not kept alive by the decoder.
      PER_THREAD.set(DecoderFactory.get().binaryDecoder(NOTHING, decoder));
    }
  }
}
