package org.retorno.ingest.reports;

import java.time.Clock;
import java.time.LocalDate;
import org.retorno.avro.NgoReport;
import org.retorno.avro.SourceKind;
import org.retorno.ingest.IngestOptions;
import org.retorno.ingest.IngestSettings;
import org.retorno.ingest.InputFile;
import org.retorno.ingest.InputRejectedException;
import org.retorno.ingest.ItemSink;
import org.retorno.ingest.Reason;
import org.retorno.ingest.SourceParser;
import org.retorno.ingest.text.DocumentDates;
import org.retorno.ingest.text.IdentifierScrubber;
import org.retorno.ingest.text.LanguageDetector;
import org.retorno.ingest.text.Languages;
import org.retorno.ingest.text.TextKey;

/** NGO and international-organisation reports: {@code .txt}, {@code .html}/{@code .htm} and {@code .pdf}, one record per file. */
public final class ReportParser implements SourceParser {
  private final Clock clock;
  private final IngestSettings settings;

  public ReportParser(Clock clock) {
    this(clock, IngestSettings.defaults());
  }

  /** {@code settings} bound PDFs: page count, and decoded content at most the file size limit. */
  public ReportParser(Clock clock, IngestSettings settings) {
    this.clock = clock;
    this.settings = settings;
  }

  @Override
  public void parse(InputFile file, IngestOptions options, ItemSink sink) throws InputRejectedException {
    ReportDocument document = switch (file.extension()) {
      case "txt" -> TextReportReader.read(file);
      case "html", "htm" -> HtmlReportReader.read(file);
      case "pdf" -> PdfReportReader.read(file, settings.maxPdfPages(), settings.maxFileBytes());
      default -> throw new InputRejectedException(Reason.UNSUPPORTED_FILE_TYPE, null,
          "reports take .txt, .html, .htm or .pdf");
    };
    String text = IdentifierScrubber.scrub(document.text());
    if (text.isBlank()) {
      throw new InputRejectedException(Reason.NO_TEXT, null,
          document.mediaType().equals("application/pdf") ? "no extractable text (scanned pages need OCR)" : null);
    }
    String title = options.title() != null ? options.title() : document.title();
    String language = language(document, options, text);
    NgoReport report = NgoReport.newBuilder()
        .setId(TextKey.ofText(text))
        .setSourceUri(file.name())
        .setTitle(title == null ? null : IdentifierScrubber.scrub(title))
        .setOrganisation(options.sourceName() != null ? options.sourceName() : document.author())
        .setSourceKind(options.sourceKindOr(SourceKind.NGO))
        .setMediaType(document.mediaType())
        .setLanguage(language)
        .setPublishedDate(publishedDate(document, file, options))
        .setRetrievedAt(clock.instant())
        .setText(text)
        .build();
    sink.accept(null, report.getId(), report);
  }

  /** The document's declaration (HTML lang), else the text itself, else the operator's batch-wide default. */
  private static String language(ReportDocument document, IngestOptions options, String text) {
    String declared = Languages.iso639_1(document.language());
    if (declared != null) {
      return declared;
    }
    String detected = LanguageDetector.detect(text);
    return detected != null ? detected : Languages.iso639_1(options.language());
  }

  /** The document's own date, else a date in its file name, else the operator's. */
  private static LocalDate publishedDate(ReportDocument document, InputFile file, IngestOptions options) {
    if (document.date() != null) {
      return document.date();
    }
    return DocumentDates.inFileName(file.path().getFileName().toString()).orElse(options.publishedDate());
  }
}
