package org.retorno.streams.detect;

import java.util.Optional;
import org.retorno.avro.Category;

/** Rules the numbers alone miss, as pure functions the topology calls before it writes an alert. */
public final class AlertRules {
  private AlertRules() {
  }

  /**
   * The category a spike on this series is reported under: the event category, and nothing for
   * coverage. A rise in coverage is never a spike in harms (nor in returns): no {@code SpikeAlert}
   * can be made from it, whatever its statistic says.
   */
  public static Optional<Category> spikeCategory(Metric metric) {
    return metric instanceof Metric.Events events ? Optional.of(events.category()) : Optional.empty();
  }

  /**
   * Refuses a coverage series where a harm series is expected, for code that builds harm series
   * from counts: documents per city must never be added into, or stand in for, a harm count.
   */
  public static Category requireHarm(Metric metric) {
    if (metric instanceof Metric.Events events && events.metricClass() == MetricClass.HARM) {
      return events.category();
    }
    throw new IllegalArgumentException(metric + " is not a harm series: only event counts of a harm category are");
  }

  /** True for the harm categories (and refoulement), false for program volumes. */
  public static boolean isHarm(Category category) {
    return MetricClass.of(category) == MetricClass.HARM;
  }
}
