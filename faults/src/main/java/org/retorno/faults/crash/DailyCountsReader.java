package org.retorno.faults.crash;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.retorno.avro.CityCounts;
import org.retorno.schemas.Topics;
import org.retorno.schemas.serde.AvroSerde;

/**
 * Reads {@code city-counts-daily} from the beginning as a downstream reader would: committed
 * transactions only ({@code isolation.level=read_committed}), the latest value per key.
 */
final class DailyCountsReader {
  private DailyCountsReader() {}

  static Map<String, CityCounts> latest(String bootstrap, String registryUrl, Duration timeout) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Integer.toString(8 * 1024 * 1024));
    var values = AvroSerde.specific(CityCounts.class, Map.of("schema.registry.url", registryUrl), false);
    try (KafkaConsumer<String, CityCounts> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
        values.deserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(Topics.CITY_COUNTS_DAILY).stream()
          .map(info -> new TopicPartition(info.topic(), info.partition())).collect(Collectors.toList());
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      Map<String, CityCounts> latest = new TreeMap<>();
      long deadline = System.nanoTime() + timeout.toNanos();
      while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("reading " + Topics.CITY_COUNTS_DAILY + " did not reach its end in "
              + timeout.toSeconds() + " s");
        }
        for (ConsumerRecord<String, CityCounts> record : consumer.poll(Duration.ofMillis(500))) {
          if (record.value() == null) {
            latest.remove(record.key());
          } else {
            latest.put(record.key(), record.value());
          }
        }
      }
      return latest;
    }
  }
}
