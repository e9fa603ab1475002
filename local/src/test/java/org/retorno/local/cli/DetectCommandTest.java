package org.retorno.local.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DetectCommandTest {
  @TempDir
  Path dir;

  private record Run(int exit, String out, String err) {
  }

  private static Run run(String stdin, String... args) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    InputStream in = System.in;
    ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    System.setOut(new PrintStream(outBytes, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
    System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
    try {
      int exit = RetornoCli.run(args);
      return new Run(exit, outBytes.toString(StandardCharsets.UTF_8), errBytes.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(out);
      System.setErr(err);
      System.setIn(in);
    }
  }

  private Path series(String text) throws Exception {
    Path file = dir.resolve("series.csv");
    Files.writeString(file, text);
    return file;
  }

  @Test
  void printsATableAndTheRCallThatGivesTheSameNumbers() throws Exception {
    Path file = series("period,count\n2019-W01,1\n2019-W02,2\n2019-W03,3\n2019-W04,4\n2019-W05,5\n2019-W06,6\n"
        + "2019-W07,7\n2019-W08,20\n");
    Run run = run("", "detect", "--method", "c1", file.toString());
    assertThat(run.err()).isEmpty();
    assertThat(run.exit()).isZero();
    assertThat(run.out().lines().toList()).containsExactly(
        "method c1:baseline=7,alpha=0.001,min-sigma=0",
        "R: earsC(sts, control = list(method = \"C1\", baseline = 7, alpha = 0.001, minSigma = 0))",
        "period    count  expected  statistic  threshold  upper bound  alarm",
        "2019-W01      1        NA         NA         NA           NA     NA",
        "2019-W02      2        NA         NA         NA           NA     NA",
        "2019-W03      3        NA         NA         NA           NA     NA",
        "2019-W04      4        NA         NA         NA           NA     NA",
        "2019-W05      5        NA         NA         NA           NA     NA",
        "2019-W06      6        NA         NA         NA           NA     NA",
        "2019-W07      7        NA         NA         NA           NA     NA",
        "2019-W08     20         4     7.4066     3.0902      10.6757   TRUE");
  }

  @Test
  void csvCarriesFullPrecisionToCompareWithinOneInABillion() throws Exception {
    Path file = series("1,5\n2,5\n3,6\n4,5\n5,4\n6,5\n7,6\n8,5\n9,5\n10,5\n11,30\n12,30\n13,1\n");
    Run run = run("", "detect", "--method", "c3", "--min-sigma", "0.5", "--csv", file.toString());
    assertThat(run.exit()).isZero();
    List<String> lines = run.out().lines().toList();
    assertThat(lines).hasSize(14);
    assertThat(lines.get(0)).isEqualTo("period,count,expected,statistic,threshold,upper_bound,alarm");
    assertThat(lines.get(1)).isEqualTo("1,5,NA,NA,NA,NA,NA");
    String[] twelve = lines.get(12).split(",");
    assertThat(twelve[0]).isEqualTo("12");
    // R: earsC(..., method = "C3", minSigma = 0.5) gives 7.185426345482 and TRUE, then 0 and TRUE
    assertThat(Double.parseDouble(twelve[5])).isCloseTo(7.185426345482, within(1e-9));
    assertThat(twelve[6]).isEqualTo("TRUE");
    assertThat(lines.get(13)).endsWith(",0.0,TRUE");
  }

  @Test
  void readsStandardInputAndRunsTheCusumWithItsParameters() {
    Run run = run("2,2\n3,2\n4,2\n5,2\n6,10\n7,10\n", "detect", "--method", "cusum", "--ratio", "2",
        "--dispersion", "0", "--threshold", "3", "--baseline", "4", "--guard", "0", "--csv", "-");
    assertThat(run.err()).isEmpty();
    List<String> lines = run.out().lines().toList();
    assertThat(lines).hasSize(7);
    String[] first = lines.get(5).split(",");
    assertThat(first[0]).isEqualTo("6");
    assertThat(first[2]).isEqualTo("2.0");
    assertThat(Double.parseDouble(first[3])).isCloseTo(4.9314718055994531, within(1e-12));
    assertThat(Double.parseDouble(first[5])).isCloseTo(7.2134752044448174, within(1e-12));
    assertThat(first[6]).isEqualTo("TRUE");
  }

  @Test
  void theCusumTableNamesRsGlrnb() {
    Run run = run("a,1\nb,2\n", "detect", "--method", "cusum", "-");
    assertThat(run.out().lines().toList()).startsWith(
        "method cusum:ratio=2,dispersion=0,threshold=5,baseline=8,guard=1,min-mean=0.5",
        "R: glrnb(sts, control = list(range = <judged periods>, mu0 = <expected>, alpha = 0, theta = log(2),"
            + " c.ARL = 5, ret = \"value\")) gives the statistic; ret = \"cases\" the upper bound");
  }

  @Test
  void badInputIsOneLineWithTheLineNumberAndTheReason() throws Exception {
    assertThat(error(series("period,count\n1,3\n2,-1\n"), "c1"))
        .isEqualTo("retorno detect: " + dir.resolve("series.csv") + " line 3: count '-1' is not a whole number from 0 to 2147483647");
    assertThat(error(series("1,3\n\n# a comment\n2,2.5\n"), "c1"))
        .endsWith("series.csv line 4: count '2.5' is not a whole number from 0 to 2147483647");
    assertThat(error(series("1,3,4\n"), "c1")).endsWith("series.csv line 1: expected period,count, found 3 fields");
    assertThat(error(series("1,3\n1,4\n"), "c1")).endsWith("series.csv line 2: period '1' appears twice");
    assertThat(error(series(",3\n"), "c1")).endsWith("series.csv line 1: the period is empty");
    assertThat(error(series("period,count\n"), "c1")).endsWith("series.csv: no period,count rows");
    assertThat(error(dir.resolve("missing.csv"), "c1")).endsWith("missing.csv: no such file");
    assertThat(error(series("1,3\n"), "c7")).isEqualTo(
        "retorno detect: unknown method 'c7': use c1, c2, c3, c3-cdc, cusum");
  }

  @Test
  void anOptionTheMethodDoesNotTakeIsRefused() throws Exception {
    Run run = run("", "detect", "--method", "cusum", "--alpha", "0.01", series("1,3\n").toString());
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err().strip()).isEqualTo("retorno detect: method cusum has no parameter 'alpha': use ratio,"
        + " dispersion, threshold, baseline, guard, min-mean");
    Run negative = run("", "detect", "--method", "c2", "--min-sigma", "-1", series("1,3\n").toString());
    assertThat(negative.err().strip()).isEqualTo("retorno detect: min-sigma must be a finite number >= 0, not -1");
  }

  private String error(Path file, String method) {
    Run run = run("", "detect", "--method", method, file.toString());
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().lines()).hasSize(1);
    return run.err().strip();
  }

  /** Whatever periods and counts are written, quoted or not, with a header or not, read back the same. */
  @Property
  void aSeriesReadsBackAsWritten(@ForAll("rows") List<DetectCommand.SeriesFile.Row> rows, @ForAll boolean header)
      throws Exception {
    List<DetectCommand.SeriesFile.Row> unique = rows.stream()
        .collect(java.util.stream.Collectors.toMap(DetectCommand.SeriesFile.Row::period, row -> row, (a, b) -> a,
            java.util.LinkedHashMap::new)).values().stream().toList();
    StringBuilder text = new StringBuilder(header ? "period,count\n" : "");
    for (DetectCommand.SeriesFile.Row row : unique) {
      text.append(DetectCommand.SeriesFile.quoted(row.period())).append(',').append((long) row.count()).append("\r\n");
    }
    assertThat(DetectCommand.SeriesFile.parse(new StringReader(text.toString()), "generated")).isEqualTo(unique);
  }

  @Provide
  Arbitrary<List<DetectCommand.SeriesFile.Row>> rows() {
    Arbitrary<String> periods = Arbitraries.strings().withChars("abcXYZ019-_ ,\"é").ofMinLength(1).ofMaxLength(12)
        .map(String::strip).filter(period -> !period.isEmpty() && !period.startsWith("#")
            && !period.equalsIgnoreCase("period"));
    Arbitrary<Integer> counts = Arbitraries.integers().between(0, Integer.MAX_VALUE);
    return Combinators.combine(periods, counts).as((period, count) -> new DetectCommand.SeriesFile.Row(period, count))
        .list().ofMinSize(1).ofMaxSize(20);
  }
}
