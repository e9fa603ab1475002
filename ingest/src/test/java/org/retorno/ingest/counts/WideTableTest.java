package org.retorno.ingest.counts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.retorno.avro.CaseCountRow;
import org.retorno.avro.Category;
import org.retorno.avro.CountSemantics;
import org.retorno.avro.SourceKind;
import org.retorno.ingest.IngestOptions;
import org.retorno.ingest.InputFile;
import org.retorno.ingest.Reason;
import org.retorno.ingest.RecordingSink;
import org.retorno.ingest.RecordingSink.Refused;
import org.retorno.ingest.TestFiles;

class WideTableTest {
  private static final String DECLARATIONS = String.join("\n",
      "# MPP cases by hearing location (test)",
      "# metric: MPP_RETURN",
      "# semantics: increment",
      "# source: Court data (test)",
      "# source_url: https://example.org/court-data");
  private static final String MAPPING = String.join("\n",
      "column,city,inferred,note",
      "El Paso,Ciudad Juárez,true,",
      "San Diego,Tijuana,true,people heard in San Diego wait in Tijuana",
      "Total,-,,") + "\n";
  private final CaseCountParser parser = new CaseCountParser(TestFiles.CLOCK);

  @TempDir
  Path dir;

  private RecordingSink parse(String mapping, String... lines) {
    if (mapping != null) {
      TestFiles.write(dir, "court.mapping.csv", mapping);
    }
    InputFile table = TestFiles.write(dir, "court.csv", String.join("\n", lines) + "\n");
    return RecordingSink.run(parser, table, IngestOptions.defaults());
  }

  @Test
  void everyFilledCellIsAMonthlyCountAtTheMappedCityMarkedInferred() {
    RecordingSink sink = parse(MAPPING, DECLARATIONS,
        "month,El Paso,San Diego,Total",
        "2019-02,,1092,1092",
        "2019-03,\"1,415\",1310,2725");

    assertThat(sink.refused).isEmpty();
    assertThat(sink.accepted).extracting(RecordingSink.Accepted::position).containsExactly(
        "line 7, column San Diego", "line 8, column El Paso", "line 8, column San Diego");
    assertThat(sink.records(CaseCountRow.class)).extracting(CaseCountRow::getPeriodStart, CaseCountRow::getPeriodEnd,
        CaseCountRow::getPlaceName, row -> row.getPlace().getName(), row -> row.getPlace().getInferred(),
        row -> row.getPlace().getInferenceNote(), CaseCountRow::getValue).containsExactly(
        tuple(LocalDate.of(2019, 2, 1), LocalDate.of(2019, 2, 28), "San Diego", "Tijuana", true,
            "people heard in San Diego wait in Tijuana", 1092L),
        tuple(LocalDate.of(2019, 3, 1), LocalDate.of(2019, 3, 31), "El Paso", "Ciudad Juárez", true,
            "mapped from US hearing location El Paso by court.mapping.csv", 1415L),
        tuple(LocalDate.of(2019, 3, 1), LocalDate.of(2019, 3, 31), "San Diego", "Tijuana", true,
            "people heard in San Diego wait in Tijuana", 1310L));
    CaseCountRow first = sink.records(CaseCountRow.class).get(0);
    assertThat(first.getCategory()).isEqualTo(Category.MPP_RETURN);
    assertThat(first.getSemantics()).isEqualTo(CountSemantics.INCREMENT);
    assertThat(first.getSourceName()).isEqualTo("Court data (test)");
    assertThat(first.getSourceUrl()).isEqualTo("https://example.org/court-data");
    assertThat(first.getSourceKind()).isEqualTo(SourceKind.GOVERNMENT);
    assertThat(first.getSourceFile()).isEqualTo("court.csv");
    assertThat(first.getLineNumber()).isEqualTo(7);
    assertThat(first.getId()).isEqualTo(sink.accepted.get(0).id());
  }

  @Test
  void aMappingDeclaredInTheTableIsUsedInsteadOfTheSibling() {
    TestFiles.write(dir, "hearing-locations.mapping.csv", MAPPING);
    InputFile table = TestFiles.write(dir, "court.csv", DECLARATIONS + "\n# mapping: hearing-locations.mapping.csv\n"
        + "month,El Paso\n2019-04,3210\n");

    RecordingSink sink = RecordingSink.run(parser, table, IngestOptions.defaults());

    assertThat(sink.refused).isEmpty();
    assertThat(sink.records(CaseCountRow.class)).extracting(row -> row.getPlace().getName()).containsExactly("Ciudad Juárez");
  }

  @Test
  void aWideTableWithoutItsMappingIsRejectedWhole() {
    RecordingSink sink = parse(null, DECLARATIONS, "month,El Paso", "2019-04,3210");

    assertThat(sink.accepted).isEmpty();
    assertThat(sink.refused).containsExactly(new Refused(null, Reason.MISSING_MAPPING,
        "a wide table needs court.mapping.csv beside it, or a '# mapping: FILE' line before its header"));
  }

  @Test
  void aDeclaredMappingOutsideTheTablesDirectoryIsRefused() {
    RecordingSink sink = parse(MAPPING, DECLARATIONS, "# mapping: ../../etc/passwd", "month,El Paso", "2019-04,3210");

    assertThat(sink.refused).containsExactly(new Refused(null, Reason.MISSING_MAPPING,
        "a declared mapping must be beside the table"));
  }

  @Test
  void aTableThatDoesNotDeclareItsMetricIsRejectedWhole() {
    RecordingSink sink = parse(MAPPING, "# semantics: increment", "# source: Court data (test)",
        "month,El Paso", "2019-04,3210");

    assertThat(sink.refused).containsExactly(new Refused(null, Reason.MISSING_DECLARATION,
        "metric (a '# metric: MPP_RETURN' line before the header)"));
  }

  @Test
  void cellsAreCheckedOneByOne() {
    RecordingSink sink = parse(MAPPING, DECLARATIONS,
        "month,El Paso,San Diego,Laredo",
        "2019-05,4012,-3,200",
        "May 2019,1,2,",
        "2019-06,4100,n/a,",
        "2019-07,3600",
        "2025-01,10,,",
        "2019-05,4013,,");

    assertThat(sink.records(CaseCountRow.class)).extracting(CaseCountRow::getLineNumber, CaseCountRow::getPlaceName,
        CaseCountRow::getValue).containsExactly(tuple(7L, "El Paso", 4012L), tuple(9L, "El Paso", 4100L));
    assertThat(sink.refused).containsExactly(
        new Refused("line 7, column San Diego", Reason.NEGATIVE_VALUE, null),
        new Refused("line 7, column Laredo", Reason.UNMAPPED_COLUMN, "not in court.mapping.csv"),
        new Refused("line 8, column El Paso", Reason.INVALID_DATE, "month (expected YYYY-MM)"),
        new Refused("line 8, column San Diego", Reason.INVALID_DATE, "month (expected YYYY-MM)"),
        new Refused("line 9, column San Diego", Reason.NON_NUMERIC_VALUE, null),
        new Refused("line 10", Reason.WRONG_FIELD_COUNT, "2 fields, header has 4"),
        new Refused("line 11, column El Paso", Reason.FUTURE_DATE, "period_end after 2025-01-15"),
        new Refused("line 12, column El Paso", Reason.CONFLICTING_ROW,
            "same period, place and metric as line 7 with another value"));
  }

  @Test
  void aTruncatedWideTableKeepsWhatCameBeforeTheCut() {
    RecordingSink sink = parse(MAPPING, DECLARATIONS,
        "month,El Paso,San Diego",
        "2019-08,2300,700",
        "2019-09,15");

    assertThat(sink.records(CaseCountRow.class)).extracting(CaseCountRow::getValue).containsExactly(2300L, 700L);
    assertThat(sink.refused).containsExactly(new Refused("line 8", Reason.WRONG_FIELD_COUNT, "2 fields, header has 3"));
  }

  @Test
  void mappingFilesAreNotTablesOfTheirOwn() {
    InputFile mapping = TestFiles.write(dir, "court.mapping.csv", MAPPING);

    RecordingSink sink = RecordingSink.run(parser, mapping, IngestOptions.defaults());

    assertThat(sink.accepted).isEmpty();
    assertThat(sink.refused).isEmpty();
  }

  @Test
  void aUsHearingLocationCannotBeMappedAsIfItWereNamed() {
    RecordingSink sink = parse("column,city,inferred\nEl Paso,Ciudad Juárez,false\n", DECLARATIONS,
        "month,El Paso", "2019-04,3210");

    assertThat(sink.refused).containsExactly(new Refused(null, Reason.INVALID_MAPPING,
        "court.mapping.csv line 2: a US hearing location maps to a Mexican city only by inference (inferred=true)"));
  }

  @Test
  void badMappingsNameTheirLine() {
    assertThat(parse("column,city\nEl Paso,Ciudad Juárez\n", DECLARATIONS, "month,El Paso", "2019-04,1").refused)
        .containsExactly(new Refused(null, Reason.INVALID_MAPPING, "court.mapping.csv: missing columns: inferred"));
    assertThat(parse("column,city,inferred\nEl Paso,Atlantis,true\n", DECLARATIONS, "month,El Paso", "2019-04,1").refused)
        .containsExactly(new Refused(null, Reason.INVALID_MAPPING, "court.mapping.csv line 2: unknown city"));
    assertThat(parse("column,city,inferred\nEl Paso,Juárez,maybe\n", DECLARATIONS, "month,El Paso", "2019-04,1").refused)
        .containsExactly(new Refused(null, Reason.INVALID_MAPPING, "court.mapping.csv line 2: inferred must be true or false"));
    assertThat(parse("column,city,inferred\nEl Paso,Juárez,true\nel paso,Tijuana,true\n", DECLARATIONS,
        "month,El Paso", "2019-04,1").refused)
        .containsExactly(new Refused(null, Reason.INVALID_MAPPING, "court.mapping.csv line 3: column mapped twice"));
  }

  @Test
  void aColumnThatNamesABorderCityMayBeMappedAsNamed() {
    RecordingSink sink = parse("column,city,inferred\nPiedras Negras,Piedras Negras,false\n", DECLARATIONS,
        "month,Piedras Negras", "2019-11,120");

    assertThat(sink.records(CaseCountRow.class)).extracting(row -> row.getPlace().getName(),
        row -> row.getPlace().getInferred()).containsExactly(tuple("Piedras Negras", false));
  }

  @Test
  void aTableMayDeclareWhoPublishedIt() {
    RecordingSink sink = parse(MAPPING, DECLARATIONS, "# source_kind: court_data", "month,El Paso", "2019-04,3210");
    RecordingSink bad = parse(MAPPING, DECLARATIONS, "# source_kind: rumour", "month,El Paso", "2019-04,3210");

    assertThat(sink.records(CaseCountRow.class)).extracting(CaseCountRow::getSourceKind)
        .containsExactly(SourceKind.COURT_DATA);
    assertThat(bad.refused).singleElement().satisfies(refused -> {
      assertThat(refused.reason()).isEqualTo(Reason.INVALID_DECLARATION);
      assertThat(refused.detail()).startsWith("source_kind (use one of ").contains("COURT_DATA");
    });
  }
}
