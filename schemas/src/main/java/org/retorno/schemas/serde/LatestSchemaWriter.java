package org.retorno.schemas.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Writes a value in the layout of a subject's latest schema, for {@code use.latest.version}. The
 * frame names the latest schema's id, so the bytes must follow that schema, not the value's own:
 * the value is written with its own schema and resolved into the latest one, which must be able to
 * read it (Confluent's strict check).
 */
final class LatestSchemaWriter {
  private record Pair(Schema own, Schema latest) {}

  private final ConcurrentMap<Pair, GenericDatumReader<Object>> resolvers = new ConcurrentHashMap<>();
  private final ConcurrentMap<Schema, GenericDatumWriter<Object>> writers = new ConcurrentHashMap<>();

  /** @param ownBytes the value written with its own schema */
  byte[] rewrite(String topic, String subject, int latestId, Schema own, Schema latest, byte[] ownBytes) {
    GenericDatumReader<Object> resolver = resolvers.computeIfAbsent(new Pair(own, latest),
        pair -> resolver(topic, subject, latestId, pair));
    try {
      Object inLatestLayout = resolver.read(null, DecoderFactory.get().binaryDecoder(ownBytes, null));
      ByteArrayOutputStream out = new ByteArrayOutputStream(ownBytes.length + 16);
      BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
      writers.computeIfAbsent(latest, schema -> new GenericDatumWriter<>(schema, GenericData.get()))
          .write(inLatestLayout, encoder);
      encoder.flush();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static GenericDatumReader<Object> resolver(String topic, String subject, int latestId, Pair pair) {
    List<SchemaCompatibility.Incompatibility> problems = SchemaCompatibility
        .checkReaderWriterCompatibility(pair.latest(), pair.own()).getResult().getIncompatibilities();
    if (!problems.isEmpty()) {
      throw new SerializationException("Cannot serialize for topic '" + topic + "' with use.latest.version: the latest"
          + " schema of subject '" + subject + "' (id " + latestId + ") cannot read records of schema "
          + pair.own().getFullName() + ": " + problems.stream()
              .map(p -> p.getType() + " " + p.getMessage() + " at " + p.getLocation())
              .collect(Collectors.joining("; ")));
    }
    // Raw values in and out: no conversions, so logical types pass through as their base types.
    return new GenericDatumReader<>(pair.own(), pair.latest(), GenericData.get());
  }
}
