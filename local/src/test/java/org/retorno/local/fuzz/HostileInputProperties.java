package org.retorno.local.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterTry;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.retorno.avro.CaseCountRow;
import org.retorno.avro.Rejection;
import org.retorno.ingest.IngestAccount;
import org.retorno.ingest.IngestOptions;
import org.retorno.ingest.Ingestor;
import org.retorno.ingest.SourceType;
import org.retorno.schemas.Topics;
import org.retorno.schemas.serde.AvroSerializer;

/**
 * Inputs built to break the ingest parsers, through the whole {@link Ingestor}: JSON Lines nested
 * thousands deep, RSS with external entities (XXE) and entity-expansion bombs, HTML nested past any
 * recursion limit, truncated feeds, CSV cells that a spreadsheet would run as formulas. Invariant:
 * the run returns, every item read is a record or a rejection with a reason, rejections never quote
 * the input, and nothing from outside the input (a local file, an expanded bomb) gets into a record.
 */
class HostileInputProperties {
  private static final String MARKER = "zzhostile";
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2019-08-01T00:00:00Z"), ZoneOffset.UTC);
  private static final Path FEED = Path.of("src/test/resources/pipeline-samples/news/border-news-2019-07.rss.xml");
  private static final String CSV_HEADER = "period_start,period_end,place,metric,value,semantics,source,source_url\n";

  private Path dir;

  private record Outcome(IngestAccount account, List<ProducerRecord<String, SpecificRecord>> records) {
    List<SpecificRecord> produced() {
      return records.stream().filter(r -> !r.topic().equals(Topics.INGEST_REJECTIONS))
          .map(ProducerRecord::value).toList();
    }

    List<Rejection> rejections() {
      return records.stream().filter(r -> r.topic().equals(Topics.INGEST_REJECTIONS))
          .map(r -> (Rejection) r.value()).toList();
    }
  }

  private Outcome ingest(SourceType type, String fileName, byte[] content) throws IOException {
    if (dir == null) {
      dir = Files.createTempDirectory("hostile");
    }
    Path file = dir.resolve(UUID.randomUUID() + "-" + fileName);
    Files.write(file, content);
    AvroSerializer<SpecificRecord> serializer = new AvroSerializer<>();
    serializer.configure(Map.of("schema.registry.url", "mock://hostile-" + UUID.randomUUID()), false);
    MockProducer<String, SpecificRecord> producer = new MockProducer<>(true, null, new StringSerializer(),
        serializer);
    try (Ingestor ingestor = new Ingestor(producer, producer, CLOCK)) {
      IngestAccount account = ingestor.ingest(type, List.of(file), IngestOptions.defaults());
      Outcome outcome = new Outcome(account, producer.history());
      assertAccountedFor(outcome);
      return outcome;
    }
  }

  /** Each item read is a record or a rejection with a reason; each rejection is on the topic. */
  private static void assertAccountedFor(Outcome outcome) {
    IngestAccount account = outcome.account();
    assertThat(account.read()).isEqualTo(account.produced() + account.duplicates() + account.rejected());
    assertThat(outcome.produced()).hasSize((int) account.produced());
    assertThat(outcome.rejections()).hasSize((int) account.rejected());
    for (Rejection rejection : outcome.rejections()) {
      assertThat(rejection.getReason()).isNotBlank().doesNotContain(MARKER);
    }
  }

  @AfterTry
  void cleanUp() throws IOException {
    if (dir != null) {
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(path);
        }
      }
      dir = null;
    }
  }

  @Property(tries = 40)
  void jsonLinesNestedDeepAreRejectedLineByLine(@ForAll @IntRange(min = 1, max = 50_000) int depth,
      @ForAll @IntRange(min = 1, max = 4) int lines) throws IOException {
    String nested = "{\"body\":".repeat(depth) + "\"" + MARKER + " Tijuana\"" + "}".repeat(depth);
    String text = (nested + "\n").repeat(lines);

    Outcome outcome = ingest(SourceType.NEWS, "dump.jsonl", text.getBytes(StandardCharsets.UTF_8));

    // One level is a flat item without a title; deeper, the body is not text; past 32, too deep.
    assertThat(outcome.account().read()).isEqualTo(lines);
    assertThat(outcome.account().produced() + outcome.account().duplicates()).isLessThanOrEqualTo(depth == 1 ? lines : 0);
    if (depth > 32) {
      assertThat(outcome.rejections()).allSatisfy(r -> assertThat(r.getReason()).contains("nesting depth"));
    }
  }

  @Property(tries = 30)
  void feedsWithExternalEntitiesOrEntityBombsNeverExpandThem(@ForAll("hostileFeeds") String feed) throws IOException {
    Outcome outcome = ingest(SourceType.NEWS, "feed.xml", feed.getBytes(StandardCharsets.UTF_8));

    for (SpecificRecord record : outcome.produced()) {
      assertThat(record.toString()).doesNotContain("root:").doesNotContain("lollollol").doesNotContain(MARKER + "-secret");
    }
  }

  @Property(tries = 40)
  void truncatedFeedsGiveRecordsOrRejections(@ForAll @IntRange(min = 0, max = 100_000) int keep) throws IOException {
    byte[] feed = Files.readAllBytes(FEED);
    byte[] truncated = java.util.Arrays.copyOf(feed, Math.min(keep, feed.length));

    Outcome outcome = ingest(SourceType.NEWS, "feed.xml", truncated);

    assertThat(outcome.account().read()).isPositive();
  }

  @Property(tries = 25)
  void htmlNestedPastAnyRecursionLimitIsReadOrRejected(@ForAll @IntRange(min = 1, max = 100_000) int depth,
      @ForAll("tags") String tag) throws IOException {
    String html = "<html><body>" + ("<" + tag + ">").repeat(depth)
        + "About 70 people were returned to Ciudad Juárez on 2019-07-09." + ("</" + tag + ">").repeat(depth)
        + "</body></html>";

    Outcome outcome = ingest(SourceType.REPORTS, "report.html", html.getBytes(StandardCharsets.UTF_8));

    assertThat(outcome.account().read()).isEqualTo(1);
  }

  /**
   * Only a plain number is a count: a value cell a spreadsheet would compute ("=7", "-3+10",
   * "@SUM(A1)") is rejected. Text cells (source name, URL) are kept as written, formula or not:
   * provenance is quoted, not judged, and every export neutralises formula prefixes itself.
   */
  @Property(tries = 60)
  void csvCellsWithFormulaPrefixesAreNeverCountedAsNumbers(@ForAll("formulaRows") List<List<String>> rows)
      throws IOException {
    List<String> lines = rows.stream().map(cells -> "2019-07-09,2019-07-09," + csvCell(cells.get(0))
        + ",MPP_RETURN," + csvCell(cells.get(1)) + ",increment," + csvCell(cells.get(2)) + ","
        + csvCell(cells.get(3))).toList();
    String csv = CSV_HEADER + String.join("\n", lines) + "\n";

    Outcome outcome = ingest(SourceType.COUNTS, "counts.csv", csv.getBytes(StandardCharsets.UTF_8));

    assertThat(outcome.account().read()).isEqualTo(rows.size());
    for (SpecificRecord record : outcome.produced()) {
      CaseCountRow row = (CaseCountRow) record;
      List<String> cells = rows.get((int) row.getLineNumber() - 2);
      assertThat(cells.get(1)).as("value cell of a counted row").isIn("7", "12");
      assertThat(row.getValue()).isEqualTo(Long.parseLong(cells.get(1)));
    }
  }

  @Provide
  Arbitrary<String> hostileFeeds() {
    String item = "<item><title>Returned to Tijuana " + MARKER + "</title><link>https://example.org/a</link>"
        + "<pubDate>Tue, 02 Jul 2019 18:40:00 GMT</pubDate><description>BODY</description></item>";
    Arbitrary<String> doctype = Arbitraries.of(
        "<!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>",
        "<!DOCTYPE rss [<!ENTITY x SYSTEM \"file://" + Path.of("src/test/resources/pipeline-samples").toAbsolutePath()
            + "/counts/inm-returns-2019-07.csv\">]>",
        "<!DOCTYPE rss [<!ENTITY % p SYSTEM \"http://127.0.0.1:9/evil.dtd\"> %p;]>",
        "<!DOCTYPE rss SYSTEM \"http://127.0.0.1:9/evil.dtd\">",
        "<!DOCTYPE rss [<!ENTITY a \"lol\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
            + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">"
            + "<!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\"><!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\">"
            + "<!ENTITY g \"&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;\"><!ENTITY x \"&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;\">]>",
        "<!DOCTYPE rss [<!ENTITY x \"" + MARKER + "-secret\">]>");
    Arbitrary<String> use = Arbitraries.of("&x;", "", "<![CDATA[&x;]]>");
    Arbitrary<Integer> depth = Arbitraries.integers().between(0, 3000);
    return Combinators.combine(doctype, use, depth).as((d, u, n) -> "<?xml version=\"1.0\"?>" + d
        + "<rss version=\"2.0\"><channel><title>t</title>" + "<x>".repeat(n)
        + item.replace("BODY", "About 70 people " + u + " were returned.") + "</x>".repeat(n)
        + "</channel></rss>");
  }

  @Provide
  Arbitrary<String> tags() {
    return Arbitraries.of("div", "span", "table", "b", "p", "ul");
  }

  @Provide
  Arbitrary<List<List<String>>> formulaRows() {
    Arbitrary<String> formula = Arbitraries.of("=1+1", "=HYPERLINK(\"http://127.0.0.1/" + MARKER + "\")", "+7",
        "-3+10", "@SUM(A1)", "\t=1", "=cmd|' /C calc'!A0", "=7", "+12", "=\"Tijuana\"");
    Arbitrary<String> plainValue = Arbitraries.of("7", "12");
    Arbitrary<String> place = Arbitraries.oneOf(Arbitraries.of("Tijuana", "Ciudad Juárez"), formula);
    Arbitrary<String> value = Arbitraries.oneOf(plainValue, formula);
    Arbitrary<String> source = Arbitraries.oneOf(Arbitraries.of("INM daily returns"), formula);
    Arbitrary<String> url = Arbitraries.oneOf(Arbitraries.of("https://example.org/inm"), formula);
    return Combinators.combine(place, value, source, url).as(List::of).list().ofMinSize(1).ofMaxSize(6);
  }

  private static String csvCell(String value) {
    return value.matches("[\\p{L}\\p{N} .:/]*") ? value : "\"" + value.replace("\"", "\"\"") + "\"";
  }
}
