package org.retorno.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.Schema;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.retorno.avro.NgoReport;
import org.retorno.avro.Rejection;
import org.retorno.avro.SourceKind;
import org.retorno.schemas.registry.MockSchemaRegistryClient;
import org.retorno.schemas.registry.RegisteredSchema;
import org.retorno.schemas.registry.SchemaRegistryClient;

/**
 * The serializer and deserializer reuse buffers, encoders, decoders and the last schema id from
 * record to record; what one record leaves behind must never reach the next.
 */
class AvroSerdeReuseTest {
  private static final Instant AT = Instant.parse("2019-07-30T12:00:00Z");

  private final String scope = "reuse-" + UUID.randomUUID();
  private final Map<String, Object> config = Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + scope);

  @AfterEach
  void dropScope() {
    MockSchemaRegistryClient.dropScope(scope);
  }

  @Test
  void aRecordThatFailsHalfWrittenLeavesNothingInTheNextFrame() {
    AvroSerializer<Object> serializer = serializer();
    // The reason is required: writing stops after source, position and stage are in the encoder.
    Rejection broken = Rejection.newBuilder(rejection("a")).build();
    broken.setReason(null);

    assertThatThrownBy(() -> serializer.serialize("ingest-rejections", broken))
        .isInstanceOf(SerializationException.class)
        .hasMessageStartingWith("Cannot serialize for topic 'ingest-rejections': the value does not fit schema"
            + " org.retorno.avro.Rejection");
    byte[] next = serializer.serialize("ingest-rejections", rejection("b"));

    assertThat(next).isEqualTo(serializer().serialize("ingest-rejections", rejection("b")));
    assertThat(deserializer(Rejection.class).deserialize("ingest-rejections", next)).isEqualTo(rejection("b"));
  }

  @Test
  void aLargeRecordAndTheSmallOnesAroundItComeOutWhole() {
    AvroSerializer<Object> serializer = serializer();
    AvroDeserializer<Object> deserializer = deserializer(NgoReport.class);
    NgoReport large = report("x".repeat(3 * FrameBuffer.MAX_RETAINED_BYTES));

    byte[] before = serializer.serialize("raw-reports", report("short"));
    byte[] big = serializer.serialize("raw-reports", large);
    byte[] after = serializer.serialize("raw-reports", report("short"));

    assertThat(after).isEqualTo(before);
    assertThat(big.length).isGreaterThan(3 * FrameBuffer.MAX_RETAINED_BYTES);
    assertThat(deserializer.deserialize("raw-reports", big)).isEqualTo(large);
    assertThat(deserializer.deserialize("raw-reports", after)).isEqualTo(report("short"));
  }

  @Test
  void framesOfAlternatingTopicsAndTypesCarryEachTheirOwnSchemaId() {
    AvroSerializer<Object> values = serializer();
    AvroSerializer<Object> keys = new AvroSerializer<>();
    keys.configure(config, true);

    byte[] rejection = values.serialize("ingest-rejections", rejection("a"));
    byte[] report = values.serialize("raw-reports", report("text"));
    byte[] key = keys.serialize("raw-reports", "key-1");
    byte[] rejectionAgain = values.serialize("ingest-rejections", rejection("a"));

    MockSchemaRegistryClient registry = MockSchemaRegistryClient.forScope(scope);
    assertThat(WireFormat.decode("t", rejection).schemaId())
        .isEqualTo(registry.latest("ingest-rejections-value").id());
    assertThat(WireFormat.decode("t", report).schemaId()).isEqualTo(registry.latest("raw-reports-value").id());
    assertThat(WireFormat.decode("t", key).schemaId()).isEqualTo(registry.latest("raw-reports-key").id());
    assertThat(rejectionAgain).isEqualTo(rejection);
    // "key-1": string of length 5 (zig-zag 0x0a) and its bytes.
    assertThat(HexFormat.of().formatHex(key, WireFormat.HEADER_SIZE, key.length)).isEqualTo("0a6b65792d31");
  }

  @Test
  void aRecordForNoTopicIsFramedUnderTheSubjectNullValueAsBefore() {
    AvroSerializer<Object> serializer = serializer();

    byte[] first = serializer.serialize(null, rejection("a"));
    byte[] second = serializer.serialize(null, rejection("a"));

    assertThat(second).isEqualTo(first);
    assertThat(WireFormat.decode("t", first).schemaId())
        .isEqualTo(MockSchemaRegistryClient.forScope(scope).latest("null-value").id());
  }

  @Test
  void aStringKeyIsRegisteredOnceNotOncePerRecord() {
    CountingClient counting = new CountingClient(MockSchemaRegistryClient.forScope(scope));
    AvroSerializer<Object> keys = new AvroSerializer<>(counting);
    keys.configure(config, true);

    for (int i = 0; i < 100; i++) {
      keys.serialize("raw-news", "key-" + i);
    }

    assertThat(counting.registrations.get()).isEqualTo(1);
  }

  @Test
  void oneDeserializerReadsRecordsOfAlternatingSchemaIdsEachWithItsOwnSchema() {
    AvroSerializer<Object> serializer = serializer();
    AvroDeserializer<Object> deserializer = new AvroDeserializer<>();
    deserializer.configure(Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + scope,
        SerdeConfig.SPECIFIC_AVRO_READER, "true"), false);
    byte[] rejection = serializer.serialize("mixed", rejection("a"));
    byte[] report = serializer.serialize("mixed-reports", report("text"));

    List<Object> read = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      read.add(deserializer.deserialize("mixed", rejection));
      read.add(deserializer.deserialize("mixed-reports", report));
    }

    assertThat(read).containsExactly(rejection("a"), report("text"), rejection("a"), report("text"),
        rejection("a"), report("text"));
  }

  @Test
  void aTruncatedRecordFailsAndTheNextWholeOneReads() {
    AvroDeserializer<Object> deserializer = deserializer(Rejection.class);
    byte[] whole = serializer().serialize("ingest-rejections", rejection("a"));
    byte[] truncated = java.util.Arrays.copyOf(whole, whole.length - 4);

    assertThatThrownBy(() -> deserializer.deserialize("ingest-rejections", truncated))
        .isInstanceOf(SerializationException.class)
        .hasMessageStartingWith("Cannot deserialize a record from topic 'ingest-rejections': the Avro data does not"
            + " match schema id");
    assertThat(deserializer.deserialize("ingest-rejections", whole)).isEqualTo(rejection("a"));
  }

  @Test
  void threadsSharingOneSerdeEachGetTheirOwnRecordsBack() throws Exception {
    AvroSerializer<Object> serializer = serializer();
    AvroDeserializer<Object> deserializer = deserializer(Rejection.class);
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<Object>>> results = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        String thread = "thread-" + t;
        results.add(threads.submit(() -> {
          List<Object> mismatches = new ArrayList<>();
          for (int i = 0; i < 2_000; i++) {
            Rejection sent = rejection(thread + "-" + i);
            Object read = deserializer.deserialize("ingest-rejections", serializer.serialize("ingest-rejections", sent));
            if (!sent.equals(read)) {
              mismatches.add(read);
            }
          }
          return mismatches;
        }));
      }
      for (Future<List<Object>> result : results) {
        assertThat(result.get()).isEmpty();
      }
    } finally {
      threads.shutdownNow();
    }
  }

  private AvroSerializer<Object> serializer() {
    AvroSerializer<Object> serializer = new AvroSerializer<>();
    serializer.configure(config, false);
    return serializer;
  }

  private AvroDeserializer<Object> deserializer(Class<?> type) {
    AvroDeserializer<Object> deserializer = new AvroDeserializer<>();
    deserializer.configure(Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + scope,
        SerdeConfig.SPECIFIC_AVRO_READER, "true", SerdeConfig.SPECIFIC_AVRO_VALUE_TYPE, type), false);
    return deserializer;
  }

  private static Rejection rejection(String source) {
    return Rejection.newBuilder().setSource(source).setPosition("line 3").setStage("ingest-counts")
        .setReason("unknown place").setRejectedAt(AT).build();
  }

  private static NgoReport report(String text) {
    return NgoReport.newBuilder().setId("id-" + text.length()).setSourceUri("report.txt").setTitle(null)
        .setOrganisation(null).setSourceKind(SourceKind.NGO).setMediaType("text/plain").setLanguage("en")
        .setPublishedDate(null).setRetrievedAt(AT).setText(text).build();
  }

  /** Counts registrations on the way to a real (mock) registry. */
  private static final class CountingClient implements SchemaRegistryClient {
    private final SchemaRegistryClient delegate;
    private final AtomicInteger registrations = new AtomicInteger();

    CountingClient(SchemaRegistryClient delegate) {
      this.delegate = delegate;
    }

    @Override
    public int register(String subject, Schema schema) {
      registrations.incrementAndGet();
      return delegate.register(subject, schema);
    }

    @Override
    public int lookup(String subject, Schema schema) {
      return delegate.lookup(subject, schema);
    }

    @Override
    public Schema getById(int id) {
      return delegate.getById(id);
    }

    @Override
    public RegisteredSchema latest(String subject) {
      return delegate.latest(subject);
    }

    @Override
    public RegisteredSchema version(String subject, int version) {
      return delegate.version(subject, version);
    }

    @Override
    public List<String> subjects() {
      return delegate.subjects();
    }

    @Override
    public List<Integer> versions(String subject) {
      return delegate.versions(subject);
    }

    @Override
    public org.retorno.schemas.registry.CompatibilityLevel compatibility(String subjectOrNull) {
      return delegate.compatibility(subjectOrNull);
    }

    @Override
    public void setCompatibility(String subjectOrNull, org.retorno.schemas.registry.CompatibilityLevel level) {
      delegate.setCompatibility(subjectOrNull, level);
    }

    @Override
    public List<String> testCompatibility(String subject, String version, Schema schema) {
      return delegate.testCompatibility(subject, version, schema);
    }
  }
}
