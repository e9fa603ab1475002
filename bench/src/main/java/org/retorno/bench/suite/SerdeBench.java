package org.retorno.bench.suite;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.retorno.bench.jmh.SerdeBenchmark;

/**
 * Runs {@link SerdeBenchmark} with JMH and reads, per benchmark and record, operations per
 * CPU-second of the benchmark thread (the rate per core, which the targets are about) and JMH's
 * own operations per second of wall time.
 */
public final class SerdeBench {
  /**
   * For each record ("Claim", ...) and method ("bareEncode", ...): operations per CPU-second of the
   * one benchmark thread, and per second of wall time. On a machine other builds keep busy the
   * thread waits for a core, which lowers the wall-time rate but not the CPU-time one.
   */
  public record Result(Map<String, Map<String, Double>> opsPerSecond, Map<String, Map<String, Double>> wallOpsPerSecond) {
    /** Operations per CPU-second of the benchmark thread: per core. */
    public double ops(String record, String method) {
      return value(opsPerSecond, record, method);
    }

    /** JMH's score: operations per second of wall time. */
    public double wallOps(String record, String method) {
      return value(wallOpsPerSecond, record, method);
    }

    private static double value(Map<String, Map<String, Double>> table, String record, String method) {
      Double value = table.getOrDefault(record, Map.of()).get(method);
      if (value == null) {
        throw new IllegalStateException("serde bench: no result for " + method + " of " + record);
      }
      return value;
    }

    /** Time framed / time bare, i.e. bare ops/s over framed ops/s. */
    public double overhead(String record, String operation) {
      return ops(record, "bare" + operation) / ops(record, "framed" + operation);
    }

    /** Encode and decode together, framed time over bare time. */
    public double roundTripOverhead(String record) {
      double bare = 1 / ops(record, "bareEncode") + 1 / ops(record, "bareDecode");
      double framed = 1 / ops(record, "framedEncode") + 1 / ops(record, "framedDecode");
      return framed / bare;
    }
  }

  private SerdeBench() {}

  /**
   * @param forks 0 runs in this JVM (fast, for smoke tests); 1 or more in fresh JVMs, as JMH
   *     recommends
   */
  public static Result run(int forks, int warmupIterations, int measurementIterations, double iterationSeconds)
      throws RunnerException {
    TimeValue iteration = TimeValue.milliseconds((long) (iterationSeconds * 1000));
    Options options = new OptionsBuilder()
        .include("^" + SerdeBenchmark.class.getName().replace(".", "\\.") + "\\.")
        .forks(forks)
        .threads(1)
        .warmupIterations(warmupIterations)
        .warmupTime(iteration)
        .measurementIterations(measurementIterations)
        .measurementTime(iteration)
        .timeUnit(TimeUnit.SECONDS)
        .shouldFailOnError(true)
        .verbosity(org.openjdk.jmh.runner.options.VerboseMode.SILENT)
        .build();
    Collection<RunResult> results = new Runner(options).run();
    Map<String, Map<String, Double>> perCpuSecond = new HashMap<>();
    Map<String, Map<String, Double>> perWallSecond = new HashMap<>();
    for (RunResult result : results) {
      String label = result.getPrimaryResult().getLabel();
      String record = result.getParams().getParam("record");
      perWallSecond.computeIfAbsent(record, key -> new HashMap<>()).put(label, result.getPrimaryResult().getScore());
      perCpuSecond.computeIfAbsent(record, key -> new HashMap<>()).put(label, perCpuSecond(result, label, record));
    }
    return new Result(perCpuSecond, perWallSecond);
  }

  /** Calls over CPU time, both summed over the measurement iterations by {@link SerdeBenchmark.CpuTime}. */
  private static double perCpuSecond(RunResult result, String label, String record) {
    Map<String, org.openjdk.jmh.results.Result> secondary = result.getSecondaryResults();
    org.openjdk.jmh.results.Result calls = secondary.get("calls");
    org.openjdk.jmh.results.Result cpuNanos = secondary.get("cpuNanos");
    if (calls == null || cpuNanos == null || cpuNanos.getScore() <= 0) {
      throw new IllegalStateException("serde bench: no CPU time for " + label + " of " + record);
    }
    return calls.getScore() / (cpuNanos.getScore() / 1e9);
  }
}
