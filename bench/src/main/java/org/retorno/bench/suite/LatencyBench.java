package org.retorno.bench.suite;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.retorno.avro.CaseCountRow;
import org.retorno.bench.cluster.BenchCluster;
import org.retorno.bench.cluster.ProducerTuning;
import org.retorno.bench.data.RowShape;
import org.retorno.bench.data.SyntheticRows;
import org.retorno.ingest.IngestProducerConfig;
import org.retorno.schemas.Topics;

/**
 * End-to-end latency of the full topology at a steady rate: case-count rows are sent at fixed
 * intervals, each to a city and day no earlier row touched, and a {@code read_committed} consumer
 * of the daily counts waits for that city and day to appear. Latency runs from the moment the row
 * was due to be sent (so a stalled sender cannot hide a stall: no coordinated omission) to the
 * moment the consumer sees the updated count. One row per city on the history's first day goes
 * first (the measured rows start the day after), and the clock starts only when all of them are visible: a fresh application is
 * RUNNING before its tasks have opened their stores and created their transactions, and that
 * start-up (reported apart) is not the steady state the target is about.
 */
public final class LatencyBench {
  /** Latency percentiles in ms, and how many rows never showed up within the wait. */
  public record Result(int rate, long sent, long seen, double p50Ms, double p99Ms, double maxMs,
      double warmUpSeconds) {}

  private static final int CITIES = 8;
  private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration WARM_UP_TIMEOUT = Duration.ofMinutes(2);

  private LatencyBench() {}

  /**
   * @param rate rows per second
   * @param seconds how long to send
   */
  public static Result measure(BenchCluster cluster, Topology topology, Properties streamsProps, int rate,
      int seconds) throws Exception {
    int rows = rate * seconds;
    if (!RowShape.FIRST_DAY.plusDays(rows / CITIES + 1).isBefore(LocalDate.now(ZoneOffset.UTC))) {
      throw new IllegalArgumentException("latency bench: " + rows + " rows, one per city and day, would reach"
          + " past today; send for fewer seconds or at a lower rate");
    }
    // Rows [0, rows) are measured; the CITIES after them, with ids of their own, warm up.
    SyntheticRows synthetic = new SyntheticRows(new RowShape(rows + CITIES, CITIES, 1, 41));
    Map<String, Long> dueAt = new ConcurrentHashMap<>();
    Histogram latencies = new Histogram(TimeUnit.MINUTES.toMicros(5), 3);
    KafkaStreams streams = new KafkaStreams(topology, streamsProps);
    AtomicBoolean stop = new AtomicBoolean();
    AtomicReference<Exception> readerFailure = new AtomicReference<>();
    Thread reader = new Thread(() -> read(cluster, dueAt, latencies, stop, readerFailure), "bench-latency-reader");
    double warmUpSeconds;
    try {
      streams.start();
      awaitRunning(streams);
      reader.start();
      long warmUpStart = System.nanoTime();
      send(cluster, synthetic, rows, CITIES, rate, dueAt, RowShape.FIRST_DAY);
      long warmUpDeadline = warmUpStart + WARM_UP_TIMEOUT.toNanos();
      while (!dueAt.isEmpty() && readerFailure.get() == null) {
        if (System.nanoTime() > warmUpDeadline) {
          throw new IllegalStateException("latency bench: the warm-up rows did not reach the counts within "
              + WARM_UP_TIMEOUT.toSeconds() + " s");
        }
        Thread.sleep(20);
      }
      warmUpSeconds = (System.nanoTime() - warmUpStart) / 1e9;
      synchronized (latencies) {
        latencies.reset();
      }
      send(cluster, synthetic, 0, rows, rate, dueAt, RowShape.FIRST_DAY.plusDays(1));
      long deadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
      while (!dueAt.isEmpty() && System.nanoTime() < deadline && readerFailure.get() == null) {
        Thread.sleep(20);
      }
    } finally {
      stop.set(true);
      reader.join(10_000);
      streams.close(Duration.ofSeconds(30));
      streams.cleanUp();
      BenchCluster.deleteRecursively(java.nio.file.Path.of(streamsProps.getProperty(StreamsConfig.STATE_DIR_CONFIG)));
    }
    if (readerFailure.get() != null) {
      throw new IllegalStateException("latency bench: the counts reader failed: " + readerFailure.get().getMessage());
    }
    long seen;
    synchronized (latencies) {
      seen = latencies.getTotalCount();
      return new Result(rate, rows, seen, latencies.getValueAtPercentile(50) / 1e3,
          latencies.getValueAtPercentile(99) / 1e3, latencies.getMaxValue() / 1e3, warmUpSeconds);
    }
  }

  /**
   * Synthetic rows {@code [from, from + rows)} at {@code rate}, the {@code i}-th sent at city
   * {@code i % 8} and day {@code i / 8} from {@code firstDay}.
   */
  private static void send(BenchCluster cluster, SyntheticRows synthetic, int from, int rows, int rate,
      Map<String, Long> dueAt, LocalDate firstDay) {
    // The producer ingest itself uses (acks=all, idempotent), with the bench's batching.
    Properties props = IngestProducerConfig.from(ProducerTuning.apply(cluster.clientProperties()));
    props.put(ProducerConfig.CLIENT_ID_CONFIG, "retorno-bench-latency");
    long interval = TimeUnit.SECONDS.toNanos(1) / rate;
    long start = System.nanoTime();
    try (KafkaProducer<String, Object> producer = new KafkaProducer<>(props)) {
      for (int i = 0; i < rows; i++) {
        long due = start + i * interval;
        long wait = due - System.nanoTime();
        if (wait > 0) {
          LockSupport.parkNanos(wait);
        }
        CaseCountRow row = ownCell(synthetic.row(from + i), i, firstDay);
        dueAt.put(row.getPlace().getGeonamesId() + ":" + row.getPeriodStart(), due);
        producer.send(new ProducerRecord<>(Topics.RAW_CASE_COUNTS, null, SyntheticRows.timestampOf(row),
            row.getId(), row));
      }
      producer.flush();
    }
  }

  /** Row {@code i} at its own city and day: city {@code i % 8}, day {@code i / 8} from {@code firstDay}. */
  private static CaseCountRow ownCell(CaseCountRow row, int i, LocalDate firstDay) {
    LocalDate day = firstDay.plusDays(i / CITIES);
    return CaseCountRow.newBuilder(row).setPeriodStart(day).setPeriodEnd(day).build();
  }

  private static void read(BenchCluster cluster, Map<String, Long> dueAt, Histogram latencies, AtomicBoolean stop,
      AtomicReference<Exception> failure) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "10");
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(Topics.CITY_COUNTS_DAILY).stream()
          .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      while (!stop.get()) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(10))) {
          long now = System.nanoTime();
          Long due = record.key() == null ? null : dueAt.remove(record.key());
          if (due != null) {
            synchronized (latencies) {
              latencies.recordValue(Math.max(0, (now - due) / 1_000));
            }
          }
        }
      }
    } catch (Exception e) {
      failure.set(e);
    }
  }

  private static void awaitRunning(KafkaStreams streams) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (streams.state() != KafkaStreams.State.RUNNING) {
      if (streams.state() == KafkaStreams.State.ERROR || System.nanoTime() > deadline) {
        throw new IllegalStateException("latency bench: streams application is " + streams.state());
      }
      Thread.sleep(20);
    }
  }
}
