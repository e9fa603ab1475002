package org.retorno.schemas.serde;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.DatumReader;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.util.Utf8;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.retorno.schemas.registry.RegistryException;
import org.retorno.schemas.registry.RegistryUnavailableException;
import org.retorno.schemas.registry.SchemaRegistryClient;

/**
 * Reads Confluent-framed Avro: fetches the writer's schema by the frame's id and resolves it to the
 * reader's schema, so that data written with an older or newer compatible schema still reads.
 * Returns GenericRecords, or the generated SpecificRecord classes when {@code specific.avro.reader}
 * is true or a class to read as is configured. Null becomes null.
 */
public class AvroDeserializer<T> implements Deserializer<T> {
  /**
   * How records written with one schema id are read. The settings that choose the reader schema are
   * fixed from {@link #configure} on and an id's schema never changes, so the id alone is the key.
   */
  private record Reading(int writerId, Schema writer, DatumReader<Object> reader) {}

  private final ConcurrentMap<Integer, Reading> readings = new ConcurrentHashMap<>();
  /** The reading of the latest record; a topic's records nearly always share their writer's id. */
  private volatile Reading lastReading;
  private SchemaRegistryClient client;
  private boolean specific;
  private Optional<Class<?>> readAs = Optional.empty();
  private GenericData genericModel = GenericData.get();

  /** For Kafka, which makes deserializers by class name and then calls {@link #configure}. */
  public AvroDeserializer() {}

  /** With a client of one's own; {@link #configure} still reads the other settings. */
  public AvroDeserializer(SchemaRegistryClient client) {
    this.client = client;
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    SerdeConfig config = SerdeConfig.parse(configs);
    if (client == null) {
      client = RegistryClientFactory.create(config);
    }
    specific = config.specificAvroReader(isKey);
    readAs = config.specificType(isKey);
    genericModel = config.useLogicalTypeConverters() ? AvroData.GENERIC_WITH_CONVERSIONS : GenericData.get();
    readings.clear();
    lastReading = null;
  }

  @Override
  @SuppressWarnings("unchecked")
  public T deserialize(String topic, byte[] data) {
    if (data == null) {
      return null;
    }
    if (client == null) {
      throw new IllegalStateException("AvroDeserializer used before configure()");
    }
    int id = WireFormat.schemaId(topic, data);
    Reading reading = reading(topic, id);
    try {
      Object value = FrameReader.read(reading.reader(), data, WireFormat.HEADER_SIZE,
          data.length - WireFormat.HEADER_SIZE);
      // A string key or value is wanted as a String, not Avro's Utf8.
      return (T) (value instanceof Utf8 ? value.toString() : value);
    } catch (IOException | RuntimeException e) {
      throw new SerializationException("Cannot deserialize a record from topic '" + topic + "': the Avro data does not"
          + " match schema id " + id + " (" + reading.writer().getFullName() + "): " + SafeReasons.of(e));
    }
  }

  private Reading reading(String topic, int id) {
    Reading last = lastReading;
    if (last != null && last.writerId() == id) {
      return last;
    }
    Reading found = readings.get(id);
    if (found == null) {
      Schema writer = writerSchema(topic, id);
      Schema reader = specific ? readerSchema(topic, writer) : null;
      found = new Reading(id, writer, datumReader(topic, id, writer, reader));
      Reading raced = readings.putIfAbsent(id, found);
      found = raced != null ? raced : found;
    }
    lastReading = found;
    return found;
  }

  private Schema writerSchema(String topic, int id) {
    try {
      return client.getById(id);
    } catch (RegistryException e) {
      throw new SerializationException("Cannot deserialize a record from topic '" + topic + "': the registry has no"
          + " schema with id " + id + " (" + e.httpStatus() + "/" + e.errorCode() + ": " + e.getMessage() + ")");
    } catch (RegistryUnavailableException e) {
      throw new SerializationException("Cannot deserialize a record from topic '" + topic + "': " + e.getMessage());
    }
  }

  /** The configured class's schema, else the generated class named like the writer's schema. */
  private Schema readerSchema(String topic, Schema writer) {
    if (readAs.isPresent()) {
      return SpecificData.get().getSchema(readAs.get());
    }
    if (!isNamed(writer)) {
      return writer;
    }
    Class<?> generated = SpecificData.get().getClass(writer);
    if (generated == null) {
      throw new SerializationException("Cannot deserialize a record from topic '" + topic + "': specific.avro.reader"
          + " is true but there is no generated class for " + writer.getFullName() + " on the class path");
    }
    return SpecificData.get().getSchema(generated);
  }

  private DatumReader<Object> datumReader(String topic, int writerId, Schema writer, Schema reader) {
    if (reader == null) {
      return new GenericDatumReader<>(writer, writer, genericModel);
    }
    List<SchemaCompatibility.Incompatibility> problems =
        SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getResult().getIncompatibilities();
    if (!problems.isEmpty()) {
      throw new SerializationException("Cannot deserialize a record from topic '" + topic + "': data written with"
          + " schema id " + writerId + " (" + writer.getFullName() + ") cannot be read as " + reader.getFullName()
          + ": " + problems.stream().map(p -> p.getType() + " " + p.getMessage() + " at " + p.getLocation())
              .collect(Collectors.joining("; ")));
    }
    SpecificData model = isNamed(reader) ? SpecificData.getForSchema(reader) : SpecificData.get();
    return new SpecificDatumReader<>(writer, reader, model);
  }

  private static boolean isNamed(Schema schema) {
    return schema.getType() == Schema.Type.RECORD || schema.getType() == Schema.Type.ENUM
        || schema.getType() == Schema.Type.FIXED;
  }
}
