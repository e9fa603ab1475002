package org.retorno.schemas.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;
import org.retorno.schemas.registry.RegisteredSchema;
import org.retorno.schemas.registry.RegistryException;
import org.retorno.schemas.registry.RegistryUnavailableException;
import org.retorno.schemas.registry.SchemaRegistryClient;

/**
 * Writes Avro records (specific or generic) and primitives in Confluent's wire format, registering
 * or looking up their schema under {@code <topic>-key} / {@code <topic>-value}. Configure it with
 * {@link SerdeConfig} settings; null becomes null (a tombstone).
 */
public class AvroSerializer<T> implements Serializer<T> {
  /** Bounds the id cache if a caller makes a new Schema object per record. */
  private static final int MAX_CACHED_SCHEMAS = 1_000;

  /** The cache key is the Schema object itself: equal schemas may differ in docs, and so in id. */
  private record SchemaUse(String subject, Schema schema) {
    @Override
    public boolean equals(Object other) {
      return other instanceof SchemaUse use && use.subject.equals(subject) && use.schema == schema;
    }

    @Override
    public int hashCode() {
      return subject.hashCode() * 31 + System.identityHashCode(schema);
    }
  }

  private record WriterKey(Schema schema, GenericData model) {}

  /**
   * What writing one type of value with one schema object to one topic needs: the schema id and the
   * datum writer. Found through the caches once, then kept at hand for the next record, which in a
   * producer or a Streams sink is nearly always of the same kind.
   */
  private record Target(String topic, Schema schema, Class<?> type, int id, DatumWriter<Object> writer) {
    boolean fits(String otherTopic, Schema otherSchema, Class<?> otherType) {
      return schema == otherSchema && type == otherType && Objects.equals(topic, otherTopic);
    }
  }

  /** Like {@link SchemaUse}, by schema object. */
  private record TargetKey(String topic, Schema schema, Class<?> type) {
    @Override
    public boolean equals(Object other) {
      return other instanceof TargetKey key && key.schema == schema && key.type == type
          && Objects.equals(key.topic, topic);
    }

    @Override
    public int hashCode() {
      // Nothing promises a topic; a null one gives the subject "null-value", as it always did.
      return (Objects.hashCode(topic) * 31 + System.identityHashCode(schema)) * 31 + type.hashCode();
    }
  }

  private final ConcurrentMap<TargetKey, Target> targets = new ConcurrentHashMap<>();
  /** The target of the latest record; immutable, so a racing thread sees a whole one or the previous. */
  private volatile Target lastTarget;
  private final ConcurrentMap<SchemaUse, Integer> ids = new ConcurrentHashMap<>();
  private final ConcurrentMap<WriterKey, DatumWriter<Object>> writers = new ConcurrentHashMap<>();
  private final LatestSchemaWriter latestSchemaWriter = new LatestSchemaWriter();
  private SchemaRegistryClient client;
  private boolean isKey;
  private boolean autoRegister = true;
  private boolean useLatestVersion;

  /** For Kafka, which makes serializers by class name and then calls {@link #configure}. */
  public AvroSerializer() {}

  /** With a client of one's own; {@link #configure} still sets isKey and the other settings. */
  public AvroSerializer(SchemaRegistryClient client) {
    this.client = client;
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    SerdeConfig config = SerdeConfig.parse(configs);
    if (client == null) {
      client = RegistryClientFactory.create(config);
    }
    this.isKey = isKey;
    this.autoRegister = config.autoRegisterSchemas();
    this.useLatestVersion = config.useLatestVersion();
    targets.clear();
    lastTarget = null;
  }

  @Override
  public byte[] serialize(String topic, T data) {
    if (data == null) {
      return null;
    }
    if (client == null) {
      throw new IllegalStateException("AvroSerializer used before configure()");
    }
    Schema schema = AvroData.schemaOf(topic, data);
    try {
      if (useLatestVersion) {
        return serializeWithLatest(topic, SubjectNames.of(topic, isKey), schema, data);
      }
      Target target = target(topic, schema, data);
      return FrameBuffer.forThisThread().frame(target.id(), target.writer(), AvroData.writable(data));
    } catch (RegistryException e) {
      throw new SerializationException("Cannot serialize for topic '" + topic + "': "
          + registryReason(SubjectNames.of(topic, isKey), e));
    } catch (RegistryUnavailableException e) {
      throw new SerializationException("Cannot serialize for topic '" + topic + "': " + e.getMessage());
    } catch (IOException | RuntimeException e) {
      if (e instanceof SerializationException se) {
        throw se;
      }
      throw new SerializationException("Cannot serialize for topic '" + topic + "': the value does not fit schema "
          + schema.getFullName() + ": " + SafeReasons.of(explained(schema, data, e)));
    }
  }

  private byte[] serializeWithLatest(String topic, String subject, Schema schema, T data) throws IOException {
    RegisteredSchema latest = client.latest(subject);
    Schema latestSchema = client.getById(latest.id());
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    WireFormat.writeHeader(out, latest.id());
    if (latestSchema.equals(schema)) {
      write(schema, data, out);
    } else {
      ByteArrayOutputStream own = new ByteArrayOutputStream(256);
      write(schema, data, own);
      out.write(latestSchemaWriter.rewrite(topic, subject, latest.id(), schema, latestSchema, own.toByteArray()));
    }
    return out.toByteArray();
  }

  /**
   * A generated coder meets a missing field as a bare NullPointerException; Avro's own writer,
   * run again on the failed value, says which field it was.
   */
  private static Exception explained(Schema schema, Object data, Exception e) {
    if (!(e instanceof NullPointerException) || !(data instanceof SpecificRecord)) {
      return e;
    }
    try {
      new SpecificDatumWriter<Object>(schema, AvroData.SPECIFIC_REFLECTIVE)
          .write(data, EncoderFactory.get().binaryEncoder(OutputStream.nullOutputStream(), null));
      return e;
    } catch (IOException | RuntimeException reflective) {
      return reflective;
    }
  }

  private Target target(String topic, Schema schema, Object data) {
    Class<?> type = data.getClass();
    Target last = lastTarget;
    if (last != null && last.fits(topic, schema, type)) {
      return last;
    }
    TargetKey key = new TargetKey(topic, schema, type);
    Target found = targets.get(key);
    if (found == null) {
      found = new Target(topic, schema, type, idOf(SubjectNames.of(topic, isKey), schema),
          writerFor(schema, AvroData.modelFor(data)));
      if (targets.size() >= MAX_CACHED_SCHEMAS) {
        targets.clear();
      }
      targets.put(key, found);
    }
    lastTarget = found;
    return found;
  }

  private int idOf(String subject, Schema schema) {
    SchemaUse use = new SchemaUse(subject, schema);
    Integer known = ids.get(use);
    if (known != null) {
      return known;
    }
    int id = autoRegister ? client.register(subject, schema) : client.lookup(subject, schema);
    if (ids.size() >= MAX_CACHED_SCHEMAS) {
      ids.clear();
    }
    ids.put(use, id);
    return id;
  }

  private void write(Schema schema, Object data, ByteArrayOutputStream out) throws IOException {
    DatumWriter<Object> writer = writerFor(schema, AvroData.modelFor(data));
    BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
    writer.write(AvroData.writable(data), encoder);
    encoder.flush();
  }

  private DatumWriter<Object> writerFor(Schema schema, GenericData model) {
    return writers.computeIfAbsent(new WriterKey(schema, model),
        key -> key.model() instanceof SpecificData specific
            ? new SpecificDatumWriter<>(key.schema(), specific)
            : new GenericDatumWriter<>(key.schema(), key.model()));
  }

  private String registryReason(String subject, RegistryException e) {
    if (!autoRegister && !useLatestVersion && (e.errorCode() == 40401 || e.errorCode() == 40403)) {
      return "the schema is not registered under subject '" + subject + "' and auto.register.schemas is false"
          + " (registry: " + e.errorCode() + " " + e.getMessage() + ")";
    }
    return "the registry refused subject '" + subject + "' (" + e.httpStatus() + "/" + e.errorCode() + "): "
        + e.getMessage();
  }
}
