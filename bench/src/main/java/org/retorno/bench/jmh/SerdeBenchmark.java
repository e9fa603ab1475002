package org.retorno.bench.jmh;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.retorno.bench.data.BenchRecords;
import org.retorno.schemas.serde.AvroSerde;

/**
 * Avro encode and decode of one record, per core (one thread): bare (a reused
 * {@link SpecificDatumWriter} / {@link SpecificDatumReader}, nothing else) against our serde
 * (Confluent framing, schema id from the registry client's cache, reader resolved by writer id),
 * with an in-memory {@code mock://} registry so no network is measured.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SerdeBenchmark {
  private static final String TOPIC = "bench-serde";
  private static final AtomicInteger SCOPES = new AtomicInteger();

  /** Which record: a case-count row (what the bench streams carry) or an extracted claim. */
  @Param({"CaseCountRow", "Claim"})
  public String record;

  private SpecificRecord value;
  private Serializer<SpecificRecord> framedSerializer;
  private Deserializer<SpecificRecord> framedDeserializer;
  private SpecificDatumWriter<SpecificRecord> writer;
  private SpecificDatumReader<SpecificRecord> reader;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream(512);
  private BinaryEncoder encoder;
  private BinaryDecoder decoder;
  private byte[] framed;
  private byte[] bare;

  @Setup
  @SuppressWarnings("unchecked")
  public void setUp() throws IOException {
    value = BenchRecords.byName(record);
    Schema schema = value.getSchema();
    Map<String, Object> config = Map.of("schema.registry.url", "mock://bench-serde-" + SCOPES.incrementAndGet());
    AvroSerde<SpecificRecord> serde = (AvroSerde<SpecificRecord>) (AvroSerde<?>)
        AvroSerde.specific(value.getClass(), config, false);
    framedSerializer = serde.serializer();
    framedDeserializer = serde.deserializer();
    writer = new SpecificDatumWriter<>(schema);
    reader = new SpecificDatumReader<>(schema);
    framed = framedSerializer.serialize(TOPIC, value);
    bare = bareEncode();
  }

  @Benchmark
  public byte[] bareEncode() throws IOException {
    out.reset();
    encoder = EncoderFactory.get().binaryEncoder(out, encoder);
    writer.write(value, encoder);
    encoder.flush();
    return out.toByteArray();
  }

  @Benchmark
  public byte[] framedEncode() {
    return framedSerializer.serialize(TOPIC, value);
  }

  @Benchmark
  public SpecificRecord bareDecode() throws IOException {
    decoder = DecoderFactory.get().binaryDecoder(bare, decoder);
    return reader.read(null, decoder);
  }

  @Benchmark
  public SpecificRecord framedDecode() {
    return framedDeserializer.deserialize(TOPIC, framed);
  }
}
