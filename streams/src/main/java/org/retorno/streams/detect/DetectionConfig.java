package org.retorno.streams.detect;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.retorno.avro.Category;
import org.retorno.avro.Granularity;

/**
 * Which method watches which series: by class (VOLUME, HARM) and granularity, overridable per
 * category. The defaults are what {@code retorno backtest} chose (seed 1, the standard plan, the
 * wide grid; see {@code backtest.BacktestGrid}): against the targets the
 * negative-binomial CUSUM beat EARS C1-C3 everywhere, as in the published comparisons.
 *
 * <p>Configuration keys: {@code detect.<VOLUME|HARM|category>.<week|day> = spec}, the spec as
 * {@link SpikeMethods#parse} reads it, e.g. {@code detect.KIDNAPPING.week=c2:min-sigma=1}. A
 * category key wins over its class key, which wins over the default.
 */
public final class DetectionConfig {
  public static final String PREFIX = "detect.";
  /** The granularities with settings of their own. */
  private static final List<Granularity> JUDGED = List.of(Granularity.DAY, Granularity.WEEK);

  /** Volume, weekly: 94% of 2x two-week spikes, 0.33 false alerts per 100 city-weeks. */
  public static final String VOLUME_WEEKLY =
      "cusum:ratio=2,dispersion=0.05,threshold=3.5,baseline=13,guard=1,min-mean=0.5";
  /** Volume, daily: 93% of 2x two-week spikes, median delay 3 days, 0.58 false alerts per 100 city-weeks. */
  public static final String VOLUME_DAILY =
      "cusum:ratio=2,dispersion=0.05,threshold=5.5,baseline=28,guard=7,min-mean=0.5";
  /**
   * Harm, weekly: the quietest useful chart. Sparse harm counts cannot reach the detection target
   * with any method: the oracle bound ({@code backtest.OracleBound}) finds 26% of 2x two-week spikes
   * at these rates, this finds 9% within the false-alert budget.
   */
  public static final String HARM_WEEKLY =
      "cusum:ratio=2,dispersion=0.5,threshold=3,baseline=8,guard=1,min-mean=0.25";
  /** Harm, daily: as weekly; a day rarely holds more than one report, so prefer the weekly series. */
  public static final String HARM_DAILY =
      "cusum:ratio=2,dispersion=0.5,threshold=4,baseline=28,guard=7,min-mean=0.1";

  private final Map<String, SpikeMethod> byClass;
  private final Map<String, SpikeMethod> byCategory;

  private DetectionConfig(Map<String, SpikeMethod> byClass, Map<String, SpikeMethod> byCategory) {
    this.byClass = Map.copyOf(byClass);
    this.byCategory = Map.copyOf(byCategory);
  }

  public static DetectionConfig defaults() {
    Map<String, SpikeMethod> byClass = new LinkedHashMap<>();
    for (MetricClass metricClass : List.of(MetricClass.VOLUME, MetricClass.HARM)) {
      for (Granularity granularity : JUDGED) {
        byClass.put(key(metricClass.name(), granularity), SpikeMethods.parse(defaultSpec(metricClass, granularity)));
      }
    }
    return new DetectionConfig(byClass, Map.of());
  }

  /**
   * The shipped spec for a class and granularity (a month takes the weekly one); coverage has
   * none, it is never alerted on.
   */
  public static String defaultSpec(MetricClass metricClass, Granularity granularity) {
    boolean weekly = settingsOf(granularity) == Granularity.WEEK;
    return switch (metricClass) {
      case VOLUME -> weekly ? VOLUME_WEEKLY : VOLUME_DAILY;
      case HARM -> weekly ? HARM_WEEKLY : HARM_DAILY;
      case COVERAGE -> throw new IllegalArgumentException("coverage is never alerted on: it has no spike method");
    };
  }

  /** The defaults with every {@code detect.*} key of {@code properties} applied; unknown keys are refused. */
  public static DetectionConfig fromProperties(Properties properties) {
    DetectionConfig defaults = defaults();
    Map<String, SpikeMethod> byClass = new LinkedHashMap<>(defaults.byClass);
    Map<String, SpikeMethod> byCategory = new LinkedHashMap<>();
    for (String name : properties.stringPropertyNames()) {
      if (!name.startsWith(PREFIX)) {
        continue;
      }
      String[] parts = name.substring(PREFIX.length()).split("\\.");
      if (parts.length != 2) {
        throw new IllegalArgumentException(name + ": use detect.<VOLUME|HARM|category>.<week|day>");
      }
      Granularity granularity = granularity(name, parts[1]);
      SpikeMethod method;
      try {
        method = SpikeMethods.parse(properties.getProperty(name));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
      }
      String target = parts[0].toUpperCase(Locale.ROOT);
      if (target.equals(MetricClass.VOLUME.name()) || target.equals(MetricClass.HARM.name())) {
        byClass.put(key(target, granularity), method);
      } else if (isCategory(target)) {
        byCategory.put(key(target, granularity), method);
      } else {
        throw new IllegalArgumentException(name + ": '" + parts[0] + "' is neither VOLUME, HARM nor a category");
      }
    }
    return new DetectionConfig(byClass, byCategory);
  }

  /** The method for one category's series at one granularity; monthly series take the weekly settings. */
  public SpikeMethod method(Category category, Granularity granularity) {
    Granularity settings = settingsOf(granularity);
    SpikeMethod specific = byCategory.get(key(category.name(), settings));
    return specific != null ? specific : byClass.get(key(MetricClass.of(category).name(), settings));
  }

  /** Every category at the configured granularities (day, week) with its method's spec, for logs and the API. */
  public Map<String, String> describe() {
    Map<String, String> description = new LinkedHashMap<>();
    for (Granularity granularity : JUDGED) {
      for (Category category : Category.values()) {
        description.put(key(category.name(), granularity), method(category, granularity).spec());
      }
    }
    return description;
  }

  /** Months are aggregates of sparse reports like weeks, and too few for settings of their own. */
  private static Granularity settingsOf(Granularity granularity) {
    return granularity == Granularity.DAY ? Granularity.DAY : Granularity.WEEK;
  }

  private static String key(String target, Granularity granularity) {
    return target + "." + granularity.name().toLowerCase(Locale.ROOT);
  }

  private static Granularity granularity(String name, String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "week" -> Granularity.WEEK;
      case "day" -> Granularity.DAY;
      default -> throw new IllegalArgumentException(name + ": granularity '" + text + "' is neither week nor day");
    };
  }

  private static boolean isCategory(String name) {
    return Arrays.stream(Category.values()).anyMatch(category -> category.name().equals(name));
  }
}
