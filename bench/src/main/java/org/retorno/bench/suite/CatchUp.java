package org.retorno.bench.suite;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.retorno.bench.cluster.BenchCluster;
import org.retorno.local.demo.ProcessingProgress;

/**
 * How fast a topology catches up on a preloaded topic: the clock starts when the application is
 * RUNNING (its tasks assigned and restored) and stops when its group has committed the end of
 * every input and repartition topic. Under exactly-once a committed input offset means the output
 * of that input is visible.
 */
public final class CatchUp {
  /** Input records/s, and the stream threads' CPU per record. */
  public record Result(long records, double seconds, double streamCpuSeconds, boolean complete) {
    public double recordsPerSecond() {
      return records / seconds;
    }

    public double cpuMicrosPerRecord() {
      return streamCpuSeconds * 1e6 / records;
    }
  }

  private static final Duration POLL = Duration.ofMillis(100);
  private static final Duration START_TIMEOUT = Duration.ofMinutes(2);

  private CatchUp() {}

  /**
   * Runs {@code topology} until it has processed every record of {@code inputTopics}, or until
   * {@code budget} has passed; then the records done so far count (and the result is incomplete).
   */
  public static Result run(Admin admin, Topology topology, Properties props, List<String> inputTopics,
      long inputRecords, Duration budget) throws Exception {
    String applicationId = props.getProperty(StreamsConfig.APPLICATION_ID_CONFIG);
    ProcessingProgress progress = new ProcessingProgress(admin, applicationId, inputTopics);
    StreamThreadsCpu cpu = new StreamThreadsCpu(applicationId);
    AtomicLong runningSince = new AtomicLong();
    KafkaStreams streams = new KafkaStreams(topology, props);
    streams.setStateListener((now, before) -> {
      if (now == KafkaStreams.State.RUNNING) {
        runningSince.compareAndSet(0, System.nanoTime());
      }
    });
    try {
      streams.start();
      awaitRunning(streams, runningSince);
      long deadline = runningSince.get() + budget.toNanos();
      while (true) {
        cpu.sample();
        Map<TopicPartition, Long> lag = progress.lag();
        long now = System.nanoTime();
        long remaining = remainingInput(lag, inputTopics);
        if (lag.isEmpty() || now > deadline) {
          cpu.sample();
          return new Result(inputRecords - remaining, (now - runningSince.get()) / 1e9, cpu.seconds(),
              lag.isEmpty());
        }
        Thread.sleep(POLL.toMillis());
      }
    } finally {
      streams.close(Duration.ofSeconds(30));
      streams.cleanUp();
      BenchCluster.deleteRecursively(Path.of(props.getProperty(StreamsConfig.STATE_DIR_CONFIG)));
    }
  }

  private static void awaitRunning(KafkaStreams streams, AtomicLong runningSince) throws InterruptedException {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (runningSince.get() == 0) {
      if (streams.state() == KafkaStreams.State.ERROR || System.nanoTime() > deadline) {
        throw new IllegalStateException("streams application is " + streams.state() + ", not RUNNING");
      }
      Thread.sleep(20);
    }
  }

  private static long remainingInput(Map<TopicPartition, Long> lag, List<String> inputTopics) {
    return lag.entrySet().stream().filter(entry -> inputTopics.contains(entry.getKey().topic()))
        .mapToLong(Map.Entry::getValue).sum();
  }
}
