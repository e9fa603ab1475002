package org.retorno.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchReportTest {

  @Test
  void figuresAreShownWithThreeSignificantDigitsAndThousandsSeparated() {
    assertThat(Figure.format(382_456.7)).isEqualTo("382,457");
    assertThat(Figure.format(123.4)).isEqualTo("123");
    assertThat(Figure.format(12.34)).isEqualTo("12.3");
    assertThat(Figure.format(0.4567)).isEqualTo("0.457");
    assertThat(Figure.format(Double.NaN)).isEqualTo("n/a");
  }

  @Test
  void targetsSayWhetherTheyAreMet() {
    assertThat(Target.atLeast(0.6).metBy(0.6)).isTrue();
    assertThat(Target.atLeast(0.6).metBy(0.59)).isFalse();
    assertThat(Target.atMost(300).metBy(301)).isFalse();
    assertThat(Target.atMost(1.2).describe()).isEqualTo("<= 1.200");
  }

  @Test
  void markdownAndJsonCarryEveryFigureTargetScalingPointAndTheCommand() {
    BenchReport report = new BenchReport(Map.of("cores", 2), "retorno bench --quick");
    report.add("1 broker", "broker_produce_rps", "raw producer", 250_000, "records/s");
    report.add("4 full", "streams_vs_reference_ratio", "full / reference", 0.25, "", Target.atLeast(0.6));
    report.scaling(new ScalingPoint("cities", 80, 1, 5, 1000, 900, 1234.5, 300.25, false));
    report.note("figures are ratios");

    assertThat(report.markdown()).isEqualTo("""
        | section | figure | value | target | key |
        |---|---|---|---|---|
        | 1 broker | raw producer | 250,000 records/s |  | `broker_produce_rps` |
        | 4 full | full / reference | 0.250 | >= 0.600 ✗ | `streams_vs_reference_ratio` |

        Scaling of the full topology (each run catches up on its own preloaded history):

        | varied | cities | threads | years | rows | processed | records/s | CPU µs/record | caught up |
        |---|---|---|---|---|---|---|---|---|
        | cities | 80 | 1 | 5 | 1,000 | 900 | 1,235 | 300 | no (time budget) |

        Machine: cores 2;\s
        Command: `retorno bench --quick`

        - figures are ratios
        """);
    Map<String, Object> json = report.json();
    assertThat(json).containsEntry("broker_produce_rps", 250_000.0).containsEntry("streams_vs_reference_ratio", 0.25)
        .containsEntry("command", "retorno bench --quick").containsEntry("machine", Map.of("cores", 2))
        .containsEntry("notes", List.of("figures are ratios"));
    assertThat(json.get("targets")).isEqualTo(Map.of("streams_vs_reference_ratio",
        Map.of("target", ">= 0.600", "met", false)));
    assertThat((List<?>) json.get("scaling")).hasSize(1);
    assertThat(report.value("broker_produce_rps")).isEqualTo(250_000);
    assertThatThrownBy(() -> report.value("nothing")).hasMessageContaining("no figure 'nothing'");
  }
}
