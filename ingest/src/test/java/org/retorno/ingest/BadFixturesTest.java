package org.retorno.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.retorno.avro.CaseCountRow;
import org.retorno.avro.NewsArticle;
import org.retorno.avro.NgoReport;
import org.retorno.schemas.Topics;
import org.retorno.schemas.serde.AvroSerializer;

/** The deliberately bad files in src/test/resources/bad, each with the exact rejection it gets. */
class BadFixturesTest {
  private MockProducer<String, SpecificRecord> producer;

  @BeforeEach
  void setUp() {
    AvroSerializer<SpecificRecord> serializer = new AvroSerializer<>();
    serializer.configure(Map.of("schema.registry.url", "mock://bad-" + UUID.randomUUID()), false);
    producer = new MockProducer<>(true, null, new StringSerializer(), serializer);
  }

  private static Path fixtures(String folder) {
    try {
      return Path.of(BadFixturesTest.class.getResource("/bad/" + folder).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private IngestAccount ingest(SourceType type, String folder) {
    try (Ingestor ingestor = new Ingestor(producer, producer, TestFiles.CLOCK)) {
      return ingestor.ingest(type, List.of(fixtures(folder)), IngestOptions.defaults());
    }
  }

  private <T> List<T> sent(String topic, Class<T> type) {
    return producer.history().stream().filter(record -> record.topic().equals(topic))
        .map(ProducerRecord::value).map(type::cast).toList();
  }

  @Test
  void badFeeds() {
    IngestAccount account = ingest(SourceType.NEWS, "news");

    assertThat(account.rejections()).extracting(Rejected::describe).containsExactly(
        "billion-laughs.rss line 2: DOCTYPE refused (DTDs and entities are not accepted)",
        "dump-mixed-encodings.jsonl line 3: malformed JSON line: column 94",
        "error-page.xml: content does not match the file extension: .xml file holds HTML",
        "subscriptions.xml: not an RSS or Atom feed: root element <opml>",
        "xxe.xml line 2: DOCTYPE refused (DTDs and entities are not accepted)");
    assertThat(account.summary()).isEqualTo("read 7, produced 2, duplicates 0, rejected 5 (DOCTYPE refused "
        + "(DTDs and entities are not accepted): 2, content does not match the file extension: 1, "
        + "malformed JSON line: 1, not an RSS or Atom feed: 1)");
    // A UTF-8 line and a Latin-1 line in one dump: both read with their accents intact.
    assertThat(sent(Topics.RAW_NEWS, NewsArticle.class)).extracting(NewsArticle::getTitle).containsExactly(
        "Devueltos a Ciudad Juárez", "Albergue lleno en Mexicali");
    assertThat(sent(Topics.RAW_NEWS, NewsArticle.class).get(1).getText())
        .isEqualTo("El albergue de Mexicali recibió a 45 personas devueltas; según su director, ya no hay lugar.");
  }

  @Test
  void badReports() {
    IngestAccount account = ingest(SourceType.REPORTS, "reports");

    assertThat(account.rejections()).extracting(Rejected::describe).containsExactly(
        "empty.txt: empty file",
        "mislabelled.pdf: content does not match the file extension: .pdf file holds HTML",
        "notes.docx: unsupported file type: reports take .txt, .html, .htm or .pdf");
    assertThat(sent(Topics.RAW_REPORTS, NgoReport.class)).extracting(NgoReport::getSourceUri, NgoReport::getTitle)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("informe-latin1.txt", "Informe de monitoreo del albergue"),
            org.assertj.core.groups.Tuple.tuple("report-windows1252.txt", "Monitoring note \u2013 18 October 2019"));
    assertThat(sent(Topics.RAW_REPORTS, NgoReport.class).get(1).getText()).contains("\u201cRemain in Mexico\u201d");
    assertThat(sent(Topics.RAW_REPORTS, NgoReport.class).get(0).getText()).contains("recibió", "Según");
  }

  @Test
  void badTables() {
    IngestAccount account = ingest(SourceType.COUNTS, "counts");

    assertThat(account.rejections()).extracting(Rejected::describe).containsExactly(
        "bad-rows.csv line 4: unknown place",
        "bad-rows.csv line 5: non-numeric value",
        "bad-rows.csv line 6: negative value",
        "bad-rows.csv line 7: period end before start",
        "bad-rows.csv line 8: date in the future: period_end after 2025-01-15",
        "bad-rows.csv line 10: conflicting duplicate row: same period, place and metric as line 3 with another value",
        "cut-row.csv line 3: wrong number of fields: 3 fields, header has 8",
        "truncated.csv line 3: malformed CSV: unterminated quoted field or stray quote; the rest of the file was not read",
        "wide-without-mapping.csv: missing mapping file: a wide table needs wide-without-mapping.mapping.csv beside it, "
            + "or a '# mapping: FILE' line before its header");
    assertThat(sent(Topics.RAW_CASE_COUNTS, CaseCountRow.class)).extracting(CaseCountRow::getPlaceName,
        CaseCountRow::getValue).containsExactly(
        org.assertj.core.groups.Tuple.tuple("Piedras Negras", 120L),
        org.assertj.core.groups.Tuple.tuple("Tijuana", 4L),
        org.assertj.core.groups.Tuple.tuple("Matamoros", 3300L),
        org.assertj.core.groups.Tuple.tuple("Tijuana", 730L));
  }
}
