package org.retorno.bench.suite;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.retorno.avro.CaseCountRow;
import org.retorno.bench.cluster.ProducerTuning;
import org.retorno.bench.data.SyntheticRows;
import org.retorno.schemas.serde.AvroSerializer;

/**
 * A synthetic history with poison records spread evenly among its rows: every good row is written
 * as the preload writes it, and {@code poison} records the application cannot read are interleaved,
 * half of them not in the wire format at all (wrong magic byte), half a registered schema's framing
 * with the Avro body cut short. The good rows are the same whatever the share, so runs with and
 * without poison do the same useful work.
 */
final class PoisonedHistory {
  private static final byte[] NOT_WIRE_FORMAT = "\u007fnot avro".getBytes(StandardCharsets.ISO_8859_1);
  /** Magic byte and schema id, then fewer Avro bytes than the row's first fields need. */
  private static final int TRUNCATED_LENGTH = 7;

  private PoisonedHistory() {}

  /** The poison records that make {@code share} of a history of {@code goodRows} plus them. */
  static long poisonFor(long goodRows, double share) {
    return Math.round(goodRows * share / (1 - share));
  }

  /** Writes the rows and {@code poison} bad records, interleaved; returns how many bad ones were written. */
  static long load(Properties clientProperties, String topic, SyntheticRows rows, long poison) {
    Properties props = ProducerTuning.apply(clientProperties);
    props.put(ProducerConfig.CLIENT_ID_CONFIG, "retorno-bench-poisoned-preload");
    AvroSerializer<CaseCountRow> values = new AvroSerializer<>();
    values.configure(Map.of("schema.registry.url", clientProperties.getProperty("schema.registry.url")), false);
    AtomicReference<Exception> failure = new AtomicReference<>();
    long good = rows.shape().rows();
    long written = 0;
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
      for (long i = 0; i < good && failure.get() == null; i++) {
        CaseCountRow row = rows.row(i);
        byte[] value = values.serialize(topic, row);
        long timestamp = SyntheticRows.timestampOf(row);
        send(producer, new ProducerRecord<>(topic, null, timestamp, row.getId(), value), failure);
        // Bad records after row i until the running share of them is reached: an even spread.
        for (long due = (i + 1) * poison / good; written < due; written++) {
          byte[] bad = written % 2 == 0 ? NOT_WIRE_FORMAT : Arrays.copyOf(value, TRUNCATED_LENGTH);
          send(producer, new ProducerRecord<>(topic, null, timestamp, "poison-" + written, bad), failure);
        }
      }
      producer.flush();
    }
    if (failure.get() != null) {
      throw new IllegalStateException("preloading " + topic + " with poison failed: " + failure.get().getMessage());
    }
    return written;
  }

  private static void send(KafkaProducer<String, byte[]> producer, ProducerRecord<String, byte[]> record,
      AtomicReference<Exception> failure) {
    producer.send(record, (metadata, exception) -> {
      if (exception != null) {
        failure.compareAndSet(null, exception);
      }
    });
  }
}
