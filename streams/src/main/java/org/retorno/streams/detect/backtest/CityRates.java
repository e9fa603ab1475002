package org.retorno.streams.detect.backtest;

import java.util.ArrayList;
import java.util.List;
import org.retorno.avro.Granularity;
import org.retorno.streams.detect.MetricClass;

/**
 * Base rates per city for the backtest: weekly means of a VOLUME series (MPP returns as the
 * pipeline counts them from case tables and reports, 2019) and of a HARM series (reports of one
 * harm type, such as kidnapping), with an overdispersion for the negative-binomial variant. They
 * are orders of magnitude, not data: the pipeline sees a share of what happened, lumpy and late.
 */
public final class CityRates {
  /** City, weekly volume, weekly harm. */
  private static final Object[][] RATES = {
      {"Ciudad Juárez", 250.0, 3.0},
      {"Matamoros", 200.0, 3.0},
      {"Nuevo Laredo", 150.0, 4.0},
      {"Tijuana", 120.0, 2.0},
      {"Mexicali", 40.0, 0.5},
      {"Nogales", 25.0, 0.6},
      {"Reynosa", 15.0, 1.5},
      {"Piedras Negras", 10.0, 0.3},
  };
  /** Negative binomial dispersion: volume CV about 0.25 at 250 a week; harm reports cluster more. */
  public static final double VOLUME_DISPERSION = 0.05;
  public static final double HARM_DISPERSION = 0.5;

  private CityRates() {
  }

  /** Every city, Poisson and negative binomial, for one class and granularity. */
  public static List<BaseModel> models(MetricClass metricClass, Granularity granularity) {
    return models(metricClass, granularity, SeriesScope.CITY);
  }

  /**
   * The base models of a scope: every city, or for {@link SeriesScope#BORDER} one series with the
   * cities' rates added up. The border series keeps the class's dispersion, though independent
   * cities would add up to a smaller one: reporting comes in waves that cross cities.
   */
  public static List<BaseModel> models(MetricClass metricClass, Granularity granularity, SeriesScope scope) {
    double dispersion = dispersion(metricClass);
    List<BaseModel> models = new ArrayList<>();
    if (scope == SeriesScope.BORDER) {
      double weekly = 0;
      for (Object[] rate : RATES) {
        weekly += weekly(rate, metricClass);
      }
      models.add(new BaseModel("all cities", metricClass, granularity, weekly, 0));
      models.add(new BaseModel("all cities", metricClass, granularity, weekly, dispersion));
      return models;
    }
    for (Object[] rate : RATES) {
      models.add(new BaseModel((String) rate[0], metricClass, granularity, weekly(rate, metricClass), 0));
      models.add(new BaseModel((String) rate[0], metricClass, granularity, weekly(rate, metricClass), dispersion));
    }
    return models;
  }

  private static double weekly(Object[] rate, MetricClass metricClass) {
    return (double) (metricClass == MetricClass.VOLUME ? rate[1] : rate[2]);
  }

  /** The dispersion a negative-binomial method should assume for a class. */
  public static double dispersion(MetricClass metricClass) {
    return metricClass == MetricClass.VOLUME ? VOLUME_DISPERSION : HARM_DISPERSION;
  }
}
