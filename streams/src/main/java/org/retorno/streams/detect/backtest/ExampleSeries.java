package org.retorno.streams.detect.backtest;

import org.retorno.streams.detect.Detection;
import org.retorno.streams.detect.Evaluation;

/** One simulated series with one injected spike and a method's verdict on every period: what the PNG shows. */
public record ExampleSeries(String title, double[] counts, Evaluation[] evaluations, int spikeStart, int spikeLength,
    int warmup) {

  /**
   * The first city's negative-binomial series of the candidate's class and granularity (first
   * replicate), with its target spike: twice the base mean for two weeks.
   */
  public static ExampleSeries of(BacktestPlan plan, Candidate candidate) {
    SimulatedSeries series = SimulatedSeries.draw(plan, candidate.metricClass(), candidate.granularity()).stream()
        .filter(one -> one.model().dispersion() > 0).findFirst().orElseThrow();
    SimulatedSeries.Spike spike = series.spikes().stream()
        .filter(one -> one.factor() == BacktestPlan.TARGET_FACTOR
            && one.duration() == plan.targetDuration(candidate.granularity()))
        .findFirst().orElseThrow();
    double[] counts = spike.applyTo(series.base());
    BaseModel model = series.model();
    String title = model.city() + ", simulated " + candidate.metricClass().name().toLowerCase() + " ("
        + model.distribution() + ", mean " + Math.round(model.mean() * 10) / 10.0 + " per "
        + (candidate.granularity().name().equals("WEEK") ? "week" : "day") + "), 2x spike for 2 weeks; "
        + candidate.method().spec();
    return new ExampleSeries(title, counts, Detection.run(candidate.method(), counts), spike.start(),
        spike.duration(), plan.warmup(candidate.granularity()));
  }
}
