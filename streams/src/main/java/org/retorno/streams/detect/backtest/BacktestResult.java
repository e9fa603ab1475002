package org.retorno.streams.detect.backtest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.retorno.avro.Granularity;
import org.retorno.streams.detect.MetricClass;
import org.retorno.streams.detect.Numbers;

/** The rows of a backtest, the best method per class and granularity, and the Markdown table. */
public record BacktestResult(BacktestPlan plan, List<BacktestRow> rows) {
  /** How much detection may be given up for a shorter history or fewer false alerts. */
  public static final double DETECTION_TOLERANCE = 0.02;

  public BacktestResult {
    rows = List.copyOf(rows);
  }

  /**
   * The best row per class and granularity ({@code VOLUME/WEEK} ...). The rows that meet every
   * target if there are any, else those with at most 1 false alert per 100 city-weeks (analysts
   * stop reading alerts that cry wolf; a slow alert is still worth having), else the quietest row.
   * Among them, those within {@link #DETECTION_TOLERANCE} of the best detection of 2x two-week
   * spikes; of these the one that reads the shortest history (a new city is watched sooner), then
   * the quietest.
   */
  public Map<String, BacktestRow> chosen() {
    Map<String, BacktestRow> chosen = new LinkedHashMap<>();
    for (MetricClass metricClass : plan.classes()) {
      for (Granularity granularity : plan.granularities()) {
        best(rows.stream().filter(row -> row.metricClass() == metricClass && row.granularity() == granularity)
            .toList()).ifPresent(row -> chosen.put(Backtest.key(metricClass, granularity), row));
      }
    }
    return chosen;
  }

  static Optional<BacktestRow> best(List<BacktestRow> rows) {
    List<BacktestRow> pool = rows.stream().filter(BacktestRow::meetsTargets).toList();
    if (pool.isEmpty()) {
      pool = rows.stream().filter(BacktestRow::quietEnough).toList();
    }
    if (pool.isEmpty()) {
      return rows.stream().min(Comparator.comparingDouble(BacktestRow::worstFalseAlertsPer100CityWeeks));
    }
    double bestDetection = pool.stream().mapToDouble(BacktestRow::detectionTarget).max().orElse(0);
    return pool.stream().filter(row -> row.detectionTarget() >= bestDetection - DETECTION_TOLERANCE)
        .min(Comparator.comparingInt(BacktestRow::history)
            .thenComparingDouble(BacktestRow::worstFalseAlertsPer100CityWeeks));
  }

  /**
   * One table per class and granularity with, to keep it readable, the best row of each method
   * family (C1, C2, C3, C3-CDC, Poisson CUSUM) and the best three negative-binomial CUSUMs; the
   * chosen method is marked. {@code all} lists every row instead.
   */
  public String toMarkdown(boolean all) {
    Map<String, BacktestRow> chosen = chosen();
    StringBuilder out = new StringBuilder();
    out.append("Backtest: seed ").append(plan.seed()).append(", ").append(plan.replicates())
        .append(" replicates of ").append(plan.evaluationWeeks()).append(" weeks per series and distribution")
        .append(" (Poisson, negative binomial), ")
        .append(plan.scope() == SeriesScope.CITY ? "8 cities" : "one series for all 8 cities together")
        .append(", ").append(rows.size()).append(" methods tried.")
        .append(" Targets: <= 1 false alert per 100 city-weeks (for either distribution),")
        .append(" >= 80% of 2x spikes lasting 2 weeks detected, median delay <= 7 days (daily).")
        .append(" The oracle row is the most powerful test of each injected spike, its base rate and its periods")
        .append(" known, at 1 false alert per 100 city-weeks: no method can detect more.\n");
    for (MetricClass metricClass : plan.classes()) {
      for (Granularity granularity : plan.granularities()) {
        List<BacktestRow> group = rows.stream()
            .filter(row -> row.metricClass() == metricClass && row.granularity() == granularity)
            .sorted(RANKING).toList();
        if (group.isEmpty()) {
          continue;
        }
        BacktestRow best = chosen.get(Backtest.key(metricClass, granularity));
        out.append("\n### ").append(metricClass).append(", ").append(granularity == Granularity.WEEK ? "weekly" : "daily")
            .append("\n\n| method | false alerts /100 city-weeks (worst) | detected 1.5x | 2x | 3x | 2x for 2 weeks"
                + " | median delay, days | targets |\n|---|---|---|---|---|---|---|---|\n");
        OracleBound.OracleRow oracle = OracleBound.forPlan(plan, metricClass, granularity);
        out.append("| oracle bound (Neyman-Pearson, known rate and spike) | 1 (budget) | ")
            .append(percent(oracle.detectionByFactor().get(1.5)))
            .append(" | ").append(percent(oracle.detectionByFactor().get(2.0)))
            .append(" | ").append(percent(oracle.detectionByFactor().get(3.0)))
            .append(" | ").append(percent(oracle.detectionTarget()))
            .append(" | - | - |\n");
        for (BacktestRow row : all ? group : shown(group, best)) {
          out.append("| ").append(row == best ? "**" + row.method() + "** (default)" : row.method())
              .append(" | ").append(Numbers.rounded(row.falseAlertsPer100CityWeeks(), 2))
              .append(" (").append(Numbers.rounded(row.worstFalseAlertsPer100CityWeeks(), 2)).append(")")
              .append(" | ").append(percent(row.detectionByFactor().get(1.5)))
              .append(" | ").append(percent(row.detectionByFactor().get(2.0)))
              .append(" | ").append(percent(row.detectionByFactor().get(3.0)))
              .append(" | ").append(percent(row.detectionTarget()))
              .append(" | ").append(Numbers.rounded(row.medianDelayDays(), 1))
              .append(" | ").append(row.meetsTargets() ? "met" : "not met").append(" |\n");
        }
      }
    }
    return out.toString();
  }

  /** Rows meeting every target first, then those quiet enough, then the rest; each by detection of the target spikes. */
  private static final Comparator<BacktestRow> RANKING = Comparator
      .comparingInt((BacktestRow row) -> row.meetsTargets() ? 0 : row.quietEnough() ? 1 : 2)
      .thenComparing(Comparator.comparingDouble(BacktestRow::detectionTarget).reversed())
      .thenComparingInt(BacktestRow::history)
      .thenComparingDouble(BacktestRow::worstFalseAlertsPer100CityWeeks);

  /** The chosen row first, then the best of each family and the next best negative-binomial CUSUMs, in ranking order. */
  private static List<BacktestRow> shown(List<BacktestRow> ranked, BacktestRow chosen) {
    Map<String, Integer> perFamily = new LinkedHashMap<>();
    perFamily.put(family(chosen.method()), 1);
    List<BacktestRow> shown = new ArrayList<>(List.of(chosen));
    ranked.stream().filter(row -> row != chosen).filter(row -> {
      String family = family(row.method());
      return perFamily.merge(family, 1, Integer::sum) <= (family.equals("cusum-nb") ? 3 : 1);
    }).forEach(shown::add);
    return shown;
  }

  private static String family(String spec) {
    String name = spec.contains(":") ? spec.substring(0, spec.indexOf(':')) : spec;
    if (!name.equals("cusum")) {
      return name;
    }
    return spec.contains("dispersion=0,") ? "cusum-poisson" : "cusum-nb";
  }

  private static String percent(Double share) {
    return share == null || share.isNaN() ? "NA" : Math.round(share * 100) + "%";
  }
}
