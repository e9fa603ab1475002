package org.retorno.streams.detect.backtest;

import java.util.List;
import org.retorno.avro.Granularity;
import org.retorno.streams.detect.MetricClass;

/**
 * What a backtest simulates. Each base series has {@code warmupWeeks} of history and then
 * {@code evaluationWeeks} in which false alerts are counted and spikes injected; each spike is
 * {@code factor} times the base mean for a number of periods (1 to 4, and for daily series also 7
 * and 14 days). The target scenario is the issue's: a doubling that lasts two weeks.
 */
public record BacktestPlan(long seed, int replicates, int warmupWeeks, int evaluationWeeks, List<Double> factors,
    List<MetricClass> classes, List<Granularity> granularities, SeriesScope scope) {
  public static final double TARGET_FACTOR = 2;
  public static final int TARGET_WEEKS = 2;

  public BacktestPlan {
    if (replicates < 1 || warmupWeeks < 1 || evaluationWeeks < 1) {
      throw new IllegalArgumentException("a backtest needs at least one replicate, warm-up week and evaluation week");
    }
    factors = List.copyOf(factors);
    classes = List.copyOf(classes);
    granularities = List.copyOf(granularities);
    if (scope == null) {
      throw new IllegalArgumentException("a backtest needs a series scope (city or border)");
    }
  }

  /** Per-city series, as the topology keeps them. */
  public BacktestPlan(long seed, int replicates, int warmupWeeks, int evaluationWeeks, List<Double> factors,
      List<MetricClass> classes, List<Granularity> granularities) {
    this(seed, replicates, warmupWeeks, evaluationWeeks, factors, classes, granularities, SeriesScope.CITY);
  }

  /** The same plan over series of another scope. */
  public BacktestPlan withScope(SeriesScope newScope, int newReplicates) {
    return new BacktestPlan(seed, newReplicates, warmupWeeks, evaluationWeeks, factors, classes, granularities,
        newScope);
  }

  /** The run behind the chosen defaults: 20 replicates of two years per city, model and granularity. */
  public static BacktestPlan standard(long seed) {
    return new BacktestPlan(seed, 20, 26, 104, List.of(1.5, 2.0, 3.0),
        List.of(MetricClass.VOLUME, MetricClass.HARM), List.of(Granularity.WEEK, Granularity.DAY));
  }

  /** Spike lengths in periods. */
  public List<Integer> durations(Granularity granularity) {
    return granularity == Granularity.WEEK ? List.of(1, 2, 3, 4) : List.of(1, 2, 3, 4, 7, 14);
  }

  /** Two weeks, in periods. */
  public int targetDuration(Granularity granularity) {
    return TARGET_WEEKS * BaseModel.periodsPerWeek(granularity);
  }

  int warmup(Granularity granularity) {
    return warmupWeeks * BaseModel.periodsPerWeek(granularity);
  }

  int length(Granularity granularity) {
    return (warmupWeeks + evaluationWeeks) * BaseModel.periodsPerWeek(granularity);
  }
}
