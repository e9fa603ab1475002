package org.retorno.faults.poison;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.ThreadMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.retorno.avro.NewsArticle;
import org.retorno.avro.Rejection;
import org.retorno.local.demo.LocalPipeline;
import org.retorno.local.demo.PipelineOptions;
import org.retorno.schemas.Topics;
import org.retorno.schemas.serde.AvroSerde;

/**
 * Poison on a real broker with the streams app as it runs in production: 1% of a first batch and
 * 10% of a second batch of raw records are unreadable. The dead-letter topic then holds exactly the
 * injected records, byte for byte, each with the exception and source topic in its headers; the
 * same stream threads are still running; every readable record was consumed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PoisonRecordsIT {
  @TempDir
  static Path dir;

  private LocalPipeline pipeline;

  @BeforeAll
  void start() throws Exception {
    pipeline = LocalPipeline.start(PipelineOptions.ephemeral(dir));
    pipeline.awaitRunning(Duration.ofSeconds(120));
  }

  @AfterAll
  void stop() {
    if (pipeline != null) {
      pipeline.close();
    }
  }

  @Test
  void theDeadLetterTopicHoldsExactlyTheInjectedRecordsAndNoThreadDies() throws Exception {
    Set<String> threadsBefore = threadNames(pipeline.streams());
    Random random = new Random(8);
    List<byte[]> injected = new ArrayList<>();
    int next = 0;
    for (int[] batch : new int[][] {{100, 1}, {100, 10}}) {
      int records = batch[0];
      int poison = batch[1];
      List<byte[]> values = new ArrayList<>();
      var serializer = AvroSerde.specific(NewsArticle.class, pipeline.serdeConfig(), false).serializer();
      for (int i = 0; i < records - poison; i++) {
        values.add(serializer.serialize(Topics.RAW_NEWS, PoisonRecordsTest.article(next++, random)));
      }
      byte[] otherContract = AvroSerde.specific(Rejection.class, pipeline.serdeConfig(), false).serializer()
          .serialize(Topics.INGEST_REJECTIONS, Rejection.newBuilder().setSource("s").setStage("t").setReason("r")
              .setRejectedAt(java.time.Instant.parse("2019-07-30T00:00:00Z")).build());
      for (int i = 0; i < poison; i++) {
        byte[] bad = PoisonRecordsTest.poison(i, random, values.get(random.nextInt(values.size())), otherContract);
        injected.add(bad);
        values.add(random.nextInt(values.size() + 1), bad);
      }
      send(values);
      pipeline.awaitProcessed(Duration.ofSeconds(120));

      List<ConsumerRecord<byte[], byte[]>> deadLetters = readAll(Topics.STREAMS_DLQ);
      assertThat(deadLetters).hasSize(injected.size());
      assertThat(deadLetters.stream().map(r -> ByteBuffer.wrap(r.value())).toList())
          .containsExactlyInAnyOrderElementsOf(injected.stream().map(ByteBuffer::wrap).toList());
      for (ConsumerRecord<byte[], byte[]> letter : deadLetters) {
        assertThat(header(letter, "__streams.errors.exception")).isNotBlank();
        assertThat(header(letter, "__streams.errors.topic")).isEqualTo(Topics.RAW_NEWS);
        assertThat(header(letter, "retorno.dead-letter.reason")).isEqualTo("unreadable");
      }
    }
    assertThat(injected).hasSize(11);
    assertThat(pipeline.streams().state()).isEqualTo(KafkaStreams.State.RUNNING);
    assertThat(threadNames(pipeline.streams())).isEqualTo(threadsBefore);
    assertThat(readAll(Topics.CLAIMS)).hasSizeGreaterThan(100);
  }

  private static Set<String> threadNames(KafkaStreams streams) {
    return streams.metadataForLocalThreads().stream().map(ThreadMetadata::threadName).collect(Collectors.toSet());
  }

  private void send(List<byte[]> values) throws Exception {
    Map<String, Object> config = Map.of("bootstrap.servers", pipeline.bootstrapServers(), "acks", "all");
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(),
        new ByteArraySerializer())) {
      for (byte[] value : values) {
        // Keyed as ingest keys them: by content.
        producer.send(new ProducerRecord<>(Topics.RAW_NEWS, Integer.toHexString(java.util.Arrays.hashCode(value))
            .getBytes(StandardCharsets.UTF_8), value));
      }
      producer.flush();
    }
  }

  private List<ConsumerRecord<byte[], byte[]>> readAll(String topic) {
    Properties props = new Properties();
    props.put("bootstrap.servers", pipeline.bootstrapServers());
    props.put("isolation.level", "read_committed");
    List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
        new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
          .map(p -> new TopicPartition(topic, p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p)) && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
    }
    return records;
  }

  private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
