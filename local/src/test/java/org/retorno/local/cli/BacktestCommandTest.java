package org.retorno.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.retorno.streams.detect.backtest.BacktestGrid;
import org.retorno.streams.detect.backtest.BacktestPlan;

class BacktestCommandTest {
  @TempDir
  Path dir;

  private record Run(int exit, String out, String err) {
  }

  private static Run run(String... args) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    System.setOut(new PrintStream(outBytes, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
    try {
      int exit = RetornoCli.run(args);
      return new Run(exit, outBytes.toString(StandardCharsets.UTF_8), errBytes.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
  }

  @Test
  void aSmallBacktestPrintsTablesAPlotAndJson() throws Exception {
    Path png = dir.resolve("alerts.png");
    Path json = dir.resolve("backtest.json");
    Run run = run("backtest", "--seed", "3", "--replicates", "1", "--weeks", "12", "--png", png.toString(),
        "--plot", "volume-day", "--json", json.toString());
    assertThat(run.err()).isEmpty();
    assertThat(run.exit()).isZero();
    assertThat(run.out()).startsWith("Backtest: seed 3, 1 replicates of 12 weeks per series and distribution (Poisson, negative binomial), 8 cities")
        .contains("### VOLUME, weekly", "### VOLUME, daily", "### HARM, weekly", "### HARM, daily",
            "Chosen by this run, against DetectionConfig's defaults:", "wrote " + png, "wrote " + json)
        .contains("Oracle: weekly rate needed to detect 80% of 2x two-week spikes at 1 false alert per 100 city-weeks:")
        .contains("negative binomial, dispersion 0.5 (HARM): none up to 1000 a week");
    assertThat(run.out().lines().filter(line -> line.contains("(default)") && line.startsWith("| **"))).hasSize(4);
    assertThat(run.out().lines().filter(line -> line.startsWith("| oracle bound"))).hasSize(4);
    assertThat(run.out().lines().filter(line -> line.startsWith("- "))).hasSize(4 + 2);

    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image.getWidth()).isEqualTo(1200);
    assertThat(image.getHeight()).isEqualTo(520);

    JsonNode document = new ObjectMapper().readTree(json.toFile());
    BacktestPlan standard = BacktestPlan.standard(3);
    assertThat(document.get("rows")).hasSize(BacktestGrid.wide(standard.classes(), standard.granularities()).size());
    assertThat(document.get("plan").get("seed").asLong()).isEqualTo(3);
    assertThat(document.get("chosen").size()).isEqualTo(4);
    JsonNode row = document.get("rows").get(0);
    assertThat(row.get("cityWeeks").asLong()).isEqualTo(8 * 2 * 12);
    assertThat(row.has("detectionByFactor")).isTrue();
  }

  @Test
  void anUnknownPlotIsOneLine() {
    Run run = run("backtest", "--plot", "coverage-week", "--replicates", "1", "--weeks", "1");
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err().strip()).isEqualTo(
        "retorno backtest: unknown plot 'coverage-week': use volume-week, volume-day, harm-week or harm-day");
  }

  @Test
  void theBorderSeriesAreOneSeriesForAllCities() {
    Run run = run("backtest", "--series", "border", "--seed", "3", "--replicates", "1", "--weeks", "12");
    assertThat(run.err()).isEmpty();
    assertThat(run.out()).startsWith("Backtest: seed 3, 1 replicates of 12 weeks per series and distribution"
        + " (Poisson, negative binomial), one series for all 8 cities together");
  }

  @Test
  void anUnknownSeriesIsOneLine() {
    Run run = run("backtest", "--series", "state", "--replicates", "1", "--weeks", "1");
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err().strip()).isEqualTo("retorno backtest: unknown series 'state': use city or border");
  }
}
