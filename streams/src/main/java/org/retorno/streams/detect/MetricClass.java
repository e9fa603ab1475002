package org.retorno.streams.detect;

import org.retorno.avro.Category;

/**
 * The kinds of series, which behave differently: VOLUME series (returns, AVR enrollments and
 * departures, in-absentia orders) run to tens or hundreds a week and are overdispersed; HARM
 * series (each harm type, and refoulement, which is counted like one) are sparse, mostly zero;
 * COVERAGE is documents, never events. Each class has its own default method.
 */
public enum MetricClass {
  VOLUME, HARM, COVERAGE;

  /** VOLUME for the program counts, HARM for the harm types and refoulement; never COVERAGE. */
  public static MetricClass of(Category category) {
    return switch (category) {
      case MPP_RETURN, AVR_ENROLLMENT, AVR_DEPARTURE, IN_ABSENTIA_ORDER -> VOLUME;
      default -> HARM;
    };
  }
}
