package org.retorno.local.cli;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.retorno.streams.detect.CountCusum;
import org.retorno.streams.detect.Detection;
import org.retorno.streams.detect.EarsC3Cdc;
import org.retorno.streams.detect.Evaluation;
import org.retorno.streams.detect.Numbers;
import org.retorno.streams.detect.SpikeMethod;
import org.retorno.streams.detect.SpikeMethods;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "detect", mixinStandardHelpOptions = true,
    description = {"Run a spike detection method on one series and print, per period, the count, the expected value,"
        + " the statistic, the threshold, the count above which the period alarms (R's upperbound) and the alarm,"
        + " so anyone can hold it against R's surveillance package (earsC, glrnb).",
        "SERIES.csv has period,count rows (a header is optional; - reads standard input).",
        "Periods with too little history print NA, as R leaves them out of its range."})
final class DetectCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "SERIES.csv", description = "period,count rows, or - for standard input.")
  String input;

  @Option(names = "--method", required = true, paramLabel = "c1|c2|c3|c3-cdc|cusum",
      description = "EARS C1, C2, C3 as R's earsC; the CDC's published C3; the Poisson/NB CUSUM as R's glrnb.")
  String method;

  @Option(names = "--baseline", description = "Baseline periods (EARS: 7; CUSUM: in-control mean, 8).")
  Integer baseline;

  @Option(names = "--alpha", description = "EARS C1-C3: z = qnorm(1 - alpha); R's defaults 0.001 (C1, C2), 0.025 (C3).")
  Double alpha;

  @Option(names = "--min-sigma", description = "EARS: floor under the baseline's sd (R's minSigma, 0).")
  Double minSigma;

  @Option(names = "--threshold", description = "C3-CDC: threshold on the C3 sum (2). CUSUM: h, R's c.ARL (5).")
  Double threshold;

  @Option(names = "--ratio", description = "CUSUM: the shift to detect as a ratio of the mean (2); R's theta = log(ratio).")
  Double ratio;

  @Option(names = "--dispersion", description = "CUSUM: negative binomial a in Var = mu + a mu^2 (0: Poisson); R's alpha.")
  Double dispersion;

  @Option(names = "--guard", description = "CUSUM: periods between the baseline and the judged period (1).")
  Integer guard;

  @Option(names = "--min-mean", description = "CUSUM: floor under the in-control mean (0.5).")
  Double minMean;

  @Option(names = "--csv", description = "Print CSV (full precision) instead of a table.")
  boolean csv;

  @Override
  public Integer call() {
    SpikeMethod spikeMethod = SpikeMethods.create(method, givenParameters());
    List<SeriesFile.Row> rows = SeriesFile.read(input);
    double[] counts = rows.stream().mapToDouble(SeriesFile.Row::count).toArray();
    Evaluation[] evaluations = Detection.run(spikeMethod, counts);
    PrintStream out = System.out;
    if (csv) {
      out.println("period,count,expected,statistic,threshold,upper_bound,alarm");
      for (int t = 0; t < rows.size(); t++) {
        Evaluation e = evaluations[t];
        out.println(String.join(",", SeriesFile.quoted(rows.get(t).period()), Numbers.plain(e.observed()),
            full(e.expected()), full(e.statistic()), full(e.threshold()), full(e.upperBound()), alarm(t, e, spikeMethod)));
      }
    } else {
      out.println("method " + spikeMethod.spec());
      out.println(inR(spikeMethod));
      out.print(table(rows, evaluations, spikeMethod));
    }
    out.flush();
    return 0;
  }

  private Map<String, String> givenParameters() {
    Map<String, String> given = new LinkedHashMap<>();
    put(given, "baseline", baseline);
    put(given, "alpha", alpha);
    put(given, "min-sigma", minSigma);
    put(given, "threshold", threshold);
    put(given, "ratio", ratio);
    put(given, "dispersion", dispersion);
    put(given, "guard", guard);
    put(given, "min-mean", minMean);
    return given;
  }

  private static void put(Map<String, String> given, String key, Number value) {
    if (value != null) {
      given.put(key, value instanceof Double number ? Numbers.plain(number) : value.toString());
    }
  }

  /** The R call that gives the same numbers, so the comparison takes one line. */
  static String inR(SpikeMethod method) {
    Map<String, String> p = method.parameters();
    if (method instanceof EarsC3Cdc) {
      return "R: not in surveillance (earsC's C3 leaves out the current period; this is the CDC's published C3)";
    }
    if (method instanceof CountCusum) {
      return "R: glrnb(sts, control = list(range = <judged periods>, mu0 = <expected>, alpha = " + p.get("dispersion")
          + ", theta = log(" + p.get("ratio") + "), c.ARL = " + p.get("threshold")
          + ", ret = \"value\")) gives the statistic; ret = \"cases\" the upper bound";
    }
    return "R: earsC(sts, control = list(method = \"" + method.name().toUpperCase(java.util.Locale.ROOT) + "\", baseline = "
        + p.get("baseline") + ", alpha = " + p.get("alpha") + ", minSigma = " + p.get("min-sigma") + "))";
  }

  private static String table(List<SeriesFile.Row> rows, Evaluation[] evaluations, SpikeMethod method) {
    List<String[]> cells = new ArrayList<>();
    cells.add(new String[] {"period", "count", "expected", "statistic", "threshold", "upper bound", "alarm"});
    for (int t = 0; t < rows.size(); t++) {
      Evaluation e = evaluations[t];
      cells.add(new String[] {rows.get(t).period(), Numbers.plain(e.observed()), Numbers.rounded(e.expected(), 4),
          Numbers.rounded(e.statistic(), 4), Numbers.rounded(e.threshold(), 4), Numbers.rounded(e.upperBound(), 4),
          alarm(t, e, method)});
    }
    int[] widths = new int[cells.get(0).length];
    for (String[] row : cells) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (String[] row : cells) {
      for (int i = 0; i < row.length; i++) {
        String cell = row[i];
        out.append(i == 0 ? cell + " ".repeat(widths[i] - cell.length()) : "  " + " ".repeat(widths[i] - cell.length()) + cell);
      }
      out.append(System.lineSeparator());
    }
    return out.toString();
  }

  /** TRUE, FALSE or NA, as R prints a logical. */
  private static String alarm(int t, Evaluation e, SpikeMethod method) {
    if (t < method.history() || !e.defined()) {
      return "NA";
    }
    return e.alarm() ? "TRUE" : "FALSE";
  }

  private static String full(double value) {
    return Double.isFinite(value) ? Double.toString(value) : Numbers.plain(value);
  }

  /** A period,count series from a file or standard input, refused line by line with a reason. */
  static final class SeriesFile {
    record Row(String period, double count) {
    }

    static List<Row> read(String input) {
      String name = "-".equals(input) ? "standard input" : input;
      try (Reader reader = "-".equals(input)
          ? new InputStreamReader(System.in, StandardCharsets.UTF_8)
          : Files.newBufferedReader(Path.of(input), StandardCharsets.UTF_8)) {
        return parse(reader, name);
      } catch (NoSuchFileException e) {
        throw new IllegalArgumentException(name + ": no such file");
      } catch (IOException e) {
        throw new UncheckedIOException(name + ": cannot read: " + e.getMessage(), e);
      }
    }

    static List<Row> parse(Reader reader, String name) throws IOException {
      List<Row> rows = new ArrayList<>();
      Set<String> periods = new HashSet<>();
      CSVFormat format = CSVFormat.DEFAULT.builder().setCommentMarker('#').setIgnoreEmptyLines(true)
          .setTrim(true).get();
      try (CSVParser parser = format.parse(reader)) {
        boolean first = true;
        for (CSVRecord record : parser) {
          long line = parser.getCurrentLineNumber();
          if (first && record.size() == 2 && record.get(1).equalsIgnoreCase("count")) {
            first = false;
            continue;
          }
          first = false;
          if (record.size() != 2) {
            throw new IllegalArgumentException(name + " line " + line + ": expected period,count, found "
                + record.size() + (record.size() == 1 ? " field" : " fields"));
          }
          String period = record.get(0);
          if (period.isEmpty()) {
            throw new IllegalArgumentException(name + " line " + line + ": the period is empty");
          }
          if (!periods.add(period)) {
            throw new IllegalArgumentException(name + " line " + line + ": period '" + period + "' appears twice");
          }
          rows.add(new Row(period, count(record.get(1), name, line)));
        }
      } catch (UncheckedIOException e) {
        // commons-csv reports malformed quoting this way; the cause has the position.
        throw new IllegalArgumentException(name + ": " + e.getCause().getMessage(), e);
      }
      if (rows.isEmpty()) {
        throw new IllegalArgumentException(name + ": no period,count rows");
      }
      return rows;
    }

    private static double count(String text, String name, long line) {
      try {
        long count = Long.parseLong(text);
        if (count >= 0 && count <= Integer.MAX_VALUE) {
          return count;
        }
      } catch (NumberFormatException e) {
        // refused below with the same reason as a negative count
      }
      throw new IllegalArgumentException(name + " line " + line + ": count '" + text
          + "' is not a whole number from 0 to " + Integer.MAX_VALUE);
    }

    static String quoted(String period) {
      return period.contains(",") || period.contains("\"")
          ? "\"" + period.replace("\"", "\"\"") + "\"" : period;
    }
  }
}
