package org.retorno.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.retorno.schemas.Topics;

/**
 * read = produced + duplicates + rejected, whatever the files hold; and what the account says is
 * exactly what was sent: one raw record per produced item, one rejection record per rejected one.
 */
class IngestorPropertiesTest {

  @Property(tries = 60)
  void countsInvariantAndSendsMatchTheAccount(@ForAll("csvFiles") List<String> files) {
    assertAccountMatchesSends(SourceType.COUNTS, "csv", files.stream()
        .map(text -> text.getBytes(StandardCharsets.UTF_8)).toList());
  }

  @Property(tries = 60)
  void newsInvariantAndSendsMatchTheAccount(@ForAll("jsonlFiles") List<String> files) {
    assertAccountMatchesSends(SourceType.NEWS, "jsonl", files.stream()
        .map(text -> text.getBytes(StandardCharsets.UTF_8)).toList());
  }

  @Property(tries = 60)
  void arbitraryBytesOfEveryTypeAreAccountedFor(@ForAll @Size(max = 4) List<@Size(max = 800) byte[]> files,
      @ForAll("types") SourceType type) {
    String extension = switch (type) {
      case NEWS -> "xml";
      case REPORTS -> "txt";
      case COUNTS -> "csv";
    };
    IngestAccount account = assertAccountMatchesSends(type, extension, files);
    assertThat(account.rejectedByReason()).doesNotContainKey(Reason.PARSER_FAILURE.phrase());
  }

  @Provide
  Arbitrary<SourceType> types() {
    return Arbitraries.of(SourceType.class);
  }

  @Provide
  Arbitrary<List<String>> csvFiles() {
    Arbitrary<String> row = Combinators.combine(
            Arbitraries.of("2019-07-01", "2019-07-09", "2031-01-01", "bad"),
            Arbitraries.of("Tijuana", "Cd. Juárez", "El Paso", "Atlantis"),
            Arbitraries.of("MPP_RETURN", "kidnapping", "arrests"),
            Arbitraries.of("45", "\"16,714\"", "16.714", "-1", "x"),
            Arbitraries.of("increment", "stock", "sample"))
        .as((date, place, metric, value, semantics) ->
            String.join(",", date, date, place, metric, value, semantics, "INM", ""));
    Arbitrary<String> table = row.list().ofMaxSize(10).map(rows ->
        "period_start,period_end,place,metric,value,semantics,source,source_url\n" + String.join("\n", rows));
    Arbitrary<String> brokenHeader = Arbitraries.just("place,value\nTijuana,4");
    return Arbitraries.oneOf(table, table, table, brokenHeader, Arbitraries.strings().ofMaxLength(50))
        .list().ofMinSize(1).ofMaxSize(4);
  }

  @Provide
  Arbitrary<List<String>> jsonlFiles() {
    Arbitrary<String> line = Arbitraries.oneOf(
        Arbitraries.of("Returns to Tijuana.", "Returns to Juárez.", "Kidnappings in Reynosa.", " ")
            .map(body -> "{\"body\":\"" + body + "\"}"),
        Arbitraries.of("{oops", "[1]", "null", ""));
    return line.list().ofMaxSize(8).map(lines -> String.join("\n", lines)).list().ofMinSize(1).ofMaxSize(4);
  }

  private static IngestAccount assertAccountMatchesSends(SourceType type, String extension, List<byte[]> contents) {
    Path dir = tempDir();
    try {
      for (int i = 0; i < contents.size(); i++) {
        TestFiles.write(dir, "file-" + i + "." + extension, contents.get(i));
      }
      MockProducer<String, SpecificRecord> producer =
          new MockProducer<>(true, null, new StringSerializer(), (topic, value) -> new byte[0]);
      IngestAccount account;
      try (Ingestor ingestor = new Ingestor(producer, producer, TestFiles.CLOCK)) {
        account = ingestor.ingest(type, List.of(dir), IngestOptions.defaults());
      }

      assertThat(account.read()).isEqualTo(account.produced() + account.duplicates() + account.rejected());
      List<ProducerRecord<String, SpecificRecord>> raw =
          producer.history().stream().filter(record -> record.topic().equals(type.topic())).toList();
      long rejections = producer.history().stream()
          .filter(record -> record.topic().equals(Topics.INGEST_REJECTIONS)).count();
      assertThat(raw).hasSize((int) account.produced());
      assertThat(raw).extracting(ProducerRecord::key).doesNotHaveDuplicates();
      assertThat(rejections).isEqualTo(account.rejected());
      assertThat(account.rejections()).hasSize((int) account.rejected());
      assertThat(account.rejectedByReason().values().stream().mapToLong(Long::longValue).sum())
          .isEqualTo(account.rejected());
      return account;
    } finally {
      delete(dir);
    }
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("ingest-properties");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path dir) {
    try (var files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
