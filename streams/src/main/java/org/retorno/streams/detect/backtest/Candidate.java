package org.retorno.streams.detect.backtest;

import org.retorno.avro.Granularity;
import org.retorno.streams.detect.MetricClass;
import org.retorno.streams.detect.SpikeMethod;
import org.retorno.streams.detect.SpikeMethods;

/** A method with its parameters, tried on the series of one class and granularity. */
public record Candidate(MetricClass metricClass, Granularity granularity, SpikeMethod method) {

  public static Candidate of(MetricClass metricClass, Granularity granularity, String spec) {
    return new Candidate(metricClass, granularity, SpikeMethods.parse(spec));
  }
}
