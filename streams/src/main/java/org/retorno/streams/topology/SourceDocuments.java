package org.retorno.streams.topology;

import java.time.LocalDate;
import java.time.ZoneOffset;
import org.retorno.avro.NewsArticle;
import org.retorno.avro.NgoReport;
import org.retorno.streams.extract.SourceDocument;

/** Raw events as documents for the extractor. The report date is the publication date when known. */
final class SourceDocuments {
  private SourceDocuments() {}

  static SourceDocument fromNews(NewsArticle article) {
    LocalDate reported = LocalDate.ofInstant(
        article.getPublishedAt() != null ? article.getPublishedAt() : article.getRetrievedAt(),
        ZoneOffset.UTC);
    String text = article.getTitle().isBlank()
        ? article.getText()
        : article.getTitle() + "\n\n" + article.getText();
    return new SourceDocument(article.getId(), article.getSourceKind(), article.getOutlet(),
        article.getUrl(), article.getLanguage(), article.getTitle(), text, reported);
  }

  static SourceDocument fromReport(NgoReport report) {
    LocalDate reported = report.getPublishedDate() != null
        ? report.getPublishedDate()
        : LocalDate.ofInstant(report.getRetrievedAt(), ZoneOffset.UTC);
    String name = report.getOrganisation() != null ? report.getOrganisation()
        : report.getTitle() != null ? report.getTitle() : report.getSourceUri();
    return new SourceDocument(report.getId(), report.getSourceKind(), name, report.getSourceUri(),
        report.getLanguage(), report.getTitle(), report.getText(), reported);
  }
}
