package org.retorno.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

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
import org.retorno.avro.Category;
import org.retorno.avro.NewsArticle;
import org.retorno.avro.SourceKind;
import org.retorno.schemas.Topics;
import org.retorno.schemas.serde.AvroSerializer;

/** The sample set the demo ingests: every item accepted, people unnamed, places and sources right. */
class SamplesTest {
  private MockProducer<String, SpecificRecord> producer;
  private Ingestor ingestor;

  @BeforeEach
  void setUp() {
    AvroSerializer<SpecificRecord> serializer = new AvroSerializer<>();
    serializer.configure(Map.of("schema.registry.url", "mock://samples-" + UUID.randomUUID()), false);
    producer = new MockProducer<>(true, null, new StringSerializer(), serializer);
    ingestor = new Ingestor(producer, producer, TestFiles.CLOCK);
  }

  private <T> List<T> sent(String topic, Class<T> type) {
    return producer.history().stream().filter(record -> record.topic().equals(topic))
        .map(ProducerRecord::value).map(type::cast).toList();
  }

  @Test
  void twentyNewsItemsInEnglishAndSpanishWithNoPersonNamed() {
    IngestAccount account = ingestor.ingest(SourceType.NEWS, List.of(TestFiles.samples("news")), IngestOptions.defaults());

    assertThat(account.summary()).isEqualTo("read 20, produced 20, duplicates 0, rejected 0");
    List<NewsArticle> articles = sent(Topics.RAW_NEWS, NewsArticle.class);
    assertThat(articles).extracting(NewsArticle::getLanguage).containsOnly("en", "es");
    assertThat(articles).filteredOn(article -> article.getLanguage().equals("es")).hasSize(9);
    assertThat(articles).extracting(article -> article.getPublishedAt().toString().substring(0, 7)).contains(
        "2019-01", "2019-02", "2019-03", "2019-04", "2019-05", "2019-06", "2019-07", "2019-08", "2019-09",
        "2019-10", "2019-11", "2019-12");
    assertThat(articles).extracting(NewsArticle::getText)
        .noneMatch(text -> text.contains("Ejemplo") || text.contains("Mejía") || text.contains("555 0199"));
    assertThat(articles).extracting(NewsArticle::getText).filteredOn(text -> text.contains("[name]")).hasSize(3);
  }

  @Test
  void tablesLongAndWideWithInferredPlacesMarked() {
    IngestAccount account = ingestor.ingest(SourceType.COUNTS, List.of(TestFiles.samples("counts")), IngestOptions.defaults());

    assertThat(account.summary()).isEqualTo("read 68, produced 68, duplicates 0, rejected 0");
    List<CaseCountRow> rows = sent(Topics.RAW_CASE_COUNTS, CaseCountRow.class);
    List<CaseCountRow> court = rows.stream().filter(row -> row.getSourceFile().equals("mpp-enrollments-2019.csv")).toList();
    assertThat(court).hasSize(44).allSatisfy(row -> {
      assertThat(row.getPlace().getInferred()).isTrue();
      assertThat(row.getSourceKind()).isEqualTo(SourceKind.COURT_DATA);
      assertThat(row.getCategory()).isEqualTo(Category.MPP_RETURN);
    });
    assertThat(court.stream().mapToLong(CaseCountRow::getValue).sum()).isEqualTo(59_600);
    assertThat(court).filteredOn(row -> row.getPlaceName().equals("Laredo"))
        .extracting(row -> row.getPlace().getName(), row -> row.getPeriodStart().toString())
        .first().isEqualTo(tuple("Nuevo Laredo", "2019-07-01"));
    assertThat(rows).filteredOn(row -> row.getCategory() == Category.AVR_ENROLLMENT).hasSize(17)
        .allSatisfy(row -> assertThat(row.getPlace().getInferred()).isFalse());
  }

  @Test
  void theLetterIsOneReport() {
    IngestAccount account = ingestor.ingest(SourceType.REPORTS, List.of(TestFiles.samples("reports")),
        new IngestOptions(SourceKind.NGO, "Joint NGO letter to IOM (30 organisations)", null, null, null));

    assertThat(account.summary()).isEqualTo("read 1, produced 1, duplicates 0, rejected 0");
  }
}
