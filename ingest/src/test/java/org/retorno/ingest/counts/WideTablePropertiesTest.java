package org.retorno.ingest.counts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
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

class WideTablePropertiesTest {
  private static final List<String> COLUMNS = List.of("San Diego", "El Paso", "Laredo", "Total");
  private static final String PREAMBLE = "# metric: MPP_RETURN\n# semantics: increment\n# source: Court data (test)\n"
      + "month," + String.join(",", COLUMNS) + "\n";
  private static final int FIRST_DATA_LINE = 5;
  private static final String MAPPING = "column,city,inferred\nSan Diego,Tijuana,true\nEl Paso,Ciudad Juárez,true\n"
      + "Total,-,\n";
  private final CaseCountParser parser = new CaseCountParser(TestFiles.CLOCK);
  private final Path dir = tempDir();

  @Property(tries = 250)
  void arbitraryTextUnderAWideHeader(@ForAll @Size(max = 500) String body) {
    RecordingSink sink = parse(PREAMBLE + body);
    assertThat(sink.refused).noneMatch(refused -> refused.reason() == Reason.PARSER_FAILURE);
  }

  /**
   * Every filled cell of a mapped place column is one item at its own line and column, accepted or
   * rejected; blank cells and the column mapped to no place are none.
   */
  @Property(tries = 250)
  void everyFilledCellIsOneItemAtItsCell(@ForAll("grids") List<List<String>> grid) {
    StringBuilder table = new StringBuilder(PREAMBLE);
    List<String> expected = new ArrayList<>();
    for (int row = 0; row < grid.size(); row++) {
      table.append(String.join(",", grid.get(row))).append('\n');
      for (int column = 1; column <= COLUMNS.size(); column++) {
        String name = COLUMNS.get(column - 1);
        if (!grid.get(row).get(column).isBlank() && !name.equals("Total")) {
          expected.add("line " + (FIRST_DATA_LINE + row) + ", column " + name);
        }
      }
    }

    RecordingSink sink = parse(table.toString());

    List<String> positions = new ArrayList<>();
    sink.accepted.forEach(accepted -> positions.add(accepted.position()));
    sink.refused.forEach(refused -> positions.add(refused.position()));
    assertThat(positions).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(sink.refused).filteredOn(refused -> refused.position().endsWith("column Laredo"))
        .allSatisfy(refused -> assertThat(refused.reason()).isEqualTo(Reason.UNMAPPED_COLUMN));
    assertThat(sink.records(CaseCountRow.class)).allSatisfy(row -> {
      assertThat(row.getPlace().getInferred()).isTrue();
      assertThat(row.getPeriodStart().getDayOfMonth()).isEqualTo(1);
      assertThat(row.getPeriodEnd()).isEqualTo(row.getPeriodStart().withDayOfMonth(row.getPeriodStart().lengthOfMonth()));
    });
  }

  @Provide
  Arbitrary<List<List<String>>> grids() {
    Arbitrary<String> month = Arbitraries.of("2019-01", "2019-02", "2019-07", "2019-12", "2030-05", "July 2019", "");
    Arbitrary<String> cell = Arbitraries.of("", "", "0", "45", "1290", "\"1,415\"", "-3", "n/a", "12.5");
    return Arbitraries.lazy(() -> month.flatMap(m -> cell.list().ofSize(COLUMNS.size()).map(cells -> {
      List<String> row = new ArrayList<>();
      row.add(m);
      row.addAll(cells);
      return row;
    }))).list().ofMaxSize(10).filter(rows -> rows.stream().noneMatch(row -> String.join("", row).isBlank()));
  }

  private RecordingSink parse(String table) {
    TestFiles.write(dir, "court.mapping.csv", MAPPING);
    InputFile file = TestFiles.write(dir, "court.csv", table.getBytes(StandardCharsets.UTF_8));
    return RecordingSink.run(parser, file, IngestOptions.defaults());
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("wide-properties");
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
