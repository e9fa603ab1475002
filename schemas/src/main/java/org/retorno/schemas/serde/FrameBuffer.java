package org.retorno.schemas.serde;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;

/**
 * One thread's scratch space for writing frames: a growable byte array and a buffered Avro encoder,
 * both reused from record to record, so that a frame costs one array (the result) instead of a
 * stream, an encoder and the copies between them. Kafka calls a serializer from whichever thread
 * sends, hence one buffer per thread rather than per serializer.
 */
final class FrameBuffer extends OutputStream {
  /** A buffer grown past this for one large record is dropped afterwards rather than kept for good. */
  static final int MAX_RETAINED_BYTES = 64 * 1024;
  private static final int INITIAL_BYTES = 512;
  private static final ThreadLocal<FrameBuffer> PER_THREAD = ThreadLocal.withInitial(FrameBuffer::new);

  private byte[] bytes = new byte[INITIAL_BYTES];
  private int size;
  /** Writes into this buffer for good; replaced after a failed write, which may leave bytes in it. */
  private BinaryEncoder encoder = newEncoder();
  private boolean inUse;

  private FrameBuffer() {}

  /** The calling thread's buffer; a new one if the thread's own is busy (a writer that serializes inside). */
  static FrameBuffer forThisThread() {
    FrameBuffer buffer = PER_THREAD.get();
    return buffer.inUse ? new FrameBuffer() : buffer;
  }

  /** Confluent's frame of {@code datum}: magic byte, schema id, Avro binary. */
  byte[] frame(int schemaId, DatumWriter<Object> writer, Object datum) throws IOException {
    inUse = true;
    boolean written = false;
    try {
      writeHeader(schemaId);
      writer.write(datum, encoder);
      encoder.flush();
      written = true;
      return Arrays.copyOf(bytes, size);
    } finally {
      if (!written) {
        encoder = newEncoder();
      }
      if (bytes.length > MAX_RETAINED_BYTES) {
        bytes = new byte[INITIAL_BYTES];
      }
      size = 0;
      inUse = false;
    }
  }

  private BinaryEncoder newEncoder() {
    return EncoderFactory.get().binaryEncoder(this, null);
  }

  private void writeHeader(int schemaId) {
    ensureCapacity(WireFormat.HEADER_SIZE);
    bytes[0] = WireFormat.MAGIC_BYTE;
    bytes[1] = (byte) (schemaId >>> 24);
    bytes[2] = (byte) (schemaId >>> 16);
    bytes[3] = (byte) (schemaId >>> 8);
    bytes[4] = (byte) schemaId;
    size = WireFormat.HEADER_SIZE;
  }

  @Override
  public void write(int b) {
    ensureCapacity(size + 1);
    bytes[size++] = (byte) b;
  }

  @Override
  public void write(byte[] source, int offset, int length) {
    ensureCapacity(size + length);
    System.arraycopy(source, offset, bytes, size, length);
    size += length;
  }

  private void ensureCapacity(int needed) {
    if (needed > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(needed, bytes.length * 2));
    }
  }
}
