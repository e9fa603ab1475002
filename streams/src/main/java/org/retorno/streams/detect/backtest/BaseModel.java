package org.retorno.streams.detect.backtest;

import org.retorno.avro.Granularity;
import org.retorno.streams.detect.MetricClass;

/**
 * A base series without spikes: one city's counts of one class of metric, Poisson when
 * {@code dispersion} is 0, otherwise negative binomial with Var = mu + dispersion * mu^2.
 *
 * @param weeklyMean the city-level rate per week; a daily series has a seventh of it per day
 */
public record BaseModel(String city, MetricClass metricClass, Granularity granularity, double weeklyMean,
    double dispersion) {

  public BaseModel {
    if (!(weeklyMean > 0) || !(dispersion >= 0)) {
      throw new IllegalArgumentException("a base model needs a weekly mean > 0 and a dispersion >= 0");
    }
  }

  /** The mean per period. */
  public double mean() {
    return weeklyMean / periodsPerWeek(granularity);
  }

  public String distribution() {
    return dispersion == 0 ? "Poisson" : "NB";
  }

  static int periodsPerWeek(Granularity granularity) {
    return granularity == Granularity.WEEK ? 1 : 7;
  }

  static int periodDays(Granularity granularity) {
    return granularity == Granularity.WEEK ? 7 : 1;
  }
}
