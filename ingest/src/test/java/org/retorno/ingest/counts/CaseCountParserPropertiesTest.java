package org.retorno.ingest.counts;

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
import net.jqwik.api.lifecycle.AfterProperty;
import org.retorno.avro.CaseCountRow;
import org.retorno.ingest.IngestOptions;
import org.retorno.ingest.InputFile;
import org.retorno.ingest.Reason;
import org.retorno.ingest.RecordingSink;
import org.retorno.ingest.TestFiles;

class CaseCountParserPropertiesTest {
  private static final String HEADER = "period_start,period_end,place,metric,value,semantics,source,source_url";
  private final CaseCountParser parser = new CaseCountParser(TestFiles.CLOCK);
  private final Path dir = tempDir();

  @Property
  void arbitraryBytesAsCsv(@ForAll @Size(max = 2_000) byte[] bytes) {
    RecordingSink sink = parse(bytes);
    assertThat(sink.refused).noneMatch(refused -> refused.reason() == Reason.PARSER_FAILURE);
  }

  @Property
  void arbitraryTextAfterAValidHeader(@ForAll @Size(max = 500) String body) {
    RecordingSink sink = parse((HEADER + "\n" + body).getBytes(StandardCharsets.UTF_8));
    assertThat(sink.refused).noneMatch(refused -> refused.reason() == Reason.PARSER_FAILURE);
  }

  /** Every row of a well-quoted table is either a record carrying its own line number or a rejection at it. */
  @Property
  void everyRowIsAccountedForAtItsLine(@ForAll("rows") List<String> rows) {
    RecordingSink sink = parse((HEADER + "\n" + String.join("\n", rows) + "\n").getBytes(StandardCharsets.UTF_8));

    assertThat(sink.accepted.size() + sink.refused.size()).isEqualTo(rows.size());
    List<String> positions = new java.util.ArrayList<>();
    sink.accepted.forEach(accepted -> positions.add(accepted.position()));
    sink.refused.forEach(refused -> positions.add(refused.position()));
    List<String> expected = java.util.stream.IntStream.rangeClosed(2, rows.size() + 1).mapToObj(line -> "line " + line)
        .toList();
    assertThat(positions).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(sink.records(CaseCountRow.class))
        .allSatisfy(row -> assertThat(sink.accepted.stream()
            .anyMatch(accepted -> accepted.record() == row && accepted.position().equals("line " + row.getLineNumber())))
            .isTrue());
  }

  @Provide
  Arbitrary<List<String>> rows() {
    Arbitrary<String> date = Arbitraries.of("2019-07-01", "2019-07-31", "2030-01-01", "2019-02-30", "", "01/07/2019");
    Arbitrary<String> place = Arbitraries.of("Tijuana", "Cd. Juárez", "El Paso", "Nogales", "Laredo, TX", "Atlantis", "");
    Arbitrary<String> metric = Arbitraries.of("MPP_RETURN", "avr_departure", "kidnapping", "arrests", "");
    Arbitrary<String> value = Arbitraries.of("45", "\"16,714\"", "16.714", "-3", "12.5", "lots", "1.234.567", "");
    Arbitrary<String> semantics = Arbitraries.of("increment", "CUMULATIVE", "stock", "sample", "");
    Arbitrary<String> source = Arbitraries.of("INM", "IOM sitrep", "");
    Arbitrary<String> row = Combinators.combine(date, date, place, metric, value, semantics, source)
        .as((start, end, p, m, v, s, src) -> String.join(",", start, end, quote(p), m, v, s, src, ""));
    return Arbitraries.oneOf(row, row, row, Arbitraries.of("2019-07-01,2019-07-31,Tijuana")).list().ofMaxSize(12);
  }

  private static String quote(String cell) {
    return cell.contains(",") ? "\"" + cell + "\"" : cell;
  }

  private RecordingSink parse(byte[] bytes) {
    InputFile file = TestFiles.write(dir, "random.csv", bytes);
    return RecordingSink.run(parser, file, IngestOptions.defaults());
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("count-properties");
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
