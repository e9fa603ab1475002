package org.retorno.streams.extract;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * How fast one thread reads claims: documents are extracted over and over, after a warm-up (a
 * time and at least 20,000 sentences), until a minimum time has passed. Speed per core is text
 * per CPU-second of the extracting thread, so a busy shared machine slows the wall clock more
 * than the figure (it still lowers it: caches are shared and the JIT gets less time).
 */
public final class ExtractionThroughput {
  private static final long WARM_UP_SENTENCES = 20_000;

  private ExtractionThroughput() {}

  /** What one measurement saw. */
  public record Result(int documents, long sentencesPerRound, long bytesPerRound, long claimsPerRound,
      int rounds, double cpuSeconds, double wallSeconds) {

    public double sentencesPerCpuSecond() {
      return sentencesPerRound * (double) rounds / cpuSeconds;
    }

    public double megabytesPerCpuSecond() {
      return bytesPerRound * (double) rounds / 1e6 / cpuSeconds;
    }

    public double megabytesPerWallSecond() {
      return bytesPerRound * (double) rounds / 1e6 / wallSeconds;
    }

    public String summary() {
      return String.format(java.util.Locale.ROOT, "%d documents, %d sentences, %.3f MB, %d claims per "
          + "round; %d rounds in %.2f s CPU (%.2f s wall): %.0f sentences/s per core, %.2f MB/s per "
          + "core (%.2f MB/s wall)", documents, sentencesPerRound, bytesPerRound / 1e6,
          claimsPerRound, rounds, cpuSeconds, wallSeconds, sentencesPerCpuSecond(),
          megabytesPerCpuSecond(), megabytesPerWallSecond());
    }
  }

  public static Result measure(ClaimExtractor extractor, List<SourceDocument> documents,
      Duration warmUp, Duration minimum) {
    return measure(extractor, documents, warmUp, WARM_UP_SENTENCES, minimum);
  }

  /** As above, warming up on at least {@code warmUpSentences} sentences. */
  public static Result measure(ClaimExtractor extractor, List<SourceDocument> documents,
      Duration warmUp, long warmUpSentences, Duration minimum) {
    if (documents.isEmpty()) {
      throw new IllegalArgumentException("throughput: no documents to read");
    }
    SentenceSplitter splitter = new SentenceSplitter();
    long sentences = 0;
    long bytes = 0;
    long claims = 0;
    for (SourceDocument doc : documents) {
      sentences += splitter.split(doc.text()).size();
      bytes += doc.text().getBytes(StandardCharsets.UTF_8).length;
      claims += extractor.extract(doc).size();
    }
    // Warm up for the time given and for enough sentences that the JIT has compiled the readers:
    // on a busy machine the compiler threads get little CPU, and a timed warm-up alone measures
    // the interpreter.
    long warmUpEnd = System.nanoTime() + warmUp.toNanos();
    long warmedSentences = 0;
    while (System.nanoTime() < warmUpEnd || warmedSentences < warmUpSentences) {
      documents.forEach(extractor::extract);
      warmedSentences += sentences;
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long cpuStart = threads.getCurrentThreadCpuTime();
    long wallStart = System.nanoTime();
    long wallEnd = wallStart + minimum.toNanos();
    int rounds = 0;
    long sink = 0;
    do {
      for (SourceDocument doc : documents) {
        sink += extractor.extract(doc).size();
      }
      rounds++;
    } while (System.nanoTime() < wallEnd);
    double wall = (System.nanoTime() - wallStart) / 1e9;
    double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
    if (sink != claims * rounds) {
      throw new IllegalStateException("throughput: the extractor gave different claims on a rerun");
    }
    return new Result(documents.size(), sentences, bytes, claims, rounds, cpu, wall);
  }
}
