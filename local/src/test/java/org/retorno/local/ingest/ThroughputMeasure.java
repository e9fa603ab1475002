package org.retorno.local.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.retorno.avro.SourceKind;
import org.retorno.ingest.IngestAccount;
import org.retorno.ingest.IngestOptions;
import org.retorno.ingest.IngestProducerConfig;
import org.retorno.ingest.IngestSettings;
import org.retorno.ingest.Ingestor;
import org.retorno.ingest.SentHistory;
import org.retorno.ingest.SourceType;

/**
 * Ingest throughput on the sample set against a real broker: every round reads, checks, parses,
 * serialises and sends all samples and waits for every acknowledgement (acks=all). The history of
 * earlier runs is left out (it would make every round after the first send nothing), so each round
 * does the full work. Wall-clock time, and the CPU time of the ingesting thread (reading, checking,
 * parsing, serialising; not the producer's network thread nor the broker), which a busy machine
 * disturbs less. Printed for the record only: the machine is shared.
 */
record ThroughputMeasure(long documentsPerRound, long bytesPerRound, int rounds, double coldSeconds,
    double measuredSeconds, double measuredCpuSeconds) {
  static final int WARM_UP_ROUNDS = 5;
  static final int MEASURED_ROUNDS = 20;

  static ThroughputMeasure onSamples(Path samples, Properties clientProperties) {
    long bytes = sizeOf(samples);
    try (KafkaProducer<String, SpecificRecord> producer = new KafkaProducer<>(IngestProducerConfig.from(clientProperties));
        Ingestor ingestor = new Ingestor(producer, producer, Clock.systemUTC(), IngestSettings.defaults(),
            SentHistory.none())) {
      long started = System.nanoTime();
      long documents = round(ingestor, samples);
      double cold = (System.nanoTime() - started) / 1e9;
      for (int i = 1; i < WARM_UP_ROUNDS; i++) {
        round(ingestor, samples);
      }
      java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
      long cpuStarted = threads.getCurrentThreadCpuTime();
      started = System.nanoTime();
      for (int i = 0; i < MEASURED_ROUNDS; i++) {
        round(ingestor, samples);
      }
      double wall = (System.nanoTime() - started) / 1e9;
      double cpu = (threads.getCurrentThreadCpuTime() - cpuStarted) / 1e9;
      return new ThroughputMeasure(documents, bytes, MEASURED_ROUNDS, cold, wall, cpu);
    }
  }

  private static long round(Ingestor ingestor, Path samples) {
    IngestAccount news = ingestor.ingest(SourceType.NEWS, List.of(samples.resolve("news")), IngestOptions.defaults());
    IngestAccount reports = ingestor.ingest(SourceType.REPORTS, List.of(samples.resolve("reports")),
        new IngestOptions(SourceKind.NGO, "Joint NGO letter to IOM (30 organisations)", null, null, null));
    IngestAccount counts = ingestor.ingest(SourceType.COUNTS, List.of(samples.resolve("counts")), IngestOptions.defaults());
    return news.read() + reports.read() + counts.read();
  }

  private static long sizeOf(Path samples) {
    try (Stream<Path> files = Files.walk(samples)) {
      return files.filter(Files::isRegularFile).mapToLong(file -> {
        try {
          return Files.size(file);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }).sum();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String describe() {
    double documents = documentsPerRound * rounds;
    double megabytes = bytesPerRound * rounds / 1_048_576.0;
    return String.format(Locale.ROOT, "ingest throughput on the sample set (%d documents, %.1f KB a round): "
            + "first round %.2f s; %d warm rounds in %.2f s: %.0f documents/s, %.2f MB/s; "
            + "ingesting thread %.2f CPU s: %.0f documents/CPU s, %.2f MB/CPU s",
        documentsPerRound, bytesPerRound / 1024.0, coldSeconds, rounds, measuredSeconds, documents / measuredSeconds,
        megabytes / measuredSeconds, measuredCpuSeconds, documents / measuredCpuSeconds, megabytes / measuredCpuSeconds);
  }
}
