package org.retorno.ingest.reports;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.retorno.ingest.FileBytes;
import org.retorno.ingest.InputFile;
import org.retorno.ingest.InputRejectedException;
import org.retorno.ingest.text.DocumentDates;
import org.retorno.ingest.text.FeedDates;
import org.retorno.ingest.text.HtmlText;

/** HTML reports: body text, {@code <title>}, {@code lang}, and a date from the page's metadata or its top lines. */
final class HtmlReportReader {
  private static final List<String> DATE_META = List.of(
      "meta[name=dcterms.date]", "meta[name=DC.date]", "meta[name=date]",
      "meta[property=article:published_time]", "meta[name=citation_publication_date]");

  private HtmlReportReader() {}

  static ReportDocument read(InputFile file) throws InputRejectedException {
    Document document = Jsoup.parse(FileBytes.readText(file).text());
    String title = document.title().isBlank() ? null : document.title().strip().replaceAll("\\s+", " ");
    String language = document.selectFirst("html") == null ? null : document.selectFirst("html").attr("lang");
    LocalDate metaDate = metaDate(document).orElse(null);
    String text = HtmlText.bodyText(document);
    LocalDate date = DocumentDates.leadingDate(text).orElse(metaDate);
    if (title == null) {
      title = TextReportReader.firstLineTitle(text);
    }
    return new ReportDocument(text, title, date, null, language, "text/html");
  }

  private static Optional<LocalDate> metaDate(Document document) {
    for (String selector : DATE_META) {
      Element meta = document.selectFirst(selector);
      if (meta != null) {
        Optional<LocalDate> date = FeedDates.parse(meta.attr("content"))
            .map(instant -> instant.atOffset(java.time.ZoneOffset.UTC).toLocalDate());
        if (date.isPresent()) {
          return date;
        }
      }
    }
    return Optional.empty();
  }
}
