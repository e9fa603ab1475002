package org.retorno.bench.jmh;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
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
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.retorno.bench.data.BenchRecords;
import org.retorno.schemas.serde.AvroSerde;

/**
 * Avro encode and decode of one record, per core (one thread): bare (a reused
 * {@link SpecificDatumWriter} / {@link SpecificDatumReader}, nothing else) against our serde
 * (Confluent framing, schema id from the registry client's cache, reader resolved by writer id),
 * with an in-memory {@code mock://} registry so no network is measured.
 *
 * <p>Besides JMH's operations per second of wall time, each method counts its calls and the
 * benchmark thread's CPU time ({@link CpuTime}, secondary results {@code calls} and {@code cpuNanos}):
 * on a machine shared with other builds the wall-time score falls with their load, while calls per
 * CPU-second of the thread, the rate per core, mostly does not.
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

  /** Calls and CPU time of the benchmark thread in one iteration. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class CpuTime {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    public long calls;
    public long cpuNanos;
    private long startedAt;

    @Setup(Level.Iteration)
    public void start() {
      calls = 0;
      cpuNanos = 0;
      startedAt = THREADS.getCurrentThreadCpuTime();
    }

    @TearDown(Level.Iteration)
    public void stop() {
      cpuNanos = THREADS.getCurrentThreadCpuTime() - startedAt;
    }
  }

  @Benchmark
  public byte[] bareEncode(CpuTime cpu) throws IOException {
    cpu.calls++;
    return bareEncode();
  }

  private byte[] bareEncode() throws IOException {
    out.reset();
    encoder = EncoderFactory.get().binaryEncoder(out, encoder);
    writer.write(value, encoder);
    encoder.flush();
    return out.toByteArray();
  }

  @Benchmark
  public byte[] framedEncode(CpuTime cpu) {
    cpu.calls++;
    return framedSerializer.serialize(TOPIC, value);
  }

  @Benchmark
  public SpecificRecord bareDecode(CpuTime cpu) throws IOException {
    cpu.calls++;
    decoder = DecoderFactory.get().binaryDecoder(bare, decoder);
    return reader.read(null, decoder);
  }

  @Benchmark
  public SpecificRecord framedDecode(CpuTime cpu) {
    cpu.calls++;
    return framedDeserializer.deserialize(TOPIC, framed);
  }
}
