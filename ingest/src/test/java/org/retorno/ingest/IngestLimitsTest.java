package org.retorno.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.retorno.avro.NewsArticle;
import org.retorno.avro.NgoReport;
import org.retorno.ingest.reports.Pdfs;
import org.retorno.schemas.serde.AvroSerializer;

/** Limits, with files made in the test: nothing here is allowed to cost more than the limit says. */
class IngestLimitsTest {
  private static final long ONE_MB = 1024 * 1024;
  private static final String LINE = "{\"body\":\"Forty people were returned to Reynosa on Monday, officials said.\"}\n";

  @TempDir
  Path dir;

  private MockProducer<String, SpecificRecord> producer;

  @BeforeEach
  void setUp() {
    AvroSerializer<SpecificRecord> serializer = new AvroSerializer<>();
    serializer.configure(Map.of("schema.registry.url", "mock://limits-" + UUID.randomUUID()), false);
    producer = new MockProducer<>(true, null, new StringSerializer(), serializer);
  }

  private IngestAccount ingest(SourceType type, IngestSettings settings) {
    try (Ingestor ingestor = new Ingestor(producer, producer, TestFiles.CLOCK, settings, SentHistory.none())) {
      return ingestor.ingest(type, List.of(dir), IngestOptions.defaults());
    }
  }

  private static List<String> described(IngestAccount account) {
    return account.rejections().stream().map(Rejected::describe).toList();
  }

  @Test
  void pdfsMadeInTheTestAreReadWithinTheirLimitsAndRefusedBeyondThem() throws IOException {
    TestFiles.write(dir, "a-report.pdf", Pdfs.withLines(List.of("Monitoring report, 3 October 2019",
        "Shelters in Nuevo Laredo housed 420 returnees in September."), "Shelter monitoring", "Test NGO", null));
    TestFiles.write(dir, "b-long.pdf", Pdfs.pages(3, "Returns to Matamoros continued."));
    TestFiles.write(dir, "c-bomb.pdf", Pdfs.flateBomb(3 * ONE_MB));
    IngestSettings settings = IngestSettings.defaults().withMaxFileBytes(ONE_MB).withMaxPdfPages(2);

    IngestAccount account = ingest(SourceType.REPORTS, settings);

    assertThat(described(account)).containsExactly(
        "b-long.pdf: too many PDF pages: 3 pages, the limit is 2",
        "c-bomb.pdf: decompression bomb: page content expands beyond the limit of 1.0 MB");
    assertThat(producer.history()).filteredOn(record -> record.value() instanceof NgoReport)
        .extracting(record -> ((NgoReport) record.value()).getTitle()).containsExactly("Shelter monitoring");
    assertThat(Files.size(dir.resolve("c-bomb.pdf"))).as("the bomb is small on disk").isLessThan(ONE_MB / 20);
  }

  @Test
  void gzipFilesAreExpandedNoFurtherThanTheLimit() throws IOException {
    TestFiles.write(dir, "a-dump.jsonl.gz", gzip(LINE.getBytes(StandardCharsets.UTF_8)));
    TestFiles.write(dir, "b-bomb.jsonl.gz", gzip(new byte[(int) (3 * ONE_MB)]));
    TestFiles.write(dir, "c-hidden.jsonl", gzip(LINE.getBytes(StandardCharsets.UTF_8)));
    TestFiles.write(dir, "d-plain.jsonl.gz", LINE);
    TestFiles.write(dir, "e-twice.jsonl.gz", gzip(gzip(LINE.getBytes(StandardCharsets.UTF_8))));

    IngestAccount account = ingest(SourceType.NEWS, IngestSettings.defaults().withMaxFileBytes(ONE_MB));

    assertThat(described(account)).containsExactly(
        "b-bomb.jsonl.gz: decompression bomb: expands beyond the limit of 1.0 MB",
        "c-hidden.jsonl: content does not match the file extension: .jsonl file holds gzip-compressed data",
        "d-plain.jsonl.gz: content does not match the file extension: .gz file holds plain text",
        "e-twice.jsonl.gz: content does not match the file extension: compressed twice; expand it once");
    assertThat(producer.history()).filteredOn(record -> record.value() instanceof NewsArticle)
        .extracting(record -> ((NewsArticle) record.value()).getText())
        .containsExactly("Forty people were returned to Reynosa on Monday, officials said.");
  }

  @Test
  void filesThatAreNotWhatTheirExtensionSaysAreRefusedUnopened() throws IOException {
    TestFiles.write(dir, "feed.xml", zipBomb());
    TestFiles.write(dir, "photo.txt", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13,
        'I', 'H', 'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0});
    TestFiles.write(dir, "report.pdf", "Just some text that was saved with the wrong name.\n");

    IngestAccount news = ingest(SourceType.NEWS, IngestSettings.defaults());
    IngestAccount reports = ingest(SourceType.REPORTS, IngestSettings.defaults());

    assertThat(described(news)).contains(
        "feed.xml: content does not match the file extension: .xml file holds a ZIP archive");
    assertThat(described(reports)).contains(
        "photo.txt: content does not match the file extension: .txt file holds an image (png)",
        "report.pdf: content does not match the file extension: .pdf file holds plain text");
  }

  @Test
  void textThatMerelyMentionsHtmlIsNotMistakenForAPage() {
    TestFiles.write(dir, "a-dump.jsonl", "{\"title\":\"<html> tags in a title\",\"body\":\"Forty people were returned to "
        + "Reynosa on Monday, officials said.\"}\n");
    TestFiles.write(dir, "b-page.jsonl", "\uFEFF  <!-- saved --><!DOCTYPE html><html><body>Session expired</body></html>");

    IngestAccount account = ingest(SourceType.NEWS, IngestSettings.defaults());

    assertThat(described(account)).containsExactly(
        "b-page.jsonl: content does not match the file extension: .jsonl file holds HTML");
    assertThat(account.produced()).isEqualTo(1);
  }

  @Test
  void reportsThatOpenLikeMailOrNewsHeadersAreStillText() {
    TestFiles.write(dir, "a-article.txt", "Article 12 of the letter: 69 people were returned to Ciudad Juárez on July 1.\n");
    TestFiles.write(dir, "b-forwarded.txt", "From: Shelter network\nTo: Monitoring team\nSubject: Returns\n\n"
        + "Eleven people were returned to Matamoros on Monday.\n");

    IngestAccount account = ingest(SourceType.REPORTS, IngestSettings.defaults());

    assertThat(account.summary()).isEqualTo("read 2, produced 2, duplicates 0, rejected 0");
  }

  @Test
  void aFileOverTheSizeLimitIsRefusedBeforeItIsRead() {
    TestFiles.write(dir, "huge.jsonl", LINE.repeat((int) (ONE_MB * 3 / 2 / LINE.length()) + 1));

    IngestAccount account = ingest(SourceType.NEWS, IngestSettings.defaults().withMaxFileBytes(ONE_MB));

    assertThat(described(account)).containsExactly("huge.jsonl: file too large: 1.5 MB, the limit is 1.0 MB");
    assertThat(producer.history()).extracting(record -> record.topic()).containsExactly("ingest-rejections");
  }

  @Test
  void aDanglingLinkInADirectoryIsRejectedNotSkipped() throws IOException {
    Files.createSymbolicLink(dir.resolve("gone.jsonl"), dir.resolve("deleted-target.jsonl"));

    IngestAccount account = ingest(SourceType.NEWS, IngestSettings.defaults());

    assertThat(described(account)).containsExactly("gone.jsonl: unreadable file: not a regular file");
  }

  @Test
  void aFifoIsRejectedInsteadOfBlockingTheRun() throws Exception {
    Path fifo = dir.resolve("pipe.jsonl");
    Process mkfifo;
    try {
      mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    } catch (IOException e) {
      assumeTrue(false, "mkfifo is not available here");
      return;
    }
    assumeTrue(mkfifo.waitFor() == 0, "mkfifo failed");

    IngestAccount account = ingest(SourceType.NEWS, IngestSettings.defaults());

    assertThat(described(account)).containsExactly("pipe.jsonl: unreadable file: not a regular file");
  }

  private static byte[] gzip(byte[] content) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(content);
    }
    return out.toByteArray();
  }

  /** 20 MB of zeros in a few kilobytes: harmless unless someone expands it. */
  private static byte[] zipBomb() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("feed.xml"));
      byte[] zeros = new byte[1024 * 1024];
      for (int i = 0; i < 20; i++) {
        zip.write(zeros);
      }
      zip.closeEntry();
    }
    return out.toByteArray();
  }
}
