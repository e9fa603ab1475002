package org.retorno.streams.detect.backtest;

import java.util.ArrayList;
import java.util.List;
import org.retorno.avro.Granularity;
import org.retorno.streams.detect.MetricClass;

/** One spike-free base series and the spikes injected into copies of it. */
record SimulatedSeries(BaseModel model, double[] base, List<Spike> spikes) {

  /** Extra counts added to {@code base[start .. start + extra.length - 1]}. */
  record Spike(double factor, int start, double[] extra) {
    int duration() {
      return extra.length;
    }

    /** The base series with this spike added. */
    double[] applyTo(double[] base) {
      double[] counts = base.clone();
      for (int i = 0; i < extra.length; i++) {
        counts[start + i] += extra[i];
      }
      return counts;
    }
  }

  /**
   * Every series of one class and granularity, drawn from the plan's seed: per city and
   * distribution, {@code replicates} base series, each with one spike of every factor and length.
   */
  static List<SimulatedSeries> draw(BacktestPlan plan, MetricClass metricClass, Granularity granularity) {
    List<SimulatedSeries> all = new ArrayList<>();
    List<BaseModel> models = CityRates.models(metricClass, granularity, plan.scope());
    int length = plan.length(granularity);
    int warmup = plan.warmup(granularity);
    for (int m = 0; m < models.size(); m++) {
      BaseModel model = models.get(m);
      for (int r = 0; r < plan.replicates(); r++) {
        CountSampler sampler = new CountSampler(CountSampler.seedFor(plan.seed(), metricClass.ordinal(),
            granularity.ordinal(), m, r));
        double[] base = new double[length];
        for (int t = 0; t < length; t++) {
          base[t] = sampler.draw(model.mean(), model.dispersion());
        }
        List<Spike> spikes = new ArrayList<>();
        for (double factor : plan.factors()) {
          for (int duration : plan.durations(granularity)) {
            int start = sampler.index(warmup, length - duration + 1);
            double[] extra = new double[duration];
            for (int i = 0; i < duration; i++) {
              extra[i] = sampler.draw(model.mean() * (factor - 1), model.dispersion());
            }
            spikes.add(new Spike(factor, start, extra));
          }
        }
        all.add(new SimulatedSeries(model, base, spikes));
      }
    }
    return all;
  }
}
