package org.retorno.local.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.retorno.avro.Granularity;
import org.retorno.streams.detect.DetectionConfig;
import org.retorno.streams.detect.MetricClass;
import org.retorno.streams.detect.backtest.AlertPlot;
import org.retorno.streams.detect.backtest.Backtest;
import org.retorno.streams.detect.backtest.BacktestGrid;
import org.retorno.streams.detect.backtest.BacktestPlan;
import org.retorno.streams.detect.backtest.BacktestResult;
import org.retorno.streams.detect.backtest.BacktestRow;
import org.retorno.streams.detect.backtest.Candidate;
import org.retorno.streams.detect.backtest.CityRates;
import org.retorno.streams.detect.backtest.OracleBound;
import org.retorno.streams.detect.backtest.SeriesScope;
import org.retorno.streams.detect.backtest.ExampleSeries;
import org.retorno.streams.detect.SpikeMethods;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "backtest", mixinStandardHelpOptions = true,
    description = {"Inject spikes (1.5x, 2x, 3x lasting 1-4 periods; daily also 7 and 14 days) into simulated"
        + " Poisson and negative-binomial series with city-level rates, weekly and daily, and report per method:"
        + " detection, false alerts per 100 city-weeks and median delay, as a Markdown table.",
        "The same seed gives the same table. The chosen method per class and granularity is compared with"
        + " the defaults in DetectionConfig."})
final class BacktestCommand implements Callable<Integer> {
  @Option(names = "--seed", defaultValue = "1", description = "Random seed (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--replicates", defaultValue = "20",
      description = "Series per city and distribution (default ${DEFAULT-VALUE}).")
  int replicates;

  @Option(names = "--weeks", defaultValue = "104", description = "Weeks watched per series (default ${DEFAULT-VALUE}).")
  int weeks;

  @Option(names = "--all", description = "List every method tried, not the best of each family.")
  boolean all;

  @Option(names = "--png", paramLabel = "FILE", description = "Draw one series with its alerts.")
  Path png;

  @Option(names = "--plot", defaultValue = "volume-week", paramLabel = "volume-week|volume-day|harm-week|harm-day",
      description = "Which class and granularity the PNG shows, with its chosen method (default ${DEFAULT-VALUE}).")
  String plot;

  @Option(names = "--series", defaultValue = "city", paramLabel = "city|border",
      description = "Simulate one series per city (what the topology watches) or one per category for all"
          + " cities together (default ${DEFAULT-VALUE}).")
  String series;

  @Option(names = "--json", paramLabel = "FILE", description = "Write every row as JSON.")
  Path json;

  @Override
  public Integer call() {
    PlotChoice plotChoice = PlotChoice.parse(plot);
    BacktestPlan standard = BacktestPlan.standard(seed);
    BacktestPlan plan = new BacktestPlan(seed, replicates, standard.warmupWeeks(), weeks, standard.factors(),
        standard.classes(), standard.granularities(), scope(series));
    BacktestResult result = Backtest.run(plan, BacktestGrid.wide(plan.classes(), plan.granularities()));
    System.out.print(result.toMarkdown(all));
    System.out.println();
    System.out.print(againstDefaults(result.chosen()));
    System.out.print(reachableRates());
    if (png != null) {
      BacktestRow row = result.chosen().get(plotChoice.metricClass() + "/" + plotChoice.granularity());
      Candidate candidate = new Candidate(plotChoice.metricClass(), plotChoice.granularity(),
          SpikeMethods.parse(row.method()));
      try {
        AlertPlot.writePng(ExampleSeries.of(plan, candidate), png);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + png + ": " + e.getMessage(), e);
      }
      System.out.println("wrote " + png);
    }
    if (json != null) {
      Map<String, Object> document = new LinkedHashMap<>();
      document.put("plan", plan);
      document.put("chosen", result.chosen());
      document.put("rows", result.rows());
      try {
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), document);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + json + ": " + e.getMessage(), e);
      }
      System.out.println("wrote " + json);
    }
    return 0;
  }

  /**
   * The weekly base rate from which the most powerful test finds 80% of 2x two-week spikes within
   * the budget: below it no method can meet the target.
   */
  static String reachableRates() {
    StringBuilder out = new StringBuilder("Oracle: weekly rate needed to detect 80% of 2x two-week spikes at"
        + " 1 false alert per 100 city-weeks:\n");
    for (MetricClass metricClass : java.util.List.of(MetricClass.VOLUME, MetricClass.HARM)) {
      double dispersion = CityRates.dispersion(metricClass);
      out.append("- Poisson: ").append(rate(OracleBound.reachableWeeklyMean(0, 2, 2, 0.8)))
          .append("; negative binomial, dispersion ").append(dispersion).append(" (").append(metricClass)
          .append("): ").append(rate(OracleBound.reachableWeeklyMean(dispersion, 2, 2, 0.8))).append('\n');
    }
    return out.toString();
  }

  private static String rate(double weekly) {
    return Double.isInfinite(weekly) ? "none up to " + Math.round(OracleBound.MAX_WEEKLY_MEAN) + " a week"
        : String.format(Locale.ROOT, "%.2f a week", weekly);
  }

  private static SeriesScope scope(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "city" -> SeriesScope.CITY;
      case "border" -> SeriesScope.BORDER;
      default -> throw new IllegalArgumentException("unknown series '" + text + "': use city or border");
    };
  }

  /** Whether this run picks what the configuration ships with; another seed may pick a neighbour. */
  static String againstDefaults(Map<String, BacktestRow> chosen) {
    StringBuilder out = new StringBuilder("Chosen by this run, against DetectionConfig's defaults:\n");
    for (BacktestRow row : chosen.values()) {
      String configured = SpikeMethods.parse(DetectionConfig.defaultSpec(row.metricClass(), row.granularity())).spec();
      out.append("- ").append(row.metricClass()).append(' ').append(row.granularity()).append(": ").append(row.method())
          .append(configured.equals(row.method()) ? " (the default)" : " (default: " + configured + ")")
          .append('\n');
    }
    return out.toString();
  }

  private record PlotChoice(MetricClass metricClass, Granularity granularity) {
    static PlotChoice parse(String text) {
      return switch (text.toLowerCase(Locale.ROOT)) {
        case "volume-week" -> new PlotChoice(MetricClass.VOLUME, Granularity.WEEK);
        case "volume-day" -> new PlotChoice(MetricClass.VOLUME, Granularity.DAY);
        case "harm-week" -> new PlotChoice(MetricClass.HARM, Granularity.WEEK);
        case "harm-day" -> new PlotChoice(MetricClass.HARM, Granularity.DAY);
        default -> throw new IllegalArgumentException("unknown plot '" + text
            + "': use volume-week, volume-day, harm-week or harm-day");
      };
    }
  }
}
