package org.retorno.bench.cluster;

import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.retorno.avro.CaseCountRow;
import org.retorno.bench.data.SyntheticRows;
import org.retorno.schemas.serde.AvroSerializer;

/**
 * Writes a synthetic history to a raw topic, as ingest would have: keyed by row id, Avro in the
 * Confluent wire format with the schema in the registry, stamped with the row's event time.
 */
public final class Preloader {
  /** What a preload wrote: records, Avro value bytes and key bytes, and how long it took. */
  public record Loaded(long records, long valueBytes, long keyBytes, double seconds) {
    public double recordsPerSecond() {
      return records / seconds;
    }

    public int meanValueBytes() {
      return (int) Math.round((double) valueBytes / records);
    }

    public int meanKeyBytes() {
      return (int) Math.round((double) keyBytes / records);
    }
  }

  private Preloader() {}

  public static Loaded load(Properties clientProperties, String topic, SyntheticRows rows) {
    Properties props = ProducerTuning.apply(clientProperties);
    props.put(ProducerConfig.CLIENT_ID_CONFIG, "retorno-bench-preload");
    AvroSerializer<CaseCountRow> values = new AvroSerializer<>();
    values.configure(Map.of("schema.registry.url", clientProperties.getProperty("schema.registry.url")), false);
    AtomicReference<Exception> failure = new AtomicReference<>();
    long valueBytes = 0;
    long keyBytes = 0;
    long total = rows.shape().rows();
    long started = System.nanoTime();
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(props, new StringSerializer(), new org.apache.kafka.common.serialization.ByteArraySerializer())) {
      for (long i = 0; i < total && failure.get() == null; i++) {
        CaseCountRow row = rows.row(i);
        byte[] value = values.serialize(topic, row);
        valueBytes += value.length;
        keyBytes += row.getId().length();
        producer.send(new ProducerRecord<>(topic, null, SyntheticRows.timestampOf(row), row.getId(), value),
            (metadata, exception) -> {
              if (exception != null) {
                failure.compareAndSet(null, exception);
              }
            });
      }
      producer.flush();
    }
    if (failure.get() != null) {
      throw new IllegalStateException("preloading " + topic + " failed: " + failure.get().getMessage());
    }
    return new Loaded(total, valueBytes, keyBytes, (System.nanoTime() - started) / 1e9);
  }
}
