package org.retorno.ingest.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterProperty;
import org.retorno.avro.NgoReport;
import org.retorno.ingest.IngestOptions;
import org.retorno.ingest.InputFile;
import org.retorno.ingest.Reason;
import org.retorno.ingest.RecordingSink;
import org.retorno.ingest.TestFiles;

/** Whatever bytes a report file holds, it becomes exactly one report or one recorded rejection. */
class ReportParserPropertiesTest {
  private final ReportParser parser = new ReportParser(TestFiles.CLOCK);
  private final Path dir = tempDir();

  @Property
  void arbitraryBytesAsText(@ForAll @Size(max = 2_000) byte[] bytes) {
    assertExactlyOneOutcome(parse("random.txt", bytes));
  }

  @Property
  void arbitraryBytesAsHtml(@ForAll @Size(max = 2_000) byte[] bytes) {
    assertExactlyOneOutcome(parse("random.html", bytes));
  }

  @Property(tries = 100)
  void arbitraryBytesAsPdf(@ForAll @Size(max = 2_000) byte[] bytes) {
    assertExactlyOneOutcome(parse("random.pdf", bytes));
  }

  @Property(tries = 50)
  void damagedPdfsNeverThrow(@ForAll("damagedPdfs") byte[] pdf) {
    assertExactlyOneOutcome(parse("damaged.pdf", pdf));
  }

  @Property
  void textReportsKeepEveryWordOfPrintableText(@ForAll("sentences") String text) {
    RecordingSink sink = parse("words.txt", text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertExactlyOneOutcome(sink);
    if (!text.isBlank()) {
      assertThat(sink.records(NgoReport.class).get(0).getText().split("\\s+"))
          .containsExactly(text.strip().split("\\s+"));
    }
  }

  @Provide
  Arbitrary<String> sentences() {
    return Arbitraries.strings().alpha().withChars(' ', '\n', 'é', 'ñ').ofMaxLength(200);
  }

  @Provide
  Arbitrary<byte[]> damagedPdfs() {
    byte[] pdf = Pdfs.withLines(List.of("Returns from Tijuana", "126 departures"), "Sitrep", "IOM", Pdfs.utc(2019, 9, 4));
    return Arbitraries.integers().between(0, pdf.length - 1).list().ofMinSize(1).ofMaxSize(8)
        .flatMap(cuts -> Arbitraries.bytes().list().ofSize(cuts.size()).map(values -> {
          byte[] damaged = pdf.clone();
          for (int i = 0; i < cuts.size(); i++) {
            damaged[cuts.get(i)] = values.get(i);
          }
          return damaged;
        }));
  }

  private RecordingSink parse(String name, byte[] bytes) {
    InputFile file = TestFiles.write(dir, name, bytes);
    return RecordingSink.run(parser, file, IngestOptions.defaults());
  }

  private static void assertExactlyOneOutcome(RecordingSink sink) {
    assertThat(sink.accepted.size() + sink.refused.size()).isEqualTo(1);
    assertThat(sink.refused).noneMatch(refused -> refused.reason() == Reason.PARSER_FAILURE);
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("report-properties");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @AfterProperty
  void cleanUp() throws IOException {
    try (var files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }
}
