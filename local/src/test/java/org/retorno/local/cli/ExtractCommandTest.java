package org.retorno.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.retorno.avro.Claim;

class ExtractCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  private record Run(int exit, String out, String err) {
    List<JsonNode> lines() throws IOException {
      List<JsonNode> nodes = new ArrayList<>();
      for (String line : out.split("\n")) {
        if (!line.isBlank()) {
          nodes.add(JSON.readTree(line));
        }
      }
      return nodes;
    }
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

  @Test
  void printsEachClaimAsOneJsonObjectWithEveryField() throws IOException {
    Path file = dir.resolve("item.txt");
    Files.writeString(file, "Police in Reynosa said at least 12 migrants were kidnapped on Monday.\n");

    Run run = run("", "extract", "--reported", "2019-07-10", "--source-kind", "NGO",
        "--source-name", "Shelter network", file.toString());

    assertThat(run.exit()).isZero();
    assertThat(run.err()).isEmpty();
    List<JsonNode> claims = run.lines();
    assertThat(claims).hasSize(1);
    JsonNode claim = claims.get(0);
    List<String> fields = new ArrayList<>();
    claim.fieldNames().forEachRemaining(fields::add);
    assertThat(fields).containsExactlyElementsOf(
        Claim.getClassSchema().getFields().stream().map(Schema.Field::name).toList());
    assertThat(claim.get("category").asText()).isEqualTo("KIDNAPPING");
    assertThat(claim.get("sourceId").asText()).isEqualTo(file.toString());
    assertThat(claim.get("sourceKind").asText()).isEqualTo("NGO");
    assertThat(claim.get("sourceName").asText()).isEqualTo("Shelter network");
    assertThat(claim.get("sourceUrl").isNull()).isTrue();
    assertThat(claim.get("language").asText()).isEqualTo("en");
    assertThat(claim.get("place").get("name").asText()).isEqualTo("Reynosa");
    assertThat(claim.get("place").get("geonamesId").asLong()).isEqualTo(3520339L);
    assertThat(claim.get("place").get("admin1Code").asText()).isEqualTo("MX-TAM");
    assertThat(claim.get("place").get("admin2Code").asText()).isEqualTo("28032");
    assertThat(claim.get("place").get("precision").asText()).isEqualTo("CITY");
    assertThat(claim.get("place").get("inferred").asBoolean()).isFalse();
    assertThat(claim.get("count").get("value").asLong()).isEqualTo(12L);
    assertThat(claim.get("count").get("kind").asText()).isEqualTo("MINIMUM");
    assertThat(claim.get("count").get("low").asLong()).isEqualTo(12L);
    assertThat(claim.get("count").get("high").isNull()).isTrue();
    assertThat(claim.get("count").get("text").asText()).isEqualTo("at least 12");
    assertThat(claim.get("breakdown").size()).isZero();
    assertThat(claim.get("semantics").asText()).isEqualTo("INCREMENT");
    assertThat(claim.get("eventDate").asText()).isEqualTo("2019-07-08");
    assertThat(claim.get("eventDatePrecision").asText()).isEqualTo("DAY");
    assertThat(claim.get("reportDate").asText()).isEqualTo("2019-07-10");
    assertThat(claim.get("evidence").get("sentence").asText())
        .isEqualTo("Police in Reynosa said at least 12 migrants were kidnapped on Monday.");
    assertThat(claim.get("evidence").get("start").asInt()).isZero();
    assertThat(claim.get("evidence").get("end").asInt()).isEqualTo(69);
    assertThat(claim.get("extractorVersion").asText()).startsWith("extract-");
    assertThat(claim.get("confidence").asDouble()).isBetween(0.0, 1.0);
    assertThat(claim.get("confidenceReasons").toString())
        .isEqualTo("[\"explicit city\",\"minimum count\",\"relative date\"]");
  }

  @Test
  void readsStandardInputAndHonoursTheDeclaredLanguage() throws IOException {
    Run run = run("Cerca de 200 migrantes fueron secuestrados en Reynosa el 3 de julio.",
        "extract", "--lang", "es", "--reported", "2019-07-10", "-");

    assertThat(run.exit()).isZero();
    List<JsonNode> claims = run.lines();
    assertThat(claims).hasSize(1);
    assertThat(claims.get(0).get("sourceId").asText()).isEqualTo("stdin");
    assertThat(claims.get(0).get("language").asText()).isEqualTo("es");
    assertThat(claims.get(0).get("count").get("kind").asText()).isEqualTo("APPROXIMATE");
    assertThat(claims.get(0).get("eventDate").asText()).isEqualTo("2019-07-03");
    assertThat(claims.get(0).get("sourceKind").asText()).isEqualTo("UNKNOWN");
  }

  @Test
  void withoutAReportDateRelativeDaysStayUnresolved() throws IOException {
    Run run = run("Four migrants were kidnapped in Tijuana on Tuesday.", "extract", "-");

    JsonNode claim = run.lines().get(0);
    assertThat(claim.get("reportDate").isNull()).isTrue();
    assertThat(claim.get("eventDate").isNull()).isTrue();
    assertThat(claim.get("eventDatePrecision").asText()).isEqualTo("UNKNOWN");
  }

  @Test
  void aDirectoryIsOneDocumentPerFileInNameOrder() throws IOException {
    Files.writeString(dir.resolve("b.txt"), "Nine migrants were robbed in Mexicali.");
    Files.writeString(dir.resolve("a.txt"), "Three migrants were killed in Reynosa.");
    Files.writeString(dir.resolve("c.txt"), "Shelters in Tijuana are full.");

    Run run = run("", "extract", "--reported", "2019-07-10", dir.toString());

    assertThat(run.lines()).extracting(c -> c.get("category").asText() + "@"
        + c.get("place").get("name").asText() + " " + c.get("sourceId").asText())
        .containsExactly("HOMICIDE@Reynosa " + dir.resolve("a.txt"),
            "ROBBERY@Mexicali " + dir.resolve("b.txt"));
  }

  @Test
  void badInputIsOneLineNamingIt() throws IOException {
    assertThat(run("", "extract", "--reported", "10/07/2019", "-").err().strip())
        .isEqualTo("retorno extract: --reported '10/07/2019' is not a date (yyyy-mm-dd)");
    assertThat(run("", "extract", "--lang", "spanish", "-").err().strip())
        .isEqualTo("retorno extract: --lang 'spanish' is not an ISO 639-1 code such as en, es or fr");
    Path missing = dir.resolve("missing.txt");
    Run run = run("", "extract", missing.toString());
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err().strip()).isEqualTo("retorno extract: " + missing + ": no such file or directory");
    Path latin1 = dir.resolve("latin1.txt");
    Files.write(latin1, "Ciudad Ju\u00e1rez".getBytes(StandardCharsets.ISO_8859_1));
    assertThat(run("", "extract", latin1.toString()).err().strip())
        .isEqualTo("retorno extract: " + latin1 + ": not UTF-8 text");
  }

  @Test
  void throughputPrintsSentencesAndMegabytesPerCore() {
    Run run = run("Three migrants were killed in Reynosa. Nine were robbed in Mexicali.",
        "extract", "--throughput", "1", "-");

    assertThat(run.exit()).isZero();
    assertThat(run.out()).startsWith("extract throughput (extract-")
        .contains("1 documents, 2 sentences, 0.000 MB, 2 claims per round")
        .containsPattern("\\d+ sentences/s per core, \\d+\\.\\d\\d MB/s per core");
  }
}
