package org.retorno.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * How much a bench run does. {@link #full} is the suite the issue asks for (at least two million
 * claims); {@link #quick} is the smoke version, small enough for every build.
 *
 * @param claims rows preloaded for the reference and full topology (and raw records for the ceiling)
 * @param partitions partitions of every topic
 * @param threads stream threads of the reference and the full topology
 * @param ingestRows and {@code ingestDocuments}: what the ingest measurement reads from files
 * @param streamsBudget how long the full topology may run on the preloaded history; if it has
 *     not caught up by then, its rate over the records it did process counts, and the report says so
 * @param latencyRate and {@code latencySeconds}: the steady rate of the end-to-end measurement
 * @param scalingRows rows of each scaling rerun, {@code scalingBudget} its time limit
 * @param extractionTime how long the extractor is timed on each corpus (after as long a warm-up)
 * @param jmhForks 0 runs JMH in this JVM; {@code jmhIterationSeconds} per warm-up and measurement
 *     iteration
 * @param demo whether to time {@code retorno demo}
 * @param profile a JFR file to record the full topology's catch-up into, or null
 * @param streamsOverrides Kafka Streams settings for the reference and the full topology alike, on
 *     top of the pipeline's own (for experiments: commit interval, cache size)
 */
public record BenchOptions(long claims, int partitions, int threads, int ingestRows, int ingestDocuments,
    Duration streamsBudget, int latencyRate, int latencySeconds, long scalingRows, Duration scalingBudget,
    Duration extractionTime, int jmhForks, int jmhWarmups, int jmhIterations, double jmhIterationSeconds,
    boolean scaling, boolean demo, Path samples, Path dataDir, Path profile, Map<String, String> streamsOverrides) {

  public BenchOptions {
    streamsOverrides = Map.copyOf(streamsOverrides);
  }

  public static BenchOptions full(Path samples) {
    return new BenchOptions(2_000_000, 4, 1, 50_000, 300, Duration.ofSeconds(90), 1000, 10,
        30_000, Duration.ofSeconds(15), Duration.ofSeconds(2), 1, 3, 3, 1.0, true, true, samples, null, null, Map.of());
  }

  public static BenchOptions quick(Path samples) {
    return new BenchOptions(10_000, 4, 1, 2_000, 20, Duration.ofSeconds(60), 1000, 2,
        500, Duration.ofSeconds(60), Duration.ofMillis(300), 0, 1, 1, 0.2, true, true, samples, null, null, Map.of());
  }

  public BenchOptions withClaims(long newClaims) {
    return new BenchOptions(newClaims, partitions, threads, ingestRows, ingestDocuments, streamsBudget, latencyRate,
        latencySeconds, scalingRows, scalingBudget, extractionTime, jmhForks, jmhWarmups, jmhIterations,
        jmhIterationSeconds, scaling, demo, samples, dataDir, profile, streamsOverrides);
  }

  public BenchOptions withStreamsOverrides(Map<String, String> overrides) {
    return new BenchOptions(claims, partitions, threads, ingestRows, ingestDocuments, streamsBudget, latencyRate,
        latencySeconds, scalingRows, scalingBudget, extractionTime, jmhForks, jmhWarmups, jmhIterations,
        jmhIterationSeconds, scaling, demo, samples, dataDir, profile, overrides);
  }

  public BenchOptions withStreamsBudget(Duration budget) {
    return new BenchOptions(claims, partitions, threads, ingestRows, ingestDocuments, budget, latencyRate,
        latencySeconds, scalingRows, scalingBudget, extractionTime, jmhForks, jmhWarmups, jmhIterations,
        jmhIterationSeconds, scaling, demo, samples, dataDir, profile, streamsOverrides);
  }

  public BenchOptions withLatency(int rate, int seconds) {
    if (rate < 1 || seconds < 1) {
      throw new IllegalArgumentException("latency measurement: rate and seconds must be positive, got "
          + rate + " rows/s for " + seconds + " s");
    }
    return new BenchOptions(claims, partitions, threads, ingestRows, ingestDocuments, streamsBudget, rate,
        seconds, scalingRows, scalingBudget, extractionTime, jmhForks, jmhWarmups, jmhIterations,
        jmhIterationSeconds, scaling, demo, samples, dataDir, profile, streamsOverrides);
  }

  public BenchOptions withSections(boolean withScaling, boolean withDemo) {
    return new BenchOptions(claims, partitions, threads, ingestRows, ingestDocuments, streamsBudget, latencyRate,
        latencySeconds, scalingRows, scalingBudget, extractionTime, jmhForks, jmhWarmups, jmhIterations,
        jmhIterationSeconds, withScaling, withDemo, samples, dataDir, profile, streamsOverrides);
  }

  public BenchOptions withPlaces(Path newDataDir, Path newProfile) {
    return new BenchOptions(claims, partitions, threads, ingestRows, ingestDocuments, streamsBudget, latencyRate,
        latencySeconds, scalingRows, scalingBudget, extractionTime, jmhForks, jmhWarmups, jmhIterations,
        jmhIterationSeconds, scaling, demo, samples, newDataDir, newProfile, streamsOverrides);
  }
}
