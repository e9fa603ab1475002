package org.retorno.ingest.counts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
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
import org.retorno.schemas.geo.BorderCity;
import org.retorno.schemas.geo.HearingLocation;

class CaseCountParserTest {
  private static final String HEADER = "period_start,period_end,place,metric,value,semantics,source,source_url";
  private static final String SOURCE = ",INM (test),https://example.org/inm";
  private final CaseCountParser parser = new CaseCountParser(TestFiles.CLOCK);

  @TempDir
  Path dir;

  private RecordingSink parse(String... lines) {
    return parseWith(IngestOptions.defaults(), lines);
  }

  private RecordingSink parseWith(IngestOptions options, String... lines) {
    InputFile file = TestFiles.write(dir, "counts.csv", String.join("\n", lines) + "\n");
    return RecordingSink.run(parser, file, options);
  }

  /** The one rejection of a table with a single data row. */
  private Refused rejectionOf(String row) {
    RecordingSink sink = parse(HEADER, row);
    assertThat(sink.accepted).isEmpty();
    assertThat(sink.refused).hasSize(1);
    return sink.refused.get(0);
  }

  @Test
  void sampleTableGivesSevenRowsWithResolvedPlaces() {
    RecordingSink sink = RecordingSink.run(parser, TestFiles.sample("counts/inm-returns-2019-07.csv"),
        IngestOptions.defaults());

    assertThat(sink.refused).isEmpty();
    List<CaseCountRow> rows = sink.records(CaseCountRow.class);
    assertThat(rows).extracting(CaseCountRow::getLineNumber, CaseCountRow::getPeriodStart, CaseCountRow::getPlaceName,
        row -> row.getPlace().getName(), CaseCountRow::getValue).containsExactly(
        tuple(2L, LocalDate.of(2019, 7, 8), "Ciudad Juárez", "Ciudad Juárez", 112L),
        tuple(3L, LocalDate.of(2019, 7, 9), "Cd. Juárez", "Ciudad Juárez", 98L),
        tuple(4L, LocalDate.of(2019, 7, 9), "Nuevo Laredo", "Nuevo Laredo", 130L),
        tuple(5L, LocalDate.of(2019, 7, 10), "Tijuana", "Tijuana", 45L),
        tuple(6L, LocalDate.of(2019, 7, 10), "Mexicali", "Mexicali", 21L),
        tuple(7L, LocalDate.of(2019, 7, 11), "Matamoros", "Matamoros", 64L),
        tuple(8L, LocalDate.of(2019, 7, 11), "Juárez", "Ciudad Juárez", 87L));
    assertThat(sink.accepted).extracting(RecordingSink.Accepted::position)
        .containsExactly("line 2", "line 3", "line 4", "line 5", "line 6", "line 7", "line 8");

    CaseCountRow first = rows.get(0);
    assertThat(first.getPeriodEnd()).isEqualTo(LocalDate.of(2019, 7, 8));
    assertThat(first.getPlace()).isEqualTo(BorderCity.CIUDAD_JUAREZ.toPlace());
    assertThat(first.getCategory()).isEqualTo(Category.MPP_RETURN);
    assertThat(first.getSemantics()).isEqualTo(CountSemantics.INCREMENT);
    assertThat(first.getSourceName()).isEqualTo("INM daily returns (sample)");
    assertThat(first.getSourceUrl()).isEqualTo("https://example.org/inm/mpp-returns-2019-07");
    assertThat(first.getSourceKind()).isEqualTo(SourceKind.GOVERNMENT);
    assertThat(first.getSourceFile()).isEqualTo("inm-returns-2019-07.csv");
    assertThat(first.getRetrievedAt()).isEqualTo(TestFiles.NOW);
    assertThat(rows).extracting(CaseCountRow::getId).doesNotHaveDuplicates().allSatisfy(id -> assertThat(id).hasSize(64));
  }

  @Test
  void usHearingLocationMapsToItsMexicanCityAsInferred() {
    CaseCountRow row = parse(HEADER, "2019-07-01,2019-07-31,\"El Paso, TX\",in_absentia_order,16714,increment" + SOURCE)
        .records(CaseCountRow.class).get(0);

    assertThat(row.getPlaceName()).isEqualTo("El Paso, TX");
    assertThat(row.getPlace()).isEqualTo(BorderCity.CIUDAD_JUAREZ.toPlace(HearingLocation.EL_PASO.inferenceNote()));
    assertThat(row.getPlace().getInferred()).isTrue();
    assertThat(row.getCategory()).isEqualTo(Category.IN_ABSENTIA_ORDER);
  }

  @Test
  void thousandsSeparatorsThatCanOnlyMeanThousandsAreAccepted() {
    RecordingSink sink = parse(HEADER,
        "2019-07-01,2019-07-31,Tijuana,MPP_RETURN,\"16,714\",cumulative" + SOURCE,
        "2019-07-01,2019-07-31,Mexicali,MPP_RETURN,1.234.567,stock" + SOURCE,
        "2019-07-01,2019-07-31,Reynosa,MPP_RETURN,16 714,increment" + SOURCE);

    assertThat(sink.refused).isEmpty();
    assertThat(sink.records(CaseCountRow.class)).extracting(CaseCountRow::getValue, CaseCountRow::getSemantics)
        .containsExactly(tuple(16714L, CountSemantics.CUMULATIVE), tuple(1234567L, CountSemantics.STOCK),
            tuple(16714L, CountSemantics.INCREMENT));
  }

  @Test
  void aDotGroupIsAmbiguousUnlessTheFileDeclaresItsSeparator() {
    assertThat(rejectionOf("2019-07-01,2019-07-31,Tijuana,MPP_RETURN,16.714,increment" + SOURCE)).isEqualTo(
        new Refused("line 2", Reason.AMBIGUOUS_NUMBER,
            "declare it with a '# thousands-separator: .' or ',' line before the header"));

    RecordingSink declared = parse("# Cifras del INM", "# thousands-separator: .", HEADER,
        "2019-07-01,2019-07-31,Tijuana,MPP_RETURN,16.714,increment" + SOURCE,
        "2019-07-01,2019-07-31,Mexicali,MPP_RETURN,\"16,714\",increment" + SOURCE);
    assertThat(declared.records(CaseCountRow.class)).extracting(CaseCountRow::getValue, CaseCountRow::getLineNumber)
        .containsExactly(tuple(16714L, 4L));
    assertThat(declared.refused).containsExactly(new Refused("line 5", Reason.NON_NUMERIC_VALUE,
        "not a whole number with the declared thousands separator"));
  }

  @Test
  void missingColumnsRejectTheWholeFileNamingThem() {
    RecordingSink sink = parse("period_start,period_end,place,value,source",
        "2019-07-01,2019-07-31,Tijuana,45,INM");

    assertThat(sink.accepted).isEmpty();
    assertThat(sink.refused).containsExactly(
        new Refused(null, Reason.MISSING_COLUMNS,
            "metric, semantics, source_url (or, for a wide table, a first column named month)"));
  }

  @Test
  void headerIsMatchedWithoutRegardToCaseOrSurroundingSpaces() {
    RecordingSink sink = parse("Period_Start, period_end ,PLACE,metric,value,semantics,source,source_url,notes",
        "2019-07-01,2019-07-31,Tijuana,MPP_RETURN,45,increment,INM,,anything");

    assertThat(sink.refused).isEmpty();
    assertThat(sink.records(CaseCountRow.class)).extracting(CaseCountRow::getValue, CaseCountRow::getSourceUrl)
        .containsExactly(tuple(45L, null));
  }

  @Test
  void unknownPlace() {
    assertThat(rejectionOf("2019-07-01,2019-07-31,Nogales,MPP_RETURN,45,increment" + SOURCE))
        .isEqualTo(new Refused("line 2", Reason.UNKNOWN_PLACE, null));
  }

  @Test
  void unknownMetric() {
    assertThat(rejectionOf("2019-07-01,2019-07-31,Tijuana,ARRESTS,45,increment" + SOURCE))
        .isEqualTo(new Refused("line 2", Reason.UNKNOWN_METRIC, null));
  }

  @Test
  void nonNumericValue() {
    assertThat(rejectionOf("2019-07-01,2019-07-31,Tijuana,MPP_RETURN,about 45,increment" + SOURCE))
        .isEqualTo(new Refused("line 2", Reason.NON_NUMERIC_VALUE, null));
    assertThat(rejectionOf("2019-07-01,2019-07-31,Tijuana,MPP_RETURN,45.5,increment" + SOURCE))
        .isEqualTo(new Refused("line 2", Reason.NON_NUMERIC_VALUE, null));
  }

  @Test
  void negativeValue() {
    assertThat(rejectionOf("2019-07-01,2019-07-31,Tijuana,MPP_RETURN,-45,increment" + SOURCE))
        .isEqualTo(new Refused("line 2", Reason.NEGATIVE_VALUE, null));
  }

  @Test
  void periodEndBeforeStart() {
    assertThat(rejectionOf("2019-07-31,2019-07-01,Tijuana,MPP_RETURN,45,increment" + SOURCE))
        .isEqualTo(new Refused("line 2", Reason.PERIOD_END_BEFORE_START, null));
  }

  @Test
  void datesInTheFutureOfTheClock() {
    assertThat(rejectionOf("2025-01-01,2025-01-31,Tijuana,MPP_RETURN,45,increment" + SOURCE))
        .isEqualTo(new Refused("line 2", Reason.FUTURE_DATE, "period_end after 2025-01-15"));
    assertThat(rejectionOf("2025-02-01,2025-02-28,Tijuana,MPP_RETURN,45,increment" + SOURCE))
        .isEqualTo(new Refused("line 2", Reason.FUTURE_DATE, "period_start after 2025-01-15"));
    assertThat(parse(HEADER, "2025-01-15,2025-01-15,Tijuana,MPP_RETURN,45,increment" + SOURCE).refused).isEmpty();
  }

  @Test
  void invalidDate() {
    assertThat(rejectionOf("07/01/2019,2019-07-31,Tijuana,MPP_RETURN,45,increment" + SOURCE))
        .isEqualTo(new Refused("line 2", Reason.INVALID_DATE, "period_start (expected YYYY-MM-DD)"));
    assertThat(rejectionOf("2019-07-01,2019-06-31,Tijuana,MPP_RETURN,45,increment" + SOURCE))
        .isEqualTo(new Refused("line 2", Reason.INVALID_DATE, "period_end (expected YYYY-MM-DD)"));
  }

  @Test
  void unknownSemantics() {
    assertThat(rejectionOf("2019-07-01,2019-07-31,Tijuana,MPP_RETURN,45,sample" + SOURCE))
        .isEqualTo(new Refused("line 2", Reason.UNKNOWN_SEMANTICS, "expected increment, cumulative or stock"));
  }

  @Test
  void missingValue() {
    assertThat(rejectionOf("2019-07-01,2019-07-31,Tijuana,MPP_RETURN,,increment" + SOURCE))
        .isEqualTo(new Refused("line 2", Reason.MISSING_VALUE, "value"));
    assertThat(rejectionOf("2019-07-01,2019-07-31,Tijuana,MPP_RETURN,45,increment,,"))
        .isEqualTo(new Refused("line 2", Reason.MISSING_VALUE, "source"));
  }

  @Test
  void wrongNumberOfFields() {
    assertThat(rejectionOf("2019-07-01,2019-07-31,Tijuana,MPP_RETURN,45"))
        .isEqualTo(new Refused("line 2", Reason.WRONG_FIELD_COUNT, "5 fields, header has 8"));
  }

  @Test
  void unterminatedQuoteRejectsTheRestOfTheFileAfterTheGoodRows() {
    RecordingSink sink = parse(HEADER,
        "2019-07-01,2019-07-31,Tijuana,MPP_RETURN,45,increment" + SOURCE,
        "2019-07-01,2019-07-31,\"Mexicali,MPP_RETURN,21,increment" + SOURCE,
        "2019-07-01,2019-07-31,Reynosa,MPP_RETURN,30,increment" + SOURCE);

    assertThat(sink.records(CaseCountRow.class)).extracting(CaseCountRow::getPlaceName).containsExactly("Tijuana");
    assertThat(sink.refused).singleElement().satisfies(refused -> {
      assertThat(refused.reason()).isEqualTo(Reason.MALFORMED_CSV);
      assertThat(refused.position()).startsWith("line ");
    });
  }

  @Test
  void duplicatedRowsShareTheirKeyWhateverTheirSpelling() {
    RecordingSink sink = parse(HEADER,
        "2019-07-01,2019-07-31,Tijuana,MPP_RETURN,1500,increment" + SOURCE,
        "2019-07-01,2019-07-31, tijuana ,mpp_return,\"1,500\",INCREMENT" + SOURCE,
        "2019-07-01,2019-07-31,Tijuana,MPP_RETURN,1500,cumulative" + SOURCE);

    List<RecordingSink.Accepted> accepted = sink.accepted;
    assertThat(accepted).hasSize(3);
    assertThat(accepted.get(1).id()).isEqualTo(accepted.get(0).id());
    assertThat(accepted.get(2).id()).isNotEqualTo(accepted.get(0).id());
  }

  @Test
  void theSameCountStatedAgainWithAnotherValueIsRejectedNamingTheFirstLine() {
    RecordingSink sink = parse(HEADER,
        "2019-07-01,2019-07-31,Ciudad Juárez,MPP_RETURN,1500,increment" + SOURCE,
        "2019-07-01,2019-07-31,Tijuana,MPP_RETURN,700,increment" + SOURCE,
        "2019-07-01,2019-07-31,Cd. Juarez,MPP_RETURN,1501,increment" + SOURCE);

    assertThat(sink.records(CaseCountRow.class)).extracting(CaseCountRow::getValue).containsExactly(1500L, 700L);
    assertThat(sink.refused).containsExactly(new Refused("line 4", Reason.CONFLICTING_ROW,
        "same period, place and metric as line 2 with another value"));
  }

  @Test
  void sourceKindAndNameComeFromOptionsWhenGiven() {
    IngestOptions options = new IngestOptions(SourceKind.COURT_DATA, "TRAC immigration court data", null, null, null);

    CaseCountRow row = parseWith(options, HEADER, "2019-07-01,2019-07-31,Laredo,IN_ABSENTIA_ORDER,300,increment,,")
        .records(CaseCountRow.class).get(0);

    assertThat(row.getSourceKind()).isEqualTo(SourceKind.COURT_DATA);
    assertThat(row.getSourceName()).isEqualTo("TRAC immigration court data");
    assertThat(row.getPlace().getName()).isEqualTo("Nuevo Laredo");
    assertThat(row.getPlace().getInferred()).isTrue();
  }

  @Test
  void multiLineQuotedFieldsKeepLineNumbersOfTheirRowStart() {
    RecordingSink sink = parse(HEADER,
        "2019-07-01,2019-07-31,Tijuana,MPP_RETURN,45,increment,\"INM\nmonthly\",",
        "",
        "2019-07-01,2019-07-31,Mexicali,MPP_RETURN,21,increment" + SOURCE);

    assertThat(sink.records(CaseCountRow.class)).extracting(CaseCountRow::getLineNumber, CaseCountRow::getSourceName)
        .containsExactly(tuple(2L, "INM\nmonthly"), tuple(5L, "INM (test)"));
  }

  @Test
  void emptyBinaryAndOtherFilesAreRejected() {
    assertThat(RecordingSink.run(parser, TestFiles.write(dir, "empty.csv", ""), IngestOptions.defaults()).refused)
        .containsExactly(new Refused(null, Reason.EMPTY_FILE, null));
    assertThat(RecordingSink.run(parser, TestFiles.write(dir, "bin.csv", new byte[] {0, 1, 2, 3}),
        IngestOptions.defaults()).refused).containsExactly(new Refused(null, Reason.BINARY_CONTENT, null));
    assertThat(RecordingSink.run(parser, TestFiles.write(dir, "counts.xlsx", "x"), IngestOptions.defaults()).refused)
        .containsExactly(new Refused(null, Reason.UNSUPPORTED_FILE_TYPE, "counts take .csv"));
  }

  @Test
  void rowsOfEmptyCellsAreNotData() {
    RecordingSink sink = parse(HEADER, "2019-07-01,2019-07-31,Tijuana,MPP_RETURN,45,increment" + SOURCE, ",,,,,,,", " , ,,,,,,");
    assertThat(sink.accepted).hasSize(1);
    assertThat(sink.refused).isEmpty();
  }

  @Test
  void headerOnlyFileHasNoRows() {
    RecordingSink sink = parse(HEADER);
    assertThat(sink.accepted).isEmpty();
    assertThat(sink.refused).isEmpty();
  }
}
