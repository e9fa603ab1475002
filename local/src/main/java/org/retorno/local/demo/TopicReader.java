package org.retorno.local.demo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.retorno.schemas.serde.AvroSerde;

/**
 * Reads a topic from the beginning to its current end as a {@code read_committed} consumer:
 * what a dashboard consuming the output would see.
 */
public final class TopicReader {
  private TopicReader() {}

  public static <T extends SpecificRecord> List<ConsumerRecord<String, T>> readAll(
      Properties clientProperties, String topic, Class<T> type) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, clientProperties.getProperty("bootstrap.servers"));
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    Map<String, Object> serdeConfig = new HashMap<>();
    for (String key : clientProperties.stringPropertyNames()) {
      serdeConfig.put(key, clientProperties.getProperty(key));
    }
    serdeConfig.put("specific.avro.reader", "true");
    List<ConsumerRecord<String, T>> records = new ArrayList<>();
    try (var serde = AvroSerde.specific(type, serdeConfig, false);
        KafkaConsumer<String, T> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
            serde.deserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
          .map(info -> new TopicPartition(topic, info.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("could not read " + topic + " to its end within 30 s");
        }
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
    }
    return records;
  }

  /** The latest value of each key, as a compacted topic keeps it; tombstones remove the key. */
  public static <T extends SpecificRecord> Map<String, T> latestByKey(Properties clientProperties,
      String topic, Class<T> type) {
    Map<String, T> latest = new LinkedHashMap<>();
    for (ConsumerRecord<String, T> record : readAll(clientProperties, topic, type)) {
      if (record.value() == null) {
        latest.remove(record.key());
      } else {
        latest.put(record.key(), record.value());
      }
    }
    return latest;
  }
}
