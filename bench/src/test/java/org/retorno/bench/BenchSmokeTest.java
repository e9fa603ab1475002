package org.retorno.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole suite at tiny volumes: every figure the issue asks for is produced, finite and
 * positive, and lands in the table and the JSON. No figure is compared with a threshold here: on a
 * shared machine that would fail for reasons that are not the code's.
 */
class BenchSmokeTest {
  /** The keys the issue requires, and the others the suite promises. */
  static final List<String> REQUIRED_KEYS = List.of("broker_produce_rps", "broker_consume_rps", "ingest_rps",
      "ingest_ratio", "reference_rps", "streams_rps", "streams_vs_reference_ratio", "streams_vs_produce_ratio",
      "e2e_p50_ms", "e2e_p99_ms", "extraction_mb_per_s_per_core", "serde_encode_per_s", "serde_decode_per_s",
      "framing_overhead", "demo_ready_s", "demo_rss_mb",
      "ingest_documents_per_s", "preload_rps", "reference_cpu_us_per_record", "streams_cpu_us_per_record",
      "e2e_max_ms", "serde_claim_encode_per_s", "demo_total_s", "bench_seconds",
      "poison_clean_rps", "poison_1pct_throughput_ratio", "poison_10pct_throughput_ratio", "poison_1pct_injected",
      "poison_10pct_injected", "poison_1pct_dead_letters", "poison_10pct_dead_letters");

  @TempDir
  Path work;

  @Test
  void theQuickSuiteProducesEveryFigure() throws Exception {
    Path json = work.resolve("bench.json");
    Path profile = work.resolve("full.jfr");
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    PrintStream original = System.out;
    int exit;
    System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
    try {
      exit = BenchCli.run("--quick", "--samples", samples().toString(), "--json", json.toString(),
          "--profile", profile.toString(), "--data-dir", work.resolve("data").toString());
    } finally {
      System.setOut(original);
    }
    String table = stdout.toString(StandardCharsets.UTF_8);

    assertThat(exit).isZero();
    JsonNode figures = new ObjectMapper().readTree(json.toFile());
    for (String key : REQUIRED_KEYS) {
      assertThat(figures.path(key).isNumber()).as(key + " in the JSON").isTrue();
      assertThat(figures.path(key).asDouble()).as(key).isPositive().isFinite();
      assertThat(table).as(key + " in the table").contains("`" + key + "`");
    }
    assertThat(figures.path("e2e_seen_fraction").asDouble()).isEqualTo(1.0);
    // 2,000 good rows: 20 bad records make 1% of the input, 222 make 10%; each is one dead letter.
    assertThat(figures.path("poison_1pct_injected").asLong()).isEqualTo(20);
    assertThat(figures.path("poison_1pct_dead_letters").asLong()).isEqualTo(20);
    assertThat(figures.path("poison_10pct_injected").asLong()).isEqualTo(222);
    assertThat(figures.path("poison_10pct_dead_letters").asLong()).isEqualTo(222);
    assertThat(figures.path("scaling")).hasSize(5);
    for (JsonNode point : figures.path("scaling")) {
      assertThat(point.path("processed").asLong()).as("scaling point " + point).isPositive();
      assertThat(point.path("records_per_s").asDouble()).isPositive();
    }
    assertThat(figures.path("machine").path("cores").asInt()).isPositive();
    assertThat(figures.path("command").asText()).startsWith("retorno bench --quick");
    assertThat(profile).isNotEmptyFile();
  }

  /** The repository's samples/, beside this module. */
  static Path samples() {
    return Path.of("..", "samples").toAbsolutePath().normalize();
  }
}
