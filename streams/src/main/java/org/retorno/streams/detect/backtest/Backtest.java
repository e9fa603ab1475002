package org.retorno.streams.detect.backtest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.retorno.avro.Granularity;
import org.retorno.streams.detect.Detection;
import org.retorno.streams.detect.Evaluation;
import org.retorno.streams.detect.MetricClass;
import org.retorno.streams.detect.SpikeMethod;

/**
 * Holds methods against simulated series with known spikes: probability of detection, false
 * alerts per city-week and delay. Every method sees the same series (drawn once per class and
 * granularity from the plan's seed), so the comparison is paired and the result is the same on
 * every run with the same seed.
 */
public final class Backtest {
  private Backtest() {
  }

  public static BacktestResult run(BacktestPlan plan, List<Candidate> candidates) {
    Map<String, List<SimulatedSeries>> simulated = new HashMap<>();
    for (MetricClass metricClass : plan.classes()) {
      for (Granularity granularity : plan.granularities()) {
        simulated.put(key(metricClass, granularity), SimulatedSeries.draw(plan, metricClass, granularity));
      }
    }
    for (Candidate candidate : candidates) {
      if (!simulated.containsKey(key(candidate.metricClass(), candidate.granularity()))) {
        throw new IllegalArgumentException("the plan has no " + candidate.metricClass() + " "
            + candidate.granularity() + " series for " + candidate.method().spec());
      }
      if (candidate.method().history() > plan.warmup(candidate.granularity())) {
        throw new IllegalArgumentException(candidate.method().spec() + " reads " + candidate.method().history()
            + " periods, more than the plan's warm-up of " + plan.warmup(candidate.granularity()));
      }
    }
    // Each candidate is independent of the others: the work may be shared out, the result is the same.
    List<BacktestRow> rows = candidates.parallelStream()
        .map(candidate -> score(plan, candidate,
            simulated.get(key(candidate.metricClass(), candidate.granularity()))))
        .toList();
    return new BacktestResult(plan, rows);
  }

  private static BacktestRow score(BacktestPlan plan, Candidate candidate, List<SimulatedSeries> series) {
    SpikeMethod method = candidate.method();
    Granularity granularity = candidate.granularity();
    int warmup = plan.warmup(granularity);
    int periodDays = BaseModel.periodDays(granularity);
    int targetDuration = plan.targetDuration(granularity);
    Map<String, long[]> episodesAndPeriods = new LinkedHashMap<>();
    Map<Double, int[]> detectedByFactor = new LinkedHashMap<>();
    int targetSpikes = 0;
    List<Integer> targetDelays = new ArrayList<>();
    for (SimulatedSeries one : series) {
      Evaluation[] base = Detection.run(method, one.base());
      long[] tally = episodesAndPeriods.computeIfAbsent(one.model().distribution(), name -> new long[2]);
      tally[0] += alarmEpisodes(base, warmup);
      tally[1] += base.length - warmup;
      for (SimulatedSeries.Spike spike : one.spikes()) {
        int firstAlarm = firstAlarm(method, spike.applyTo(one.base()), spike, base);
        int[] tallyByFactor = detectedByFactor.computeIfAbsent(spike.factor(), factor -> new int[2]);
        tallyByFactor[1]++;
        if (firstAlarm >= 0) {
          tallyByFactor[0]++;
        }
        if (spike.factor() == BacktestPlan.TARGET_FACTOR && spike.duration() == targetDuration) {
          targetSpikes++;
          if (firstAlarm >= 0) {
            targetDelays.add((firstAlarm - spike.start() + 1) * periodDays);
          }
        }
      }
    }
    long episodes = 0;
    long periods = 0;
    double worst = 0;
    for (long[] tally : episodesAndPeriods.values()) {
      episodes += tally[0];
      periods += tally[1];
      worst = Math.max(worst, per100CityWeeks(tally[0], tally[1], granularity));
    }
    Map<Double, Double> detection = new LinkedHashMap<>();
    detectedByFactor.forEach((factor, tally) -> detection.put(factor, (double) tally[0] / tally[1]));
    return new BacktestRow(candidate.metricClass(), granularity, method.spec(), method.history(),
        periods / BaseModel.periodsPerWeek(granularity), per100CityWeeks(episodes, periods, granularity), worst,
        detection, targetSpikes == 0 ? Double.NaN : (double) targetDelays.size() / targetSpikes,
        median(targetDelays));
  }

  /**
   * The first alarming period of the spike, or -1. The series before the spike is the base
   * series, so the method starts from the base run's carry and judges only the spike's periods.
   */
  private static int firstAlarm(SpikeMethod method, double[] counts, SimulatedSeries.Spike spike, Evaluation[] base) {
    double carry = base[spike.start() - 1].carry();
    for (int t = spike.start(); t < spike.start() + spike.duration(); t++) {
      Evaluation evaluation = method.evaluate(counts, t, carry);
      if (evaluation.alarm()) {
        return t;
      }
      carry = evaluation.carry();
    }
    return -1;
  }

  /** Runs of alarming periods that start at or after {@code from}: one alert per episode. */
  static long alarmEpisodes(Evaluation[] evaluations, int from) {
    long episodes = 0;
    for (int t = from; t < evaluations.length; t++) {
      if (evaluations[t].alarm() && !evaluations[t - 1].alarm()) {
        episodes++;
      }
    }
    return episodes;
  }

  private static double per100CityWeeks(long episodes, long periods, Granularity granularity) {
    double cityWeeks = (double) periods / BaseModel.periodsPerWeek(granularity);
    return 100 * episodes / cityWeeks;
  }

  static double median(List<Integer> values) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    int[] sorted = values.stream().mapToInt(Integer::intValue).toArray();
    Arrays.sort(sorted);
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2.0;
  }

  static String key(MetricClass metricClass, Granularity granularity) {
    return metricClass + "/" + granularity;
  }
}
