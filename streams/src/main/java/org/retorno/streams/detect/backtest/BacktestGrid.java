package org.retorno.streams.detect.backtest;

import java.util.ArrayList;
import java.util.List;
import org.retorno.avro.Granularity;
import org.retorno.streams.detect.MetricClass;

/**
 * The methods a backtest tries for each class and granularity: R's EARS as analysts know it (C1,
 * C2, C3 with minSigma 0, 0.5, 1; the CDC's C3; C1 and C2 with a smaller alpha) and a grid of
 * Poisson and negative-binomial CUSUMs (shift, dispersion, threshold, baseline length, floor of the
 * in-control mean). The per-metric defaults in {@code DetectionConfig} are what
 * {@link BacktestResult#chosen()} picks from this grid with {@code BacktestPlan.standard(1)}.
 */
public final class BacktestGrid {
  private BacktestGrid() {
  }

  public static List<Candidate> wide(List<MetricClass> classes, List<Granularity> granularities) {
    List<Candidate> candidates = new ArrayList<>();
    for (MetricClass metricClass : classes) {
      for (Granularity granularity : granularities) {
        candidates.addAll(ears(metricClass, granularity));
        candidates.addAll(cusums(metricClass, granularity));
      }
    }
    return candidates;
  }

  static List<Candidate> ears(MetricClass metricClass, Granularity granularity) {
    List<Candidate> candidates = new ArrayList<>();
    for (String method : List.of("c1", "c2", "c3")) {
      for (String minSigma : List.of("0", "0.5", "1")) {
        candidates.add(Candidate.of(metricClass, granularity, method + ":min-sigma=" + minSigma));
      }
    }
    for (String minSigma : List.of("0.5", "1")) {
      candidates.add(Candidate.of(metricClass, granularity, "c3-cdc:min-sigma=" + minSigma));
    }
    for (String method : List.of("c1", "c2")) {
      for (String alpha : List.of("0.0001", "0.00001")) {
        candidates.add(Candidate.of(metricClass, granularity, method + ":min-sigma=1,alpha=" + alpha));
      }
    }
    return candidates;
  }

  static List<Candidate> cusums(MetricClass metricClass, Granularity granularity) {
    boolean weekly = granularity == Granularity.WEEK;
    boolean volume = metricClass == MetricClass.VOLUME;
    List<Integer> baselines = weekly ? List.of(8, 13, 25) : List.of(28, 56, 91);
    int guard = weekly ? 1 : 7;
    List<String> minMeans = volume ? List.of("0.5") : weekly ? List.of("0.1", "0.25", "0.5") : List.of("0.02", "0.05", "0.1");
    List<String> ratios = volume ? List.of("1.5", "2") : List.of("2", "3");
    List<String> thresholds = volume
        ? (weekly ? List.of("3", "3.5", "4", "4.5") : List.of("5", "5.5", "6", "6.5", "7"))
        : List.of("1.5", "2", "2.5", "3", "4");
    List<String> dispersions = List.of("0", Double.toString(CityRates.dispersion(metricClass)));
    List<Candidate> candidates = new ArrayList<>();
    for (int baseline : baselines) {
      for (String minMean : minMeans) {
        for (String ratio : ratios) {
          for (String dispersion : dispersions) {
            for (String threshold : thresholds) {
              candidates.add(Candidate.of(metricClass, granularity, "cusum:ratio=" + ratio + ",dispersion=" + dispersion
                  + ",threshold=" + threshold + ",baseline=" + baseline + ",guard=" + guard + ",min-mean=" + minMean));
            }
          }
        }
      }
    }
    return candidates;
  }
}
