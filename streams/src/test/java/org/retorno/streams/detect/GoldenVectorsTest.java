package org.retorno.streams.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The Java methods against R's surveillance package (see tools/r/golden.R and the README beside
 * the CSVs): every upper bound, statistic and in-control mean within 1e-9, every alarm equal, NA
 * exactly where R gives NA.
 */
class GoldenVectorsTest {
  private static final double TOLERANCE = 1e-9;
  private static final Map<String, double[]> SERIES = GoldenCsv.series();

  @Test
  void theGoldenDataCoversEveryCaseItWasMadeFor() {
    List<Map<String, String>> ears = GoldenCsv.read("ears.csv");
    List<Map<String, String>> cusum = GoldenCsv.read("cusum.csv");
    assertThat(SERIES).containsOnlyKeys("sparse", "zeros", "spike", "shift", "constant", "mpp_weekly", "daily",
        "avr_monthly");
    assertThat(ears).hasSize(5787);
    assertThat(cusum).hasSize(1905);
    assertThat(ears).extracting(row -> row.get("method")).containsOnly("C1", "C2", "C3");
    assertThat(ears).extracting(row -> row.get("min_sigma")).containsOnly("0", "0.5", "1");
    assertThat(ears).filteredOn(row -> row.get("alarm").equals("NA")).isNotEmpty()
        .allSatisfy(row -> assertThat(row).containsEntry("method", "C3").containsEntry("min_sigma", "0"));
    assertThat(ears).filteredOn(row -> row.get("alarm").equals("1")).hasSizeGreaterThan(100);
    assertThat(cusum).extracting(row -> row.get("dispersion")).containsOnly("0", "0.2", "0.5");
    assertThat(cusum).filteredOn(row -> row.get("alarm").equals("1")).hasSizeGreaterThan(50);
  }

  @TestFactory
  Stream<DynamicTest> earsMatchesR() {
    return groups(GoldenCsv.read("ears.csv"), "series", "method", "baseline", "min_sigma", "alpha")
        .entrySet().stream().map(group -> DynamicTest.dynamicTest(group.getKey(), () -> {
          Map<String, String> first = group.getValue().get(0);
          SpikeMethod method = SpikeMethods.create(first.get("method").toLowerCase(), Map.of(
              "baseline", first.get("baseline"), "min-sigma", first.get("min_sigma"), "alpha", first.get("alpha")));
          Evaluation[] evaluations = Detection.run(method, SERIES.get(first.get("series")));
          assertThat(evaluations.length - method.history()).isEqualTo(group.getValue().size());
          for (Map<String, String> row : group.getValue()) {
            int t = Integer.parseInt(row.get("period")) - 1;
            Evaluation evaluation = evaluations[t];
            String where = group.getKey() + " period " + row.get("period");
            assertSame(where + " upper bound", evaluation.upperBound(), GoldenCsv.number(row.get("upperbound")));
            assertAlarm(where, evaluation, row.get("alarm"));
          }
        }));
  }

  @TestFactory
  Stream<DynamicTest> cusumMatchesR() {
    return groups(GoldenCsv.read("cusum.csv"), "series", "dispersion", "ratio", "h", "baseline", "guard", "min_mean")
        .entrySet().stream().map(group -> DynamicTest.dynamicTest(group.getKey(), () -> {
          Map<String, String> first = group.getValue().get(0);
          SpikeMethod method = SpikeMethods.create("cusum", Map.of("dispersion", first.get("dispersion"),
              "ratio", first.get("ratio"), "threshold", first.get("h"), "baseline", first.get("baseline"),
              "guard", first.get("guard"), "min-mean", first.get("min_mean")));
          Evaluation[] evaluations = Detection.run(method, SERIES.get(first.get("series")));
          assertThat(evaluations.length - method.history()).isEqualTo(group.getValue().size());
          for (Map<String, String> row : group.getValue()) {
            int t = Integer.parseInt(row.get("period")) - 1;
            Evaluation evaluation = evaluations[t];
            String where = group.getKey() + " period " + row.get("period");
            assertSame(where + " mu0", evaluation.expected(), GoldenCsv.number(row.get("mu0")));
            assertSame(where + " statistic", evaluation.statistic(), GoldenCsv.number(row.get("statistic")));
            assertSame(where + " cases", evaluation.upperBound(), GoldenCsv.number(row.get("cases")));
            assertAlarm(where, evaluation, row.get("alarm"));
          }
        }));
  }

  private static void assertSame(String what, double actual, double expected) {
    if (Double.isNaN(expected)) {
      assertThat(actual).as(what + " (NA in R)").isNaN();
    } else {
      assertThat(actual).as(what).isCloseTo(expected, within(TOLERANCE));
    }
  }

  private static void assertAlarm(String where, Evaluation evaluation, String alarm) {
    switch (alarm) {
      case "NA" -> assertThat(evaluation.defined()).as(where + " undefined as in R").isFalse();
      case "1" -> assertThat(evaluation.alarm()).as(where + " alarm").isTrue();
      default -> assertThat(evaluation.alarm()).as(where + " no alarm").isFalse();
    }
    if (!"NA".equals(alarm)) {
      assertThat(evaluation.defined()).as(where + " defined as in R").isTrue();
    } else {
      assertThat(evaluation.alarm()).as(where + " NA raises no alarm").isFalse();
    }
  }

  private static Map<String, List<Map<String, String>>> groups(List<Map<String, String>> rows, String... keys) {
    Map<String, List<Map<String, String>>> groups = new LinkedHashMap<>();
    for (Map<String, String> row : rows) {
      List<String> parts = new ArrayList<>();
      for (String key : keys) {
        parts.add(key + "=" + row.get(key));
      }
      groups.computeIfAbsent(String.join(" ", parts), name -> new ArrayList<>()).add(row);
    }
    return groups;
  }
}
