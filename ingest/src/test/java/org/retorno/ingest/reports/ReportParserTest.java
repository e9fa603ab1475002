package org.retorno.ingest.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.retorno.avro.NgoReport;
import org.retorno.avro.SourceKind;
import org.retorno.ingest.IngestOptions;
import org.retorno.ingest.InputFile;
import org.retorno.ingest.Reason;
import org.retorno.ingest.RecordingSink;
import org.retorno.ingest.RecordingSink.Refused;
import org.retorno.ingest.TestFiles;
import org.retorno.ingest.text.TextKey;

class ReportParserTest {
  private static final String LETTER = "ngo-letter-iom-avr-2019-07-30.txt";
  private final ReportParser parser = new ReportParser(TestFiles.CLOCK);

  @TempDir
  Path dir;

  private RecordingSink parse(InputFile file) {
    return RecordingSink.run(parser, file, IngestOptions.defaults());
  }

  private NgoReport report(InputFile file) {
    RecordingSink sink = parse(file);
    assertThat(sink.refused).isEmpty();
    return sink.records(NgoReport.class).get(0);
  }

  @Test
  void sampleNgoLetter() {
    RecordingSink sink = parse(TestFiles.sample("reports/" + LETTER));

    assertThat(sink.refused).isEmpty();
    assertThat(sink.accepted).singleElement().satisfies(accepted -> assertThat(accepted.position()).isNull());
    NgoReport letter = sink.records(NgoReport.class).get(0);
    assertThat(letter.getSourceUri()).isEqualTo(LETTER);
    assertThat(letter.getTitle())
        .isEqualTo("His Excellency Mr. Antonio Manuel de Carvalho Ferreira Vitorino, Director General");
    assertThat(letter.getPublishedDate()).isEqualTo(LocalDate.of(2019, 7, 30));
    assertThat(letter.getLanguage()).isEqualTo("en");
    assertThat(letter.getMediaType()).isEqualTo("text/plain");
    assertThat(letter.getSourceKind()).isEqualTo(SourceKind.NGO);
    assertThat(letter.getOrganisation()).isNull();
    assertThat(letter.getRetrievedAt()).isEqualTo(TestFiles.NOW);
    assertThat(letter.getText()).startsWith("July 30, 2019\n\nHis Excellency")
        .contains("According to a July 2 Associated Press report, approximately 70 individuals subject to MPP in\n"
            + "Ciudad Juarez, Mexico were entered into IOM’s “assisted voluntary return” (AVR) program")
        .contains("process and effectuate the return of nearly 70\npeople in a matter of just two days.");
    assertThat(letter.getId()).isEqualTo(TextKey.ofText(letter.getText()));
  }

  @Test
  void optionsOverrideTitleAndOrganisation() {
    IngestOptions options = new IngestOptions(SourceKind.NGO, "Al Otro Lado and 29 organisations",
        "Letter to IOM on assisted voluntary return", "es", LocalDate.of(2020, 1, 1));

    NgoReport letter = RecordingSink.run(parser, TestFiles.sample("reports/" + LETTER), options)
        .records(NgoReport.class).get(0);

    assertThat(letter.getTitle()).isEqualTo("Letter to IOM on assisted voluntary return");
    assertThat(letter.getOrganisation()).isEqualTo("Al Otro Lado and 29 organisations");
    // Stated by the document and detected in its text: both beat the batch-wide fallbacks.
    assertThat(letter.getPublishedDate()).isEqualTo(LocalDate.of(2019, 7, 30));
    assertThat(letter.getLanguage()).isEqualTo("en");
  }

  @Test
  void spanishTextWithDateLineAndPlacePrefix() {
    NgoReport report = report(TestFiles.write(dir, "informe.txt", """
        Ciudad de México, a 5 de agosto de 2019

        Informe sobre retornos

        Las personas devueltas a Ciudad Juárez bajo el programa no tienen acceso a abogados, y los albergues están llenos.
        Según las organizaciones, hubo secuestros en la ciudad.
        """));

    assertThat(report.getPublishedDate()).isEqualTo(LocalDate.of(2019, 8, 5));
    assertThat(report.getTitle()).isEqualTo("Informe sobre retornos");
    assertThat(report.getLanguage()).isEqualTo("es");
  }

  @Test
  void dateFromTheFileNameThenFromTheOptions() {
    String body = "A short statement about returns to Matamoros and the conditions of the camp there.";
    assertThat(report(TestFiles.write(dir, "statement-2019-10-02.txt", body)).getPublishedDate())
        .isEqualTo(LocalDate.of(2019, 10, 2));

    InputFile undated = TestFiles.write(dir, "statement.txt", body);
    IngestOptions withDate = new IngestOptions(null, null, null, null, LocalDate.of(2019, 11, 1));
    assertThat(RecordingSink.run(parser, undated, withDate).records(NgoReport.class).get(0).getPublishedDate())
        .isEqualTo(LocalDate.of(2019, 11, 1));
    assertThat(report(undated).getPublishedDate()).isNull();
  }

  @Test
  void windows1252AndLatin1TextAreDecoded() {
    String text = "Informe\n\n“Retornos” — 69 personas según el INM; la situación en Juárez es grave.";
    NgoReport cp1252 = report(TestFiles.write(dir, "cp1252.txt", text.getBytes(Charset.forName("windows-1252"))));
    assertThat(cp1252.getText()).isEqualTo(text);

    String latin = "Informe\n\nNiños y señoras devueltos a Juárez; la situación es grave según el albergue.";
    NgoReport latin1 = report(TestFiles.write(dir, "latin1.txt", latin.getBytes(StandardCharsets.ISO_8859_1)));
    assertThat(latin1.getText()).isEqualTo(latin);
  }

  @Test
  void htmlReportWithTitleLanguageAndMetaDate() {
    NgoReport report = report(TestFiles.write(dir, "report.html", """
        <!DOCTYPE html>
        <html lang="en-US"><head><title> Returns to  Mexico: July update </title>
        <meta name="dcterms.date" content="2019-08-01">
        <style>body{font:serif}</style></head>
        <body><h1>Returns to Mexico</h1>
        <p>In July, <em>at least</em> 400 people were returned to Nuevo Laredo.</p>
        <p>Contact: info@example.org or (915) 555-0199.</p>
        <script>track()</script></body></html>
        """));

    assertThat(report.getTitle()).isEqualTo("Returns to Mexico: July update");
    assertThat(report.getLanguage()).isEqualTo("en");
    assertThat(report.getPublishedDate()).isEqualTo(LocalDate.of(2019, 8, 1));
    assertThat(report.getMediaType()).isEqualTo("text/html");
    assertThat(report.getText()).isEqualTo("Returns to Mexico\nIn July, at least 400 people were returned to Nuevo "
        + "Laredo.\nContact: [email] or [phone].");
  }

  @Test
  void htmlWithoutTextIsRejected() {
    assertThat(parse(TestFiles.write(dir, "blank.html", "<html><head><title>T</title></head><body> </body></html>"))
        .refused).containsExactly(new Refused(null, Reason.NO_TEXT, null));
  }

  @Test
  void pdfWithInformationDictionary() {
    byte[] pdf = Pdfs.withLines(List.of("Assisted voluntary return from Tijuana",
            "The organisation registered 126 departures in August 2019."),
        "AVR situation report", "IOM Mexico", Pdfs.utc(2019, 9, 4));

    NgoReport report = report(TestFiles.write(dir, "sitrep.pdf", pdf));

    assertThat(report.getTitle()).isEqualTo("AVR situation report");
    assertThat(report.getOrganisation()).isEqualTo("IOM Mexico");
    assertThat(report.getPublishedDate()).isEqualTo(LocalDate.of(2019, 9, 4));
    assertThat(report.getMediaType()).isEqualTo("application/pdf");
    assertThat(report.getText()).isEqualTo(
        "Assisted voluntary return from Tijuana\nThe organisation registered 126 departures in August 2019.");
    assertThat(report.getLanguage()).isEqualTo("en");
  }

  @Test
  void pdfWithoutInformationTakesItsFirstLineAndDateLine() {
    byte[] pdf = Pdfs.withLines(List.of("August 30, 2019", "Statement on returns", "Returns continue."), null, null, null);

    NgoReport report = report(TestFiles.write(dir, "statement.pdf", pdf));

    assertThat(report.getTitle()).isEqualTo("Statement on returns");
    assertThat(report.getPublishedDate()).isEqualTo(LocalDate.of(2019, 8, 30));
    assertThat(report.getOrganisation()).isNull();
  }

  @Test
  void passwordProtectedPdfIsRejected() {
    byte[] pdf = Pdfs.encrypted(List.of("Confidential"), "user-secret", true);
    assertThat(parse(TestFiles.write(dir, "locked.pdf", pdf)).refused)
        .containsExactly(new Refused(null, Reason.PDF_ENCRYPTED, "password required"));
  }

  @Test
  void pdfWhoseOwnerForbidsExtractionIsRejected() {
    byte[] pdf = Pdfs.encrypted(List.of("Do not copy"), "", false);
    assertThat(parse(TestFiles.write(dir, "nocopy.pdf", pdf)).refused)
        .containsExactly(new Refused(null, Reason.PDF_ENCRYPTED, "text extraction not permitted"));
  }

  @Test
  void pdfEncryptedOnlyAgainstEditingIsRead() {
    byte[] pdf = Pdfs.encrypted(List.of("Open to read, closed to edit."), "", true);
    assertThat(report(TestFiles.write(dir, "open.pdf", pdf)).getText()).isEqualTo("Open to read, closed to edit.");
  }

  @Test
  void pdfWithoutTextIsRejected() {
    byte[] pdf = Pdfs.withLines(List.of(), "Scanned", null, null);
    assertThat(parse(TestFiles.write(dir, "scan.pdf", pdf)).refused)
        .containsExactly(new Refused(null, Reason.NO_TEXT, "no extractable text (scanned pages need OCR)"));
  }

  @Test
  void damagedPdfIsRejected() {
    assertThat(parse(TestFiles.write(dir, "damaged.pdf", "%PDF-1.7\n1 0 obj << /Type /Catalog >>\n")).refused)
        .extracting(Refused::reason).containsExactly(Reason.PDF_UNREADABLE);
  }

  @Test
  void emptyBinaryAndUnsupportedFilesAreRejected() {
    assertThat(parse(TestFiles.write(dir, "empty.txt", "")).refused)
        .containsExactly(new Refused(null, Reason.EMPTY_FILE, null));
    assertThat(parse(TestFiles.write(dir, "empty.pdf", new byte[0])).refused)
        .containsExactly(new Refused(null, Reason.EMPTY_FILE, null));
    assertThat(parse(TestFiles.write(dir, "image.txt", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13})).refused)
        .containsExactly(new Refused(null, Reason.BINARY_CONTENT, null));
    assertThat(parse(TestFiles.write(dir, "report.docx", "x")).refused)
        .containsExactly(new Refused(null, Reason.UNSUPPORTED_FILE_TYPE, "reports take .txt, .html, .htm or .pdf"));
  }
}
