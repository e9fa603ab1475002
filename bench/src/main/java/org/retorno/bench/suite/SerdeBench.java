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

/** Runs {@link SerdeBenchmark} with JMH and reads operations per second per benchmark and record. */
public final class SerdeBench {
  /** Operations per second of each method ("bareEncode", ...) for each record ("Claim", ...). */
  public record Result(Map<String, Map<String, Double>> opsPerSecond) {
    public double ops(String record, String method) {
      Double value = opsPerSecond.getOrDefault(record, Map.of()).get(method);
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
    Map<String, Map<String, Double>> ops = new HashMap<>();
    for (RunResult result : results) {
      String label = result.getPrimaryResult().getLabel();
      String record = result.getParams().getParam("record");
      ops.computeIfAbsent(record, key -> new HashMap<>()).put(label, result.getPrimaryResult().getScore());
    }
    return new Result(ops);
  }
}
