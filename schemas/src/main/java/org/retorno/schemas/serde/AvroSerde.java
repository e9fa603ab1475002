package org.retorno.schemas.serde;

import java.util.HashMap;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.retorno.schemas.registry.SchemaRegistryClient;

/** The Avro serializer and deserializer as one Kafka Serde. */
public class AvroSerde<T> implements Serde<T> {
  private final AvroSerializer<T> serializer;
  private final AvroDeserializer<T> deserializer;

  /** For Kafka, which makes serdes by class name and then calls {@link #configure}. */
  public AvroSerde() {
    this.serializer = new AvroSerializer<>();
    this.deserializer = new AvroDeserializer<>();
  }

  /** With a client of one's own; {@link #configure} still reads the other settings. */
  public AvroSerde(SchemaRegistryClient client) {
    this.serializer = new AvroSerializer<>(client);
    this.deserializer = new AvroDeserializer<>(client);
  }

  /** A configured serde that reads the generated class {@code type}. */
  public static <T extends SpecificRecord> AvroSerde<T> specific(Class<T> type, Map<String, ?> config, boolean isKey) {
    Map<String, Object> withType = new HashMap<>(config);
    withType.put(SerdeConfig.SPECIFIC_AVRO_READER, true);
    withType.put(isKey ? SerdeConfig.SPECIFIC_AVRO_KEY_TYPE : SerdeConfig.SPECIFIC_AVRO_VALUE_TYPE, type);
    AvroSerde<T> serde = new AvroSerde<>();
    serde.configure(withType, isKey);
    return serde;
  }

  /** A configured serde of GenericRecords. */
  public static AvroSerde<GenericRecord> generic(Map<String, ?> config, boolean isKey) {
    Map<String, Object> generic = new HashMap<>(config);
    generic.put(SerdeConfig.SPECIFIC_AVRO_READER, false);
    AvroSerde<GenericRecord> serde = new AvroSerde<>();
    serde.configure(generic, isKey);
    return serde;
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    serializer.configure(configs, isKey);
    deserializer.configure(configs, isKey);
  }

  @Override
  public Serializer<T> serializer() {
    return serializer;
  }

  @Override
  public Deserializer<T> deserializer() {
    return deserializer;
  }
}
