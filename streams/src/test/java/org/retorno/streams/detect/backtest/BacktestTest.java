package org.retorno.streams.detect.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.retorno.avro.Granularity;
import org.retorno.streams.detect.DetectionConfig;
import org.retorno.streams.detect.Evaluation;
import org.retorno.streams.detect.MetricClass;

class BacktestTest {
  private static final List<MetricClass> CLASSES = List.of(MetricClass.VOLUME, MetricClass.HARM);
  private static final List<Granularity> GRANULARITIES = List.of(Granularity.WEEK, Granularity.DAY);

  private static BacktestPlan small(long seed, List<Double> factors) {
    return new BacktestPlan(seed, 2, 26, 20, factors, CLASSES, GRANULARITIES);
  }

  private static List<Candidate> candidates() {
    List<Candidate> candidates = new ArrayList<>();
    for (MetricClass metricClass : CLASSES) {
      for (Granularity granularity : GRANULARITIES) {
        candidates.add(Candidate.of(metricClass, granularity, "c2"));
        candidates.add(Candidate.of(metricClass, granularity, "c3-cdc:min-sigma=1"));
        candidates.add(Candidate.of(metricClass, granularity, DetectionConfig.defaultSpec(metricClass, granularity)));
      }
    }
    return candidates;
  }

  @Test
  void everyRowIsWellFormed() {
    BacktestPlan plan = small(7, List.of(1.5, 2.0, 3.0));
    BacktestResult result = Backtest.run(plan, candidates());
    assertThat(result.rows()).hasSize(12);
    for (BacktestRow row : result.rows()) {
      // 8 cities x 2 distributions x 2 replicates x 20 weeks
      assertThat(row.cityWeeks()).isEqualTo(640);
      assertThat(row.falseAlertsPer100CityWeeks()).isBetween(0.0, 100.0 * BaseModel.periodsPerWeek(row.granularity()));
      assertThat(row.worstFalseAlertsPer100CityWeeks()).isGreaterThanOrEqualTo(row.falseAlertsPer100CityWeeks());
      assertThat(row.detectionByFactor()).containsOnlyKeys(1.5, 2.0, 3.0);
      assertThat(row.detectionByFactor().values()).allSatisfy(share -> assertThat(share).isBetween(0.0, 1.0));
      assertThat(row.detectionTarget()).isBetween(0.0, 1.0);
      if (row.detectionTarget() > 0) {
        int periodDays = BaseModel.periodDays(row.granularity());
        assertThat(row.medianDelayDays()).isBetween((double) periodDays, 14.0);
        assertThat(row.medianDelayDays() * 2 % periodDays).isZero();
      } else {
        assertThat(row.medianDelayDays()).isNaN();
      }
      assertThat(row.meetsTargets()).isEqualTo(row.quietEnough() && row.fastEnough() && row.detectionTarget() >= 0.8);
    }
    assertThat(result.chosen()).containsOnlyKeys("VOLUME/WEEK", "VOLUME/DAY", "HARM/WEEK", "HARM/DAY");
    result.chosen().forEach((key, row) -> assertThat(key).isEqualTo(row.metricClass() + "/" + row.granularity()));
  }

  @Test
  void theSameSeedGivesTheSameResult() {
    BacktestPlan plan = small(11, List.of(2.0));
    assertThat(Backtest.run(plan, candidates()).rows()).isEqualTo(Backtest.run(plan, candidates()).rows());
    double[] one = SimulatedSeries.draw(plan, MetricClass.VOLUME, Granularity.WEEK).get(0).base();
    double[] again = SimulatedSeries.draw(plan, MetricClass.VOLUME, Granularity.WEEK).get(0).base();
    double[] other = SimulatedSeries.draw(small(12, List.of(2.0)), MetricClass.VOLUME, Granularity.WEEK).get(0).base();
    assertThat(again).isEqualTo(one);
    assertThat(other).isNotEqualTo(one);
  }

  @Test
  void simulatedSeriesHaveTheirCitysRateAndOneSpikePerFactorAndLength() {
    BacktestPlan plan = new BacktestPlan(3, 3, 26, 104, List.of(1.5, 3.0), CLASSES, GRANULARITIES);
    List<SimulatedSeries> all = SimulatedSeries.draw(plan, MetricClass.VOLUME, Granularity.WEEK);
    assertThat(all).hasSize(8 * 2 * 3);
    SimulatedSeries juarez = all.get(0);
    assertThat(juarez.model().city()).isEqualTo("Ciudad Juárez");
    assertThat(juarez.base()).hasSize(130);
    double mean = Arrays.stream(juarez.base()).average().orElseThrow();
    assertThat(mean).isBetween(240.0, 260.0); // Poisson(250): the mean of 130 weeks is within 250 +- 10 (7 sd)
    assertThat(juarez.spikes()).hasSize(2 * 4);
    for (SimulatedSeries.Spike spike : juarez.spikes()) {
      assertThat(spike.start()).isBetween(26, 130 - spike.duration());
      assertThat(spike.applyTo(juarez.base())[spike.start()]).isEqualTo(juarez.base()[spike.start()] + spike.extra()[0]);
    }
    assertThat(SimulatedSeries.draw(plan, MetricClass.HARM, Granularity.DAY).get(0).spikes())
        .extracting(SimulatedSeries.Spike::duration).containsExactly(1, 2, 3, 4, 7, 14, 1, 2, 3, 4, 7, 14);
  }

  @Test
  void aTenfoldSpikeInVolumeIsAlwaysDetected() {
    BacktestPlan plan = new BacktestPlan(5, 2, 26, 20, List.of(10.0), List.of(MetricClass.VOLUME),
        List.of(Granularity.WEEK));
    BacktestRow row = Backtest.run(plan, List.of(Candidate.of(MetricClass.VOLUME, Granularity.WEEK, "c1"))).rows().get(0);
    assertThat(row.detectionByFactor()).containsEntry(10.0, 1.0);
    assertThat(row.detectionTarget()).isNaN(); // no 2x spikes in this plan
  }

  @Test
  void falseAlertsCountEpisodesNotPeriods() {
    boolean[] alarms = {false, true, false, true, true, true, false, false, true, true};
    Evaluation[] evaluations = new Evaluation[alarms.length];
    for (int t = 0; t < alarms.length; t++) {
      evaluations[t] = new Evaluation(0, 0, 0, 0, 0, alarms[t], 0);
    }
    assertThat(Backtest.alarmEpisodes(evaluations, 1)).isEqualTo(3);
    assertThat(Backtest.alarmEpisodes(evaluations, 4)).isEqualTo(1);
    assertThat(Backtest.median(List.of(7, 21, 14))).isEqualTo(14);
    assertThat(Backtest.median(List.of(1, 2, 3, 4))).isEqualTo(2.5);
    assertThat(Backtest.median(List.of())).isNaN();
  }

  @Test
  void theTableShowsEachGroupWithItsDefaultMarked() {
    BacktestResult result = Backtest.run(small(7, List.of(1.5, 2.0, 3.0)), candidates());
    String markdown = result.toMarkdown(true);
    assertThat(markdown).contains("### VOLUME, weekly", "### VOLUME, daily", "### HARM, weekly", "### HARM, daily");
    assertThat(markdown.lines().filter(line -> line.startsWith("| method |"))).hasSize(4);
    assertThat(markdown.lines().filter(line -> line.contains("(default)"))).hasSize(4);
    assertThat(markdown.lines().filter(line -> line.startsWith("| ") && !line.startsWith("| method")
        && !line.startsWith("| oracle"))).hasSize(12);
    result.chosen().values().forEach(row -> assertThat(markdown).contains("**" + row.method() + "** (default)"));
  }

  @Test
  void aMethodThatNeedsMoreHistoryThanTheWarmUpIsRefused() {
    BacktestPlan plan = new BacktestPlan(1, 1, 2, 10, List.of(2.0), List.of(MetricClass.VOLUME), List.of(Granularity.WEEK));
    assertThatThrownBy(() -> Backtest.run(plan, List.of(Candidate.of(MetricClass.VOLUME, Granularity.WEEK, "c1"))))
        .hasMessage("c1:baseline=7,alpha=0.001,min-sigma=0 reads 7 periods, more than the plan's warm-up of 2");
    assertThatThrownBy(() -> Backtest.run(plan, List.of(Candidate.of(MetricClass.HARM, Granularity.WEEK, "c1"))))
        .hasMessage("the plan has no HARM WEEK series for c1:baseline=7,alpha=0.001,min-sigma=0");
  }

  @Test
  void thePlotDrawsTheSeriesAndItsAlarms() {
    BacktestPlan plan = small(7, List.of(2.0));
    Candidate candidate = Candidate.of(MetricClass.VOLUME, Granularity.WEEK, DetectionConfig.VOLUME_WEEKLY);
    ExampleSeries example = ExampleSeries.of(plan, candidate);
    assertThat(example.title()).startsWith("Ciudad Juárez, simulated volume (NB, mean 250.0 per week), 2x spike for 2 weeks");
    assertThat(example.counts()).hasSize(46);
    assertThat(example.spikeLength()).isEqualTo(2);
    BufferedImage image = AlertPlot.draw(example);
    assertThat(image.getWidth()).isEqualTo(1200);
    assertThat(image.getHeight()).isEqualTo(520);
    boolean anyAlarm = Arrays.stream(example.evaluations()).anyMatch(Evaluation::alarm);
    assertThat(hasColour(image, 214, 39, 40)).isEqualTo(anyAlarm);
    assertThat(hasColour(image, 31, 119, 180)).as("the expected line").isTrue();
  }

  private static boolean hasColour(BufferedImage image, int red, int green, int blue) {
    int wanted = (red << 16) | (green << 8) | blue;
    for (int x = 0; x < image.getWidth(); x++) {
      for (int y = 60; y < image.getHeight(); y++) {
        if ((image.getRGB(x, y) & 0xFFFFFF) == wanted) {
          return true;
        }
      }
    }
    return false;
  }

  /** The bound is above every method on the same spikes, and the table shows it in every group. */
  @Test
  void theOracleRowBoundsEveryMethodAndIsInTheTable() {
    BacktestPlan plan = small(7, List.of(1.5, 2.0, 3.0));
    BacktestResult result = Backtest.run(plan, candidates());
    for (BacktestRow row : result.rows()) {
      OracleBound.OracleRow oracle = OracleBound.forPlan(plan, row.metricClass(), row.granularity());
      if (row.quietEnough()) {
        // Sampling noise of 640 city-weeks: a method may be lucky by a few points, not more.
        assertThat(row.detectionTarget()).as(row.method()).isLessThanOrEqualTo(oracle.detectionTarget() + 0.1);
      }
      assertThat(oracle.detectionByFactor().get(1.5)).isLessThan(oracle.detectionByFactor().get(2.0));
      assertThat(oracle.detectionByFactor().get(2.0)).isLessThan(oracle.detectionByFactor().get(3.0));
    }
    OracleBound.OracleRow volume = OracleBound.forPlan(plan, MetricClass.VOLUME, Granularity.WEEK);
    OracleBound.OracleRow harm = OracleBound.forPlan(plan, MetricClass.HARM, Granularity.WEEK);
    assertThat(volume.detectionTarget()).isGreaterThan(0.9);
    assertThat(harm.detectionTarget()).isLessThan(0.5);
    assertThat(result.toMarkdown(false).lines().filter(line -> line.startsWith("| oracle bound"))).hasSize(4);
  }

  /** A border-wide series is one series per class and distribution, with the cities' rates added up. */
  @Test
  void theBorderScopeSimulatesOneSeriesWithTheSumOfTheCitiesRates() {
    BacktestPlan plan = small(7, List.of(2.0)).withScope(SeriesScope.BORDER, 3);
    List<SimulatedSeries> series = SimulatedSeries.draw(plan, MetricClass.HARM, Granularity.WEEK);
    assertThat(series).hasSize(2 * 3);
    assertThat(series).allSatisfy(one -> assertThat(one.model().weeklyMean()).isCloseTo(14.9, within(1e-9)));
    assertThat(CityRates.models(MetricClass.HARM, Granularity.WEEK, SeriesScope.BORDER))
        .extracting(BaseModel::dispersion).containsExactly(0.0, CityRates.HARM_DISPERSION);
    assertThat(Backtest.run(plan, List.of(Candidate.of(MetricClass.HARM, Granularity.WEEK, "c2"))).rows().get(0)
        .cityWeeks()).isEqualTo(2 * 3 * 20);
  }
}
