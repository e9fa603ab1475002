package org.retorno.bench;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serializer;
import org.retorno.avro.CaseCountRow;
import org.retorno.bench.cluster.BenchCluster;
import org.retorno.bench.cluster.Preloader;
import org.retorno.bench.cluster.ProducerTuning;
import org.retorno.bench.data.RowShape;
import org.retorno.bench.data.SyntheticRows;
import org.retorno.bench.profile.Profiler;
import org.retorno.bench.profile.ProfileSummary;
import org.retorno.bench.report.BenchReport;
import org.retorno.bench.report.ScalingPoint;
import org.retorno.bench.report.Target;
import org.retorno.bench.suite.BrokerCeiling;
import org.retorno.bench.suite.CatchUp;
import org.retorno.bench.suite.DemoBench;
import org.retorno.bench.suite.ExtractionBench;
import org.retorno.bench.suite.IngestBench;
import org.retorno.bench.suite.LatencyBench;
import org.retorno.bench.suite.PoisonThroughput;
import org.retorno.bench.suite.SerdeBench;
import org.retorno.bench.suite.StreamsRunSettings;
import org.retorno.bench.suite.TopologyRuns;
import org.retorno.schemas.Topics;
import org.retorno.schemas.serde.AvroSerde;

/**
 * The whole suite in one run, on one embedded broker and our registry: every figure that is a
 * ratio divides two things measured here and now, since on a shared two-core machine only such
 * ratios mean anything. Phases run one after another so none competes with another for the CPU.
 */
public final class BenchSuite {
  /** How many times the extraction timing its warm-up lasts. */
  static final int EXTRACTION_WARM_UPS = 4;
  static final String RAW_TOPIC = "bench-raw";
  private static final int MAIN_CITIES = 8;
  private static final int MAIN_YEARS = 5;
  private static final Duration REFERENCE_BUDGET = Duration.ofMinutes(10);
  private static final long POISON_MIN_ROWS = 2_000;
  private static final double POISON_TOLERANCE = 0.05;

  private final BenchOptions options;
  private final PrintStream progress;
  private long lastPhase;

  public BenchSuite(BenchOptions options, PrintStream progress) {
    this.options = options;
    this.progress = progress;
  }

  public BenchReport run(BenchReport report) throws Exception {
    report.note("Synthetic history: " + options.claims() + " case-count rows over " + MAIN_CITIES + " cities and "
        + MAIN_YEARS + " years, one source's daily increment each, in date order; " + options.partitions()
        + " partitions per topic; producers " + ProducerTuning.describe() + "; streams exactly_once_v2, 100 ms commit, "
        + options.threads() + " stream thread(s)"
        + (options.streamsOverrides().isEmpty() ? "" : "; streams overrides " + options.streamsOverrides()) + ".");
    Path work = options.dataDir() != null ? Files.createDirectories(options.dataDir())
        : Files.createTempDirectory("retorno-bench");
    try {
      try (BenchCluster cluster = BenchCluster.start(work.resolve("cluster"), options.partitions())) {
        RowShape main = new RowShape(options.claims(), MAIN_CITIES, MAIN_YEARS, 1);
        brokerCeiling(cluster, report, main);
        ingest(cluster, report, work.resolve("ingest"));
        TopologyRuns runs = new TopologyRuns(cluster, work.resolve("streams-state"), options.streamsOverrides());
        catchUp(cluster, runs, report, main);
        latency(cluster, runs, report);
        poison(cluster, runs, report);
        if (options.scaling()) {
          scaling(cluster, runs, report);
        }
      }
      extraction(report);
      serde(report);
      if (options.demo()) {
        demo(report);
      }
      return report;
    } finally {
      if (options.dataDir() == null) {
        BenchCluster.deleteRecursively(work);
      }
    }
  }

  private void brokerCeiling(BenchCluster cluster, BenchReport report, RowShape main) throws Exception {
    phase("broker ceiling: raw producer and consumer, " + options.claims() + " records");
    int[] sizes = recordSizes(main);
    cluster.topics().create(RAW_TOPIC);
    BrokerCeiling.Result ceiling = BrokerCeiling.measure(cluster.clientProperties(), RAW_TOPIC, options.claims(),
        sizes[0], sizes[1]);
    report.add("1 broker", "broker_produce_rps", "raw producer", ceiling.produceRps(), "records/s");
    report.add("1 broker", "broker_produce_mb_per_s", "raw producer", ceiling.produceMbPerSecond(), "MB/s");
    report.add("1 broker", "broker_consume_rps", "raw consumer", ceiling.consumeRps(), "records/s");
    report.add("1 broker", "broker_consume_mb_per_s", "raw consumer", ceiling.consumeMbPerSecond(), "MB/s");
    report.add("1 broker", "record_bytes", "record size (key + framed Avro value)", ceiling.recordBytes(), "B");
    cluster.topics().delete(List.of(RAW_TOPIC));
  }

  /** Mean key and framed value sizes of the main history's rows, from a sample of them. */
  private static int[] recordSizes(RowShape main) {
    SyntheticRows rows = new SyntheticRows(main);
    try (Serializer<CaseCountRow> serializer = AvroSerde.specific(CaseCountRow.class,
        Map.of("schema.registry.url", "mock://bench-sizes"), false).serializer()) {
      long keys = 0;
      long values = 0;
      int sample = (int) Math.min(1000, main.rows());
      for (int i = 0; i < sample; i++) {
        CaseCountRow row = rows.row(i * (main.rows() / sample));
        keys += row.getId().length();
        values += serializer.serialize(Topics.RAW_CASE_COUNTS, row).length;
      }
      return new int[] {(int) (keys / sample), (int) Math.round((double) values / sample)};
    }
  }

  private void ingest(BenchCluster cluster, BenchReport report, Path work) throws Exception {
    phase("ingest: " + options.ingestRows() + " case-count rows and " + options.ingestDocuments() + " reports from files");
    cluster.topics().ensurePipelineTopics();
    IngestBench.Result ingest = IngestBench.measure(cluster.clientProperties(), work, options.ingestRows(),
        options.ingestDocuments());
    double produce = report.value("broker_produce_rps");
    report.add("2 ingest", "ingest_rps", "case-count rows", ingest.rowsPerSecond(), "records/s");
    report.add("2 ingest", "ingest_mb_per_s", "case-count rows, CSV input", ingest.rowMegabytesPerSecond(), "MB/s");
    report.add("2 ingest", "ingest_ratio", "rows / raw producer", ingest.rowsPerSecond() / produce, "",
        Target.atLeast(0.6));
    report.add("2 ingest", "ingest_documents_per_s", "NGO reports (text)", ingest.documentsPerSecond(), "documents/s");
    report.add("2 ingest", "ingest_documents_mb_per_s", "NGO reports, text input", ingest.documentMegabytesPerSecond(),
        "MB/s");
  }

  private void catchUp(BenchCluster cluster, TopologyRuns runs, BenchReport report, RowShape main) throws Exception {
    phase("preload " + Topics.RAW_CASE_COUNTS + ": " + main.label());
    cluster.topics().resetPipeline(StreamsRunSettings.APPLICATION_PREFIX);
    Preloader.Loaded loaded = Preloader.load(cluster.clientProperties(), Topics.RAW_CASE_COUNTS, new SyntheticRows(main));
    double produce = report.value("broker_produce_rps");
    report.add("2 ingest", "preload_rps", "Avro + registry producer (preload)", loaded.recordsPerSecond(), "records/s");
    report.add("2 ingest", "preload_ratio", "preload / raw producer", loaded.recordsPerSecond() / produce, "");

    phase("reference peer catching up on " + main.rows() + " rows");
    CatchUp.Result reference = runs.reference(main, options.threads(), REFERENCE_BUDGET);
    report.add("3 reference", "reference_rps", "bare windowed count" + (reference.complete() ? "" : " (not caught up)"),
        reference.recordsPerSecond(), "records/s");
    report.add("3 reference", "reference_vs_produce_ratio", "reference / raw producer",
        reference.recordsPerSecond() / produce, "");
    report.add("3 reference", "reference_cpu_us_per_record", "stream-thread CPU per record",
        reference.cpuMicrosPerRecord(), "µs");

    phase("full topology catching up on " + main.rows() + " rows (at most " + options.streamsBudget().toSeconds() + " s)");
    CatchUp.Result full = profiled(() -> runs.full(main, options.threads(), options.streamsBudget()));
    report.add("4 full", "streams_rps", "full topology" + (full.complete() ? "" : " (time budget: prefix)"),
        full.recordsPerSecond(), "records/s");
    report.add("4 full", "streams_vs_reference_ratio", "full / reference", full.recordsPerSecond()
        / reference.recordsPerSecond(), "", Target.atLeast(0.6));
    report.add("4 full", "streams_vs_produce_ratio", "full / raw producer", full.recordsPerSecond() / produce, "");
    report.add("4 full", "streams_cpu_us_per_record", "stream-thread CPU per record", full.cpuMicrosPerRecord(), "µs");
    report.add("4 full", "streams_cpu_vs_reference_ratio", "reference CPU / full CPU per record",
        reference.cpuMicrosPerRecord() / full.cpuMicrosPerRecord(), "");
    report.add("4 full", "streams_processed", "rows processed", full.records(), "rows");
    if (!full.complete()) {
      report.note("The full topology had not caught up on all " + main.rows() + " rows within "
          + options.streamsBudget().toSeconds() + " s; its rate is over the " + full.records()
          + " rows it processed (the history is uniform in time, so a prefix is representative).");
    }
  }

  private CatchUp.Result profiled(ThrowingSupplier<CatchUp.Result> run) throws Exception {
    if (options.profile() == null) {
      return run.get();
    }
    CatchUp.Result result;
    try (Profiler profiler = Profiler.start(options.profile())) {
      result = run.get();
    }
    progress.println("JFR recording of the full topology: " + options.profile());
    progress.print(ProfileSummary.of(options.profile()).render());
    return result;
  }

  private void latency(BenchCluster cluster, TopologyRuns runs, BenchReport report) throws Exception {
    phase("end-to-end latency at " + options.latencyRate() + " rows/s for " + options.latencySeconds() + " s");
    cluster.topics().resetPipeline(StreamsRunSettings.APPLICATION_PREFIX);
    LatencyBench.Result latency = LatencyBench.measure(cluster, runs.fullTopology(),
        runs.settings("latency", options.threads()), options.latencyRate(), options.latencySeconds());
    report.add("5 latency", "e2e_rate", "steady input rate", latency.rate(), "rows/s");
    report.add("5 latency", "e2e_p50_ms", "ingest -> read_committed counts, p50", latency.p50Ms(), "ms");
    report.add("5 latency", "e2e_p99_ms", "p99", latency.p99Ms(), "ms", Target.atMost(300));
    report.add("5 latency", "e2e_max_ms", "max", latency.maxMs(), "ms");
    report.add("5 latency", "e2e_seen_fraction", "rows whose count appeared", latency.seen() / (double) latency.sent(), "");
    report.add("5 latency", "e2e_warmup_s", "first rows after RUNNING to their counts (not in the percentiles)",
        latency.warmUpSeconds(), "s");
  }

  /**
   * Poison at 1% and 10% of the input: good rows per second against a clean run of the same rows.
   * The target allows the share itself (a poison record costing as much as a good one) and
   * {@link #POISON_TOLERANCE} for the noise of runs this short on a shared machine.
   */
  private void poison(BenchCluster cluster, TopologyRuns runs, BenchReport report) throws Exception {
    RowShape shape = new RowShape(Math.max(POISON_MIN_ROWS, options.scalingRows()), MAIN_CITIES, MAIN_YEARS, 200);
    phase("poison records: " + shape.rows() + " good rows clean, with 1% and 10% poison, clean again");
    PoisonThroughput.Result poison = PoisonThroughput.measure(cluster, runs, shape, options.threads(),
        options.streamsBudget());
    report.add("5b poison", "poison_clean_rps", "full topology, no poison (mean of runs before and after)",
        poison.cleanPerSecond(), "good rows/s");
    poisonFigures(report, "1pct", PoisonThroughput.ONE_PERCENT, poison.onePercent(), poison);
    poisonFigures(report, "10pct", PoisonThroughput.TEN_PERCENT, poison.tenPercent(), poison);
    if (!poison.allCaughtUp()) {
      report.note("A poison-section run did not catch up within " + options.streamsBudget().toSeconds()
          + " s; its rate is over the records it processed, and its dead letters are those of that prefix.");
    }
  }

  private static void poisonFigures(BenchReport report, String key, double share, PoisonThroughput.Run run,
      PoisonThroughput.Result poison) {
    String percent = Math.round(share * 100) + "%";
    report.add("5b poison", "poison_" + key + "_rps", percent + " poison", run.goodPerSecond(), "good rows/s");
    report.add("5b poison", "poison_" + key + "_throughput_ratio", percent + " poison / clean, good rows/s",
        poison.ratio(run), "", Target.atLeast(1 - share - POISON_TOLERANCE));
    report.add("5b poison", "poison_" + key + "_injected", percent + " poison: bad records written", run.poison(),
        "records");
    report.add("5b poison", "poison_" + key + "_dead_letters", percent + " poison: records on " + Topics.STREAMS_DLQ,
        run.deadLetters(), "records");
  }

  private void scaling(BenchCluster cluster, TopologyRuns runs, BenchReport report) throws Exception {
    record Variant(String varied, int cities, int threads, int years) {}
    List<Variant> variants = List.of(new Variant("baseline", 8, 1, 5), new Variant("cities", 80, 1, 5),
        new Variant("cities", 800, 1, 5), new Variant("threads", 8, 2, 5), new Variant("history", 8, 1, 1));
    long seed = 100;
    for (Variant variant : variants) {
      RowShape shape = new RowShape(options.scalingRows(), variant.cities(), variant.years(), seed++);
      phase("scaling: " + shape.label() + ", " + variant.threads() + " thread(s)");
      cluster.topics().resetPipeline(StreamsRunSettings.APPLICATION_PREFIX);
      Preloader.load(cluster.clientProperties(), Topics.RAW_CASE_COUNTS, new SyntheticRows(shape));
      CatchUp.Result result = runs.full(shape, variant.threads(), options.scalingBudget());
      report.scaling(new ScalingPoint(variant.varied(), variant.cities(), variant.threads(), variant.years(),
          shape.rows(), result.records(), result.recordsPerSecond(), result.cpuMicrosPerRecord(), result.complete()));
    }
  }

  /**
   * The extractor is timed after a warm-up four times as long as the timing: with a warm-up as long
   * as the timing (2 s) the JIT, sharing two cores with the broker's background work, was still
   * compiling the extractor's many small gates, and the rate read was that of half-compiled code
   * (2.0 MB/s on the synthetic corpus where the same code runs at 4.7 once compiled).
   */
  private void extraction(BenchReport report) {
    phase("extraction alone, one thread");
    ExtractionBench.Result extraction = ExtractionBench.measure(options.samples(),
        options.extractionTime().multipliedBy(EXTRACTION_WARM_UPS), options.extractionTime());
    report.add("6 extraction", "extraction_samples_mb_per_s_per_core", "shipped samples",
        extraction.samples().megabytesPerCpuSecond(), "MB/s");
    report.add("6 extraction", "extraction_synthetic_mb_per_s_per_core", "synthetic corpus",
        extraction.synthetic().megabytesPerCpuSecond(), "MB/s");
    report.add("6 extraction", "extraction_mb_per_s_per_core", "lower of the two, per core",
        extraction.megabytesPerCoreSecond(), "MB/s", Target.atLeast(5));
  }

  private void serde(BenchReport report) throws Exception {
    phase("Avro serde (JMH, one thread, " + options.jmhForks() + " fork(s))");
    SerdeBench.Result serde = SerdeBench.run(options.jmhForks(), options.jmhWarmups(), options.jmhIterations(),
        options.jmhIterationSeconds());
    String row = "CaseCountRow";
    report.add("7 serde", "serde_encode_per_s", "framed encode, " + row, serde.ops(row, "framedEncode"), "ops/s",
        Target.atLeast(3e6));
    report.add("7 serde", "serde_decode_per_s", "framed decode, " + row, serde.ops(row, "framedDecode"), "ops/s",
        Target.atLeast(5e6));
    report.add("7 serde", "serde_bare_encode_per_s", "bare encode, " + row, serde.ops(row, "bareEncode"), "ops/s");
    report.add("7 serde", "serde_bare_decode_per_s", "bare decode, " + row, serde.ops(row, "bareDecode"), "ops/s");
    report.add("7 serde", "framing_overhead", "framed / bare time, encode + decode", serde.roundTripOverhead(row), "",
        Target.atMost(1.2));
    report.add("7 serde", "framing_overhead_encode", "framed / bare time, encode", serde.overhead(row, "Encode"), "");
    report.add("7 serde", "framing_overhead_decode", "framed / bare time, decode", serde.overhead(row, "Decode"), "");
    report.add("7 serde", "serde_claim_encode_per_s", "framed encode, Claim", serde.ops("Claim", "framedEncode"), "ops/s");
    report.add("7 serde", "serde_claim_decode_per_s", "framed decode, Claim", serde.ops("Claim", "framedDecode"), "ops/s");
    report.add("7 serde", "framing_overhead_claim", "framed / bare time, Claim", serde.roundTripOverhead("Claim"), "");
  }

  private void demo(BenchReport report) throws Exception {
    phase("retorno demo --exit as a child process");
    DemoBench.Result demo = DemoBench.measure(options.samples());
    report.add("8 demo", "demo_ready_s", "start to ready", demo.readySeconds(), "s", Target.atMost(20));
    report.add("8 demo", "demo_total_s", "start to exit (samples processed)", demo.totalSeconds(), "s");
    report.add("8 demo", "demo_rss_mb", "peak resident memory", demo.peakRssMb(), "MB", Target.atMost(1536));
    report.note("Demo command: " + String.join(" ", demo.command()));
  }

  private void phase(String name) {
    long now = System.nanoTime();
    String since = lastPhase == 0 ? "" : String.format(java.util.Locale.ROOT, "  (previous phase %.1f s)",
        (now - lastPhase) / 1e9);
    lastPhase = now;
    progress.println("bench: " + name + since);
  }

  @FunctionalInterface
  private interface ThrowingSupplier<T> {
    T get() throws Exception;
  }
}
