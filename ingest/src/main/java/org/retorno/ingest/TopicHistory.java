package org.retorno.ingest;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.retorno.schemas.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The history of earlier runs read from the topics themselves: every key on a raw topic, every
 * rejection id on the rejection topic. The topic is the truth about what Kafka holds, so a record
 * whose acknowledgement was lost (the broker wrote it, then the connection dropped) is not sent
 * again, and a topic that was emptied gets everything again; a local ledger could be wrong both ways.
 * Values are not decoded, only keys and headers are read.
 */
public final class TopicHistory implements SentHistory {
  private static final Logger LOG = LoggerFactory.getLogger(TopicHistory.class);
  private static final Duration POLL = Duration.ofMillis(200);

  private final Properties consumerProperties;
  private final Duration timeout;

  /**
   * @param clientProperties the ingest client settings (servers and security); only the keys a
   *     consumer knows are used
   */
  public TopicHistory(Properties clientProperties, Duration timeout) {
    this.consumerProperties = consumerProperties(clientProperties);
    this.timeout = timeout;
  }

  static Properties consumerProperties(Properties clientProperties) {
    Properties properties = new Properties();
    for (String key : clientProperties.stringPropertyNames()) {
      if (ConsumerConfig.configNames().contains(key)) {
        properties.put(key, clientProperties.getProperty(key));
      }
    }
    properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
    properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "retorno-ingest-history");
    properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    return properties;
  }

  @Override
  public Set<String> keysOn(String topic) {
    long started = System.nanoTime();
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerProperties)) {
      Set<String> keys = read(consumer, topic);
      if (keys == null) {
        throw new MissingTopic();
      }
      LOG.info("{}: {} records already sent, read in {} ms", topic, keys.size(),
          (System.nanoTime() - started) / 1_000_000);
      return keys;
    } catch (MissingTopic e) {
      throw new IngestException("topic " + topic + " does not exist, so nothing was sent (the streams app "
          + "creates the topics when it starts; or create them with their retention settings)",
          IngestAccount.empty(), null);
    } catch (RuntimeException e) {
      throw new IngestException("cannot read what " + topic + " already holds, so nothing was sent ("
          + e.getClass().getSimpleName() + ": " + oneLine(e.getMessage()) + ")", IngestAccount.empty(), e);
    }
  }

  /** @return the keys, or null when the topic does not exist */
  private Set<String> read(KafkaConsumer<String, byte[]> consumer, String topic) {
    List<PartitionInfo> partitions = consumer.partitionsFor(topic, timeout);
    if (partitions == null || partitions.isEmpty()) {
      return null;
    }
    Set<String> keys = new HashSet<>();
    List<TopicPartition> assigned = partitions.stream()
        .map(info -> new TopicPartition(topic, info.partition())).toList();
    consumer.assign(assigned);
    consumer.seekToBeginning(assigned);
    Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(assigned, timeout));
    boolean rejections = topic.equals(Topics.INGEST_REJECTIONS);
    while (!reachedEnd(consumer, end)) {
      for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
        String key = rejections ? rejectionId(record) : record.key();
        if (key != null) {
          keys.add(key);
        }
      }
    }
    return keys;
  }

  private boolean reachedEnd(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> end) {
    end.entrySet().removeIf(entry -> consumer.position(entry.getKey(), timeout) >= entry.getValue());
    return end.isEmpty();
  }

  private static String rejectionId(ConsumerRecord<String, byte[]> record) {
    Header header = record.headers().lastHeader(REJECTION_ID_HEADER);
    return header == null ? null : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
  }

  private static final class MissingTopic extends RuntimeException {
    MissingTopic() {
      super(null, null, false, false);
    }
  }

  private static String oneLine(String message) {
    return message == null ? "no message" : message.replaceAll("\\s+", " ").strip();
  }
}
