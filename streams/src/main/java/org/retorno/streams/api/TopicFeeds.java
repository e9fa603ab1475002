package org.retorno.streams.api;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.retorno.avro.CityCounts;
import org.retorno.avro.Claim;
import org.retorno.avro.SpikeAlert;
import org.retorno.schemas.Topics;
import org.retorno.schemas.serde.AvroSerde;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@code read_committed} consumer, outside any group, for what the API needs from topics
 * rather than stores: alerts and claims from the beginning, and count revisions from now on (to
 * tell live dashboards to refresh). Every instance reads all partitions, so each can answer alone.
 */
final class TopicFeeds implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TopicFeeds.class);
  private static final Set<String> NOT_FOR_US = Set.of(ConsumerConfig.GROUP_ID_CONFIG,
      ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, ConsumerConfig.CLIENT_ID_CONFIG,
      ConsumerConfig.ISOLATION_LEVEL_CONFIG, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
      ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
      ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ConsumerConfig.GROUP_PROTOCOL_CONFIG);

  /** A count revision: which city and period changed, nothing more. */
  record CountsChanged(long cityId, String granularity, String periodStart) {}

  private final KafkaConsumer<byte[], byte[]> consumer;
  private final Deserializer<SpikeAlert> alerts;
  private final Deserializer<Claim> claims;
  private final Deserializer<CityCounts> counts;
  private final AlertLog alertLog;
  private final ClaimIndex claimIndex;
  private final Consumer<CountsChanged> countsListener;
  private final Thread thread;
  private volatile boolean running = true;

  TopicFeeds(Properties clientProperties, Map<String, ?> serdeConfig, AlertLog alertLog, ClaimIndex claimIndex,
      Consumer<CountsChanged> countsListener) {
    this.consumer = new KafkaConsumer<>(consumerProperties(clientProperties),
        new ByteArrayDeserializer(), new ByteArrayDeserializer());
    this.alerts = AvroSerde.specific(SpikeAlert.class, serdeConfig, false).deserializer();
    this.claims = AvroSerde.specific(Claim.class, serdeConfig, false).deserializer();
    this.counts = AvroSerde.specific(CityCounts.class, serdeConfig, false).deserializer();
    this.alertLog = alertLog;
    this.claimIndex = claimIndex;
    this.countsListener = countsListener;
    this.thread = new Thread(this::run, "retorno-api-feeds");
    this.thread.setDaemon(true);
  }

  static Properties consumerProperties(Properties clientProperties) {
    Properties props = new Properties();
    Set<String> consumerKeys = ConsumerConfig.configNames();
    for (String key : clientProperties.stringPropertyNames()) {
      if (consumerKeys.contains(key) && !NOT_FOR_US.contains(key)) {
        props.put(key, clientProperties.getProperty(key));
      }
    }
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, "retorno-api-feeds");
    return props;
  }

  void start() {
    thread.start();
  }

  private void run() {
    try {
      List<TopicPartition> fromStart = partitions(Topics.SPIKE_ALERTS);
      fromStart.addAll(partitions(Topics.CLAIMS));
      List<TopicPartition> fromNow = partitions(Topics.CITY_COUNTS_DAILY);
      List<TopicPartition> all = new ArrayList<>(fromStart);
      all.addAll(fromNow);
      consumer.assign(all);
      consumer.seekToBeginning(fromStart);
      consumer.seekToEnd(fromNow);
      while (running) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          handle(record);
        }
      }
    } catch (WakeupException e) {
      // closing
    } catch (RuntimeException e) {
      if (running) {
        LOG.error("API topic feeds stopped: {}", e.toString());
      }
    } finally {
      consumer.close(Duration.ofSeconds(5));
    }
  }

  private List<TopicPartition> partitions(String topic) {
    List<TopicPartition> partitions = new ArrayList<>();
    List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
    if (infos == null || infos.isEmpty()) {
      LOG.warn("topic {} not found; the API will not show what it holds", topic);
      return partitions;
    }
    infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
    return partitions;
  }

  private void handle(ConsumerRecord<byte[], byte[]> record) {
    if (record.value() == null) {
      return;
    }
    try {
      switch (record.topic()) {
        case Topics.SPIKE_ALERTS -> alertLog.add(AlertView.of(alerts.deserialize(record.topic(), record.value()),
            Instant.ofEpochMilli(record.timestamp())));
        case Topics.CLAIMS -> claimIndex.add(claims.deserialize(record.topic(), record.value()));
        case Topics.CITY_COUNTS_DAILY -> {
          CityCounts changed = counts.deserialize(record.topic(), record.value());
          countsListener.accept(new CountsChanged(changed.getCityId(), changed.getGranularity().name(),
              changed.getPeriodStart().toString()));
        }
        default -> { }
      }
    } catch (RuntimeException e) {
      // Same rule as the topology: one line, no data values, and carry on.
      LOG.warn("unreadable record {}-{}@{} skipped by the API: {}", record.topic(), record.partition(),
          record.offset(), e.getMessage());
    }
  }

  @Override
  public void close() {
    running = false;
    consumer.wakeup();
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
