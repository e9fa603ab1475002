package org.retorno.bench.suite;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.retorno.bench.cluster.BenchCluster;
import org.retorno.bench.data.RowShape;
import org.retorno.bench.data.SyntheticRows;
import org.retorno.schemas.Topics;

/**
 * What poison records cost the full topology: the same good rows caught up on clean and with 1% and
 * 10% of the input poison, in one run on one broker. The clean rate is the mean of a run before and
 * one after the poisoned ones, so a machine that slows down meanwhile does not pass for poison. The
 * rate compared is good rows per second: if a poison record cost as much as a good one, it would
 * fall by exactly the share of poison.
 */
public final class PoisonThroughput {
  public static final double ONE_PERCENT = 0.01;
  public static final double TEN_PERCENT = 0.10;

  /** One catch-up: the good rows and bad records it read, its rate, and the dead letters it wrote. */
  public record Run(long good, long poison, CatchUp.Result result, long deadLetters) {
    /** Good rows per second; the poison is spread evenly, so a prefix holds its share of them. */
    public double goodPerSecond() {
      return result.recordsPerSecond() * good / (good + poison);
    }
  }

  public record Result(Run cleanBefore, Run onePercent, Run tenPercent, Run cleanAfter) {
    public double cleanPerSecond() {
      return (cleanBefore.goodPerSecond() + cleanAfter.goodPerSecond()) / 2;
    }

    public double ratio(Run poisoned) {
      return poisoned.goodPerSecond() / cleanPerSecond();
    }

    public boolean allCaughtUp() {
      return List.of(cleanBefore, onePercent, tenPercent, cleanAfter).stream().allMatch(run -> run.result().complete());
    }
  }

  private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

  private PoisonThroughput() {}

  public static Result measure(BenchCluster cluster, TopologyRuns runs, RowShape shape, int threads, Duration budget)
      throws Exception {
    Run before = run(cluster, runs, shape, 0, threads, budget);
    Run one = run(cluster, runs, shape, ONE_PERCENT, threads, budget);
    Run ten = run(cluster, runs, shape, TEN_PERCENT, threads, budget);
    Run after = run(cluster, runs, shape, 0, threads, budget);
    return new Result(before, one, ten, after);
  }

  private static Run run(BenchCluster cluster, TopologyRuns runs, RowShape shape, double share, int threads,
      Duration budget) throws Exception {
    cluster.topics().resetPipeline(StreamsRunSettings.APPLICATION_PREFIX);
    long poison = PoisonedHistory.load(cluster.clientProperties(), Topics.RAW_CASE_COUNTS, new SyntheticRows(shape),
        PoisonedHistory.poisonFor(shape.rows(), share));
    CatchUp.Result result = CatchUp.run(cluster.admin(), runs.fullTopology(),
        runs.settings("poison-" + Math.round(share * 100), threads), List.of(Topics.RAW_CASE_COUNTS),
        shape.rows() + poison, budget);
    return new Run(shape.rows(), poison, result, committedRecords(cluster, Topics.STREAMS_DLQ));
  }

  /** Records on a topic that a read_committed consumer sees (transaction markers take offsets too). */
  static long committedRecords(BenchCluster cluster, String topic) {
    Properties props = new Properties();
    props.putAll(cluster.clientProperties());
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
          .map(info -> new TopicPartition(topic, info.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      long count = 0;
      long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
      while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(topic + " not read to its end within " + READ_TIMEOUT.toSeconds() + " s");
        }
        count += consumer.poll(Duration.ofMillis(200)).count();
      }
      return count;
    }
  }
}
