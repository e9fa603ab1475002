package org.retorno.bench.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.retorno.local.broker.BrokerOptions;
import org.retorno.local.broker.EmbeddedBroker;
import org.retorno.schemas.Topics;

/**
 * Records stamped 2019 survive on the topics the bench creates (its own, and the pipeline's) across
 * a broker restart, while a topic with a 7-day retention on the same broker loses them: the
 * retention checker starts at once and runs every half second here, so the control shows it ran.
 */
class HistoryRetentionTest {
  private static final String HISTORY = "bench-history";
  private static final String WEEK = "bench-week-retention";
  private static final long JULY_2019 = Instant.parse("2019-07-09T00:00:00Z").toEpochMilli();
  private static final int RECORDS = 50;

  @TempDir
  Path dataDir;

  @Test
  void recordsFrom2019SurviveARestartWhereAWeeksRetentionDeletesThem() throws Exception {
    BrokerOptions options = new BrokerOptions(dataDir, "127.0.0.1", 0, 0,
        Map.of("log.retention.check.interval.ms", "500", "log.initial.task.delay.ms", "0"));
    try (EmbeddedBroker broker = EmbeddedBroker.start(options); Admin admin = admin(broker)) {
      HistoryTopics topics = new HistoryTopics(admin, 1);
      topics.create(HISTORY);
      topics.ensurePipelineTopics();
      admin.createTopics(List.of(new NewTopic(WEEK, 1, (short) 1)
          .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, Long.toString(Duration.ofDays(7).toMillis()))))).all().get();
      produce(broker, List.of(HISTORY, Topics.RAW_CASE_COUNTS, WEEK));
      awaitEmptied(admin, WEEK);
    }
    try (EmbeddedBroker broker = EmbeddedBroker.start(options); Admin admin = admin(broker)) {
      // A fresh 2019 batch on the control topic is deleted again: the checker ran after the restart too.
      produce(broker, List.of(WEEK));
      awaitEmptied(admin, WEEK);
      assertThat(readAll(broker, HISTORY)).hasSize(RECORDS).allMatch(record -> record.timestamp() == JULY_2019);
      assertThat(readAll(broker, Topics.RAW_CASE_COUNTS)).hasSize(RECORDS)
          .allMatch(record -> record.timestamp() == JULY_2019);
    }
  }

  /**
   * A hundred weeks of history, one batch a week, in event-time order: a topic with Kafka's default
   * opens a segment whenever a batch is more than seven days past its segment's first (50 here);
   * the bench's and the pipeline's topics keep one.
   */
  @Test
  void historyInEventTimeOrderDoesNotRollASegmentPerWeek() throws Exception {
    String defaults = "bench-default-segments";
    try (EmbeddedBroker broker = EmbeddedBroker.start(BrokerOptions.ephemeral(dataDir));
        Admin admin = admin(broker)) {
      HistoryTopics topics = new HistoryTopics(admin, 1);
      topics.create(HISTORY);
      topics.ensurePipelineTopics();
      admin.createTopics(List.of(new NewTopic(defaults, 1, (short) 1)
          .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1")))).all().get();
      Properties props = new Properties();
      props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
      try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(),
          new StringSerializer())) {
        for (int week = 0; week < 100; week++) {
          long timestamp = JULY_2019 + Duration.ofDays(7L * week + 1).toMillis();
          for (String topic : List.of(HISTORY, Topics.RAW_CASE_COUNTS, Topics.CITY_COUNTS_DAILY, defaults)) {
            producer.send(new ProducerRecord<>(topic, 0, timestamp, "week-" + week, "count")).get();
          }
        }
      }
    }
    assertThat(segments(defaults)).isGreaterThanOrEqualTo(45);
    assertThat(segments(HISTORY)).isEqualTo(1);
    assertThat(segments(Topics.RAW_CASE_COUNTS)).isEqualTo(1);
    assertThat(segments(Topics.CITY_COUNTS_DAILY)).isEqualTo(1);
  }

  private long segments(String topic) throws IOException {
    try (Stream<Path> files = Files.list(dataDir.resolve("kafka").resolve(topic + "-0"))) {
      return files.filter(file -> file.getFileName().toString().endsWith(".log")).count();
    }
  }

  private static Admin admin(EmbeddedBroker broker) {
    return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
  }

  private static void produce(EmbeddedBroker broker, List<String> topics) {
    Properties props = ProducerTuning.apply(new Properties());
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
      for (String topic : topics) {
        for (int i = 0; i < RECORDS; i++) {
          producer.send(new ProducerRecord<>(topic, 0, JULY_2019, "row-" + i, "2019-07-09 Ciudad Juárez MPP_RETURN " + i));
        }
      }
      producer.flush();
    }
  }

  /** Waits until the topic's earliest offset has reached its end: every record deleted. */
  private static void awaitEmptied(Admin admin, String topic) {
    TopicPartition partition = new TopicPartition(topic, 0);
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
      long earliest = admin.listOffsets(Map.of(partition, OffsetSpec.earliest())).all().get().get(partition).offset();
      long latest = admin.listOffsets(Map.of(partition, OffsetSpec.latest())).all().get().get(partition).offset();
      return latest > 0 && earliest == latest;
    });
  }

  private static List<ConsumerRecord<String, String>> readAll(EmbeddedBroker broker, String topic) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    List<ConsumerRecord<String, String>> records = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
          .map(info -> new TopicPartition(topic, info.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      long end = consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (records.size() < end && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(100)).forEach(records::add);
      }
    }
    return records;
  }
}
