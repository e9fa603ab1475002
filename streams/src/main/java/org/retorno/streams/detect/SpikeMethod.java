package org.retorno.streams.detect;

import java.util.Map;

/**
 * A spike detection method over one count series (one city, one metric, one granularity).
 *
 * <p>Methods are pure: {@link #evaluate} reads the counts of period {@code t} and of the
 * {@link #history()} periods before it, plus the {@code carry} the previous period's evaluation
 * handed on, and nothing else. A caller that keeps those counts and the last carry per series can
 * judge each new period, and re-judge a revised one, without replaying the whole series.
 */
public interface SpikeMethod {

  /** The name used on the command line, in configuration and in alerts: c1, c2, c3, c3-cdc, cusum. */
  String name();

  /** Every parameter, by its configuration name, so an alert says exactly how it was raised. */
  Map<String, String> parameters();

  /** How many periods before {@code t} the method reads. */
  int history();

  /**
   * Judges period {@code t} of {@code counts}.
   *
   * @param counts the series, oldest first; only {@code counts[t - history()] .. counts[t]} are read
   * @param t the period to judge, at least {@link #history()}
   * @param carry the previous period's {@link Evaluation#carry()}, 0 for the first judged period
   */
  Evaluation evaluate(double[] counts, int t, double carry);

  /** {@code name} followed by its parameters, as {@link SpikeMethods#parse} reads it back. */
  default String spec() {
    StringBuilder spec = new StringBuilder(name());
    String separator = ":";
    for (Map.Entry<String, String> parameter : parameters().entrySet()) {
      spec.append(separator).append(parameter.getKey()).append('=').append(parameter.getValue());
      separator = ",";
    }
    return spec.toString();
  }
}
