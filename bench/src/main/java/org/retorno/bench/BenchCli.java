package org.retorno.bench;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.retorno.bench.report.BenchReport;
import org.retorno.bench.report.Machine;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code retorno bench}: the benchmark suite, printed as a Markdown table. */
@Command(name = "retorno bench", mixinStandardHelpOptions = true,
    description = {"Measure the pipeline against the broker and a bare Kafka Streams peer, in one run on an embedded",
        "broker: every figure is a ratio to something measured in the same run. Prints a Markdown table."})
public final class BenchCli implements Callable<Integer> {
  @Option(names = "--quick", description = "Tiny volumes: checks that every figure is produced, in a minute or two.")
  boolean quick;

  @Option(names = "--json", paramLabel = "FILE", description = "Also write the figures as a JSON object to FILE.")
  Path json;

  @Option(names = "--claims", paramLabel = "N", description = "Rows preloaded for the catch-up runs (default 2000000; quick 10000).")
  Long claims;

  @Option(names = "--streams-budget", paramLabel = "SECONDS",
      description = "Longest the full topology may catch up before its rate over what it did is taken (default 90).")
  Long streamsBudget;

  @Option(names = "--profile", paramLabel = "FILE.jfr",
      description = "Record the full topology's catch-up with JDK Flight Recorder and print where the time went.")
  Path profile;

  @Option(names = {"-X", "--streams-config"}, paramLabel = "KEY=VALUE",
      description = "A Kafka Streams setting for the reference and the full topology alike (experiments: commit.interval.ms, statestore.cache.max.bytes).")
  Map<String, String> streamsOverrides = new LinkedHashMap<>();

  @Option(names = "--latency-rate", paramLabel = "ROWS_PER_S",
      description = "Steady rate of the end-to-end latency measurement (default 1000); lower it to see the commit path's floor.")
  Integer latencyRate;

  @Option(names = "--latency-seconds", paramLabel = "SECONDS", description = "How long the latency measurement sends (default 10).")
  Integer latencySeconds;

  @Option(names = "--no-scaling", description = "Skip the reruns with 80/800 cities, 2 threads, 1 year.")
  boolean noScaling;

  @Option(names = "--no-demo", description = "Skip timing retorno demo.")
  boolean noDemo;

  @Option(names = "--samples", defaultValue = "${env:RETORNO_SAMPLES:-samples}", paramLabel = "DIR",
      description = "The shipped samples (news/, reports/, counts/) (default ${DEFAULT-VALUE}).")
  Path samples;

  @Option(names = "--data-dir", paramLabel = "DIR", description = "Keep broker and state data here (default: a temporary directory, deleted).")
  Path dataDir;

  private final String[] args;

  BenchCli(String[] args) {
    this.args = args.clone();
  }

  public static void main(String[] args) {
    System.exit(run(args));
  }

  public static int run(String... args) {
    CommandLine cli = new CommandLine(new BenchCli(args));
    cli.setExecutionExceptionHandler((exception, commandLine, parseResult) -> {
      PrintWriter err = commandLine.getErr();
      err.println("retorno bench: " + oneLine(exception));
      err.flush();
      return 1;
    });
    return cli.execute(args);
  }

  @Override
  public Integer call() throws Exception {
    if (!Files.isDirectory(samples)) {
      throw new IllegalArgumentException("samples directory " + samples.toAbsolutePath() + " does not exist (use --samples DIR)");
    }
    BenchOptions options = quick ? BenchOptions.quick(samples) : BenchOptions.full(samples);
    if (claims != null) {
      options = options.withClaims(claims);
    }
    if (streamsBudget != null) {
      options = options.withStreamsBudget(Duration.ofSeconds(streamsBudget));
    }
    if (latencyRate != null || latencySeconds != null) {
      options = options.withLatency(latencyRate != null ? latencyRate : options.latencyRate(),
          latencySeconds != null ? latencySeconds : options.latencySeconds());
    }
    options = options.withSections(!noScaling, !noDemo).withPlaces(dataDir, profile)
        .withStreamsOverrides(streamsOverrides);
    long started = System.nanoTime();
    BenchReport report = new BenchReport(Machine.describe(), "retorno bench " + String.join(" ", args));
    new BenchSuite(options, System.err).run(report);
    report.add("run", "bench_seconds", "whole bench run", (System.nanoTime() - started) / 1e9, "s");
    System.out.print(report.markdown());
    if (json != null) {
      report.writeJson(json);
    }
    return 0;
  }

  static String oneLine(Throwable exception) {
    Throwable cause = exception;
    while (cause.getMessage() == null && cause.getCause() != null) {
      cause = cause.getCause();
    }
    String message = cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
    return message.lines().findFirst().orElse(message);
  }
}
