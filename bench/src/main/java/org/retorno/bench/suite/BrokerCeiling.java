package org.retorno.bench.suite;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.retorno.bench.cluster.ProducerTuning;

/**
 * What the broker does with no pipeline in the way, measured as Kafka's ProducerPerformance and
 * ConsumerPerformance tools measure it: a producer sends records of a fixed size as fast as it
 * can and the time runs from the first send to the last acknowledgement; a consumer reads them
 * back from the start, the time running from its first poll to its last record.
 */
public final class BrokerCeiling {
  /** Records/s and MB/s of the raw producer and consumer. */
  public record Result(long records, int recordBytes, double produceRps, double produceMbPerSecond,
      double consumeRps, double consumeMbPerSecond) {}

  private static final Duration CONSUME_TIMEOUT = Duration.ofMinutes(2);

  private BrokerCeiling() {}

  /**
   * @param keyBytes and {@code valueBytes}: the sizes of the pipeline's records, so that the raw
   *     figures are for records of the same size
   */
  public static Result measure(Properties clientProperties, String topic, long records, int keyBytes,
      int valueBytes) {
    double produceSeconds = produce(clientProperties, topic, records, keyBytes, valueBytes);
    double consumeSeconds = consume(clientProperties, topic, records);
    double megabytes = records * (double) (keyBytes + valueBytes) / 1e6;
    return new Result(records, keyBytes + valueBytes, records / produceSeconds, megabytes / produceSeconds,
        records / consumeSeconds, megabytes / consumeSeconds);
  }

  private static double produce(Properties clientProperties, String topic, long records, int keyBytes,
      int valueBytes) {
    Properties props = ProducerTuning.apply(clientProperties);
    props.put(ProducerConfig.CLIENT_ID_CONFIG, "retorno-bench-raw-producer");
    SplittableRandom random = new SplittableRandom(9);
    byte[] value = new byte[valueBytes];
    for (int i = 0; i < value.length; i++) {
      value[i] = (byte) random.nextInt(256);
    }
    AtomicReference<Exception> failure = new AtomicReference<>();
    long started = System.nanoTime();
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
      for (long i = 0; i < records && failure.get() == null; i++) {
        // Distinct keys of the pipeline's key size spread records over the partitions as row ids do.
        producer.send(new ProducerRecord<>(topic, key(i, keyBytes), value), (metadata, exception) -> {
          if (exception != null) {
            failure.compareAndSet(null, exception);
          }
        });
      }
      producer.flush();
    }
    if (failure.get() != null) {
      throw new IllegalStateException("raw producer on " + topic + " failed: " + failure.get().getMessage());
    }
    return (System.nanoTime() - started) / 1e9;
  }

  private static double consume(Properties clientProperties, String topic, long records) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, clientProperties.getProperty("bootstrap.servers"));
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, "retorno-bench-raw-consumer");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
          .map(info -> new TopicPartition(topic, info.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      long read = 0;
      long started = System.nanoTime();
      long deadline = started + CONSUME_TIMEOUT.toNanos();
      while (read < records) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("raw consumer read " + read + " of " + records + " records of "
              + topic + " in " + CONSUME_TIMEOUT.toSeconds() + " s");
        }
        ConsumerRecords<byte[], byte[]> batch = consumer.poll(Duration.ofMillis(100));
        read += batch.count();
      }
      return (System.nanoTime() - started) / 1e9;
    }
  }

  static byte[] key(long index, int size) {
    byte[] key = new byte[size];
    String digits = Long.toHexString(index);
    for (int i = 0; i < size; i++) {
      int from = digits.length() - size + i;
      key[i] = (byte) (from >= 0 ? digits.charAt(from) : '0');
    }
    return key;
  }
}
