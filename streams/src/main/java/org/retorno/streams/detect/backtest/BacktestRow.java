package org.retorno.streams.detect.backtest;

import java.util.Map;
import org.retorno.avro.Granularity;
import org.retorno.streams.detect.MetricClass;

/**
 * How one method did on one class and granularity.
 *
 * @param method the method's spec ({@code c2:baseline=7,alpha=0.001,min-sigma=1})
 * @param history the periods the method reads before the judged one: a new city's warm-up
 * @param cityWeeks city-weeks of spike-free series watched
 * @param falseAlertsPer100CityWeeks alert episodes (runs of alarming periods) per 100 city-weeks on
 *     the spike-free series, Poisson and negative binomial together
 * @param worstFalseAlertsPer100CityWeeks the same for the worse of the two distributions
 * @param detectionByFactor share of spikes (all lengths) with an alarm while they last, by factor
 * @param detectionTarget share of the target spikes (2x lasting two weeks) detected
 * @param medianDelayDays median days from a target spike's start to the end of the period that
 *     first alarmed (a weekly alarm in the spike's first week counts 7); NaN when none was detected
 */
public record BacktestRow(MetricClass metricClass, Granularity granularity, String method, int history, long cityWeeks,
    double falseAlertsPer100CityWeeks, double worstFalseAlertsPer100CityWeeks, Map<Double, Double> detectionByFactor,
    double detectionTarget, double medianDelayDays) {
  public static final double MAX_FALSE_ALERTS_PER_100_CITY_WEEKS = 1;
  public static final double MIN_TARGET_DETECTION = 0.8;
  public static final double MAX_DAILY_MEDIAN_DELAY_DAYS = 7;

  public BacktestRow {
    detectionByFactor = Map.copyOf(detectionByFactor);
  }

  /** At most 1 false alert per 100 city-weeks (for either distribution). */
  public boolean quietEnough() {
    return worstFalseAlertsPer100CityWeeks <= MAX_FALSE_ALERTS_PER_100_CITY_WEEKS;
  }

  /** Median delay at most 7 days; asked of daily series only. */
  public boolean fastEnough() {
    return granularity != Granularity.DAY || medianDelayDays <= MAX_DAILY_MEDIAN_DELAY_DAYS;
  }

  /** All of the targets. */
  public boolean meetsTargets() {
    return quietEnough() && fastEnough() && detectionTarget >= MIN_TARGET_DETECTION;
  }
}
