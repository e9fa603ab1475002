package org.retorno.streams.detect;

import org.retorno.avro.Category;

/**
 * What a series counts: events of one category, or coverage (documents that mention a city). They
 * are different kinds on purpose: coverage measures attention, so a media storm about one
 * kidnapping must never read as a rise in kidnappings. Only {@link Events} carry a category, and
 * only a category can be alerted on ({@link AlertRules#spikeCategory}).
 */
public sealed interface Metric {

  MetricClass metricClass();

  static Metric of(Category category) {
    return new Events(category);
  }

  static Metric coverage() {
    return Coverage.INSTANCE;
  }

  /** Events of one category, counted once per real-world event with their conservative figure. */
  record Events(Category category) implements Metric {
    public Events {
      if (category == null) {
        throw new IllegalArgumentException("an event metric needs a category");
      }
    }

    @Override
    public MetricClass metricClass() {
      return MetricClass.of(category);
    }
  }

  /** Documents per city and day: how much is written, not how much happened. */
  enum Coverage implements Metric {
    INSTANCE;

    @Override
    public MetricClass metricClass() {
      return MetricClass.COVERAGE;
    }

    @Override
    public String toString() {
      return "COVERAGE";
    }
  }
}
