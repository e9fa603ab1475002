package org.retorno.bench.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.retorno.avro.NewsArticle;
import org.retorno.avro.NgoReport;
import org.retorno.avro.SourceKind;
import org.retorno.ingest.IngestOptions;
import org.retorno.ingest.Ingestor;
import org.retorno.ingest.SourceType;
import org.retorno.streams.extract.SourceDocument;

/**
 * Documents as the extractor sees them: the shipped samples read by the real ingest parsers (into
 * a mock producer, no Kafka needed), and synthetic reports. News become title and text the way
 * the topology's claims stage joins them.
 */
public final class SampleDocuments {
  private SampleDocuments() {}

  /** The news and reports under {@code samples} (its news/ and reports/ folders). */
  public static List<SourceDocument> fromSamples(Path samples) {
    for (String folder : List.of("news", "reports")) {
      if (!Files.isDirectory(samples.resolve(folder))) {
        throw new IllegalArgumentException("samples directory " + samples.toAbsolutePath() + " has no "
            + folder + "/ folder (use --samples DIR)");
      }
    }
    MockProducer<String, SpecificRecord> producer =
        new MockProducer<>(true, null, new StringSerializer(), (topic, value) -> new byte[0]);
    Ingestor ingestor = new Ingestor(producer, producer, Clock.systemUTC());
    ingestor.ingest(SourceType.NEWS, List.of(samples.resolve("news")), IngestOptions.defaults());
    ingestor.ingest(SourceType.REPORTS, List.of(samples.resolve("reports")),
        new IngestOptions(SourceKind.NGO, "Joint NGO letter to IOM", null, null, null));
    List<SourceDocument> documents = new ArrayList<>();
    for (ProducerRecord<String, SpecificRecord> record : producer.history()) {
      if (record.value() instanceof NewsArticle article) {
        documents.add(fromNews(article));
      } else if (record.value() instanceof NgoReport report) {
        documents.add(fromReport(report));
      }
    }
    if (documents.isEmpty()) {
      throw new IllegalArgumentException("samples directory " + samples.toAbsolutePath() + " has no readable documents");
    }
    return documents;
  }

  public static List<SourceDocument> synthetic(int count, int sentences, long seed) {
    List<String> texts = new SyntheticCorpus(seed).documents(count, sentences);
    List<SourceDocument> documents = new ArrayList<>(texts.size());
    for (int i = 0; i < texts.size(); i++) {
      documents.add(new SourceDocument("bench-doc-" + i, SourceKind.NGO, "Bench NGO coalition",
          null, i % 4 == 3 ? "es" : "en", null, texts.get(i), LocalDate.of(2022, 6, 30)));
    }
    return documents;
  }

  private static SourceDocument fromNews(NewsArticle article) {
    LocalDate reported = LocalDate.ofInstant(
        article.getPublishedAt() != null ? article.getPublishedAt() : article.getRetrievedAt(), ZoneOffset.UTC);
    String text = article.getTitle().isBlank() ? article.getText() : article.getTitle() + "\n\n" + article.getText();
    return new SourceDocument(article.getId(), article.getSourceKind(), article.getOutlet(), article.getUrl(),
        article.getLanguage(), article.getTitle(), text, reported);
  }

  private static SourceDocument fromReport(NgoReport report) {
    LocalDate reported = report.getPublishedDate() != null ? report.getPublishedDate()
        : LocalDate.ofInstant(report.getRetrievedAt(), ZoneOffset.UTC);
    String name = report.getOrganisation() != null ? report.getOrganisation() : report.getSourceUri();
    return new SourceDocument(report.getId(), report.getSourceKind(), name, report.getSourceUri(),
        report.getLanguage(), report.getTitle(), report.getText(), reported);
  }
}
