package org.retorno.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.retorno.avro.NewsArticle;
import org.retorno.avro.Rejection;
import org.retorno.schemas.Topics;
import org.retorno.schemas.serde.AvroDeserializer;

/** Ingestor.connect against a real single-node KRaft broker and the in-memory registry. */
class IngestorBrokerIT {
  private static KafkaClusterTestKit cluster;
  private static final String REGISTRY = "mock://ingest-it-" + UUID.randomUUID();

  @TempDir
  Path dir;

  @BeforeAll
  static void startBroker() throws Exception {
    cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
        .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build())
        .setConfigProp("auto.create.topics.enable", "false")
        .setConfigProp("group.initial.rebalance.delay.ms", "0")
        .setConfigProp("offsets.topic.replication.factor", "1")
        .setConfigProp("offsets.topic.num.partitions", "1")
        .setConfigProp("transaction.state.log.replication.factor", "1")
        .setConfigProp("transaction.state.log.min.isr", "1")
        .build();
    cluster.format();
    cluster.startup();
    cluster.waitForReadyBrokers();
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", cluster.bootstrapServers()))) {
      Topics.ensureExist(admin, 1, (short) 1);
    }
  }

  @AfterAll
  static void stopBroker() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
  }

  private static Properties clientProperties() {
    Properties properties = new Properties();
    properties.put("bootstrap.servers", cluster.bootstrapServers());
    properties.put("schema.registry.url", REGISTRY);
    return properties;
  }

  @Test
  void everyRecordCountedAsProducedIsOnTheBrokerUnderItsKey() {
    Path empty = TestFiles.write(dir, "empty.xml", "").path();

    IngestAccount account;
    try (Ingestor ingestor = Ingestor.connect(clientProperties())) {
      account = ingestor.ingest(SourceType.NEWS, List.of(TestFiles.samples("news/border-news-2019-07.rss.xml"), empty),
          IngestOptions.defaults());
    }

    assertThat(account.summary()).isEqualTo("read 6, produced 5, duplicates 0, rejected 1 (empty file: 1)");
    List<ConsumerRecord<String, Object>> news = readAll(Topics.RAW_NEWS, 5);
    assertThat(news).hasSize(5).allSatisfy(record ->
        assertThat(record.key()).isEqualTo(((NewsArticle) record.value()).getId()));
    assertThat(news).extracting(record -> ((NewsArticle) record.value()).getOutlet())
        .containsExactly("Border Wire", "Frontera Hoy", "Valley Courier", "Pacific Ledger", "Border Wire");
    List<ConsumerRecord<String, Object>> rejections = readAll(Topics.INGEST_REJECTIONS, 1);
    assertThat(rejections).extracting(ConsumerRecord::key, record -> ((Rejection) record.value()).getReason())
        .containsExactly(org.assertj.core.groups.Tuple.tuple("empty.xml", "empty file"));
  }

  @Test
  void aTopicTheBrokerDoesNotHaveIsAnErrorBeforeAnythingIsSent() throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", cluster.bootstrapServers()))) {
      admin.deleteTopics(Set.of(Topics.RAW_REPORTS)).all().get();
      Properties properties = clientProperties();
      properties.put("max.block.ms", "1500");

      IngestException error;
      try (Ingestor ingestor = Ingestor.connect(properties)) {
        error = catchThrowableOfType(IngestException.class, () ->
            ingestor.ingest(SourceType.REPORTS, List.of(TestFiles.samples("reports")), IngestOptions.defaults()));
      }

      assertThat(error.getMessage()).isEqualTo("reports: topic raw-reports does not exist, so nothing was sent "
          + "(the streams app creates the topics when it starts; or create them with their retention settings)");
      assertThat(error.partialAccount().produced()).isZero();
    } finally {
      try (Admin admin = Admin.create(Map.of("bootstrap.servers", cluster.bootstrapServers()))) {
        Topics.ensureExist(admin, 1, (short) 1);
      }
    }
  }

  private static List<ConsumerRecord<String, Object>> readAll(String topic, int expected) {
    Map<String, Object> config = Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(),
        ConsumerConfig.GROUP_ID_CONFIG, "ingest-it-" + UUID.randomUUID(),
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
        "schema.registry.url", REGISTRY,
        "specific.avro.reader", "true");
    List<ConsumerRecord<String, Object>> records = new ArrayList<>();
    try (KafkaConsumer<String, Object> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), configured(config))) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (records.size() < expected && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
      // One more short poll: anything beyond the expected records would be a duplicate send.
      consumer.poll(Duration.ofMillis(300)).forEach(records::add);
    }
    return records;
  }

  private static AvroDeserializer<Object> configured(Map<String, Object> config) {
    AvroDeserializer<Object> deserializer = new AvroDeserializer<>();
    deserializer.configure(config, false);
    return deserializer;
  }
}
