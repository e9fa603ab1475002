package org.retorno.ingest.counts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.retorno.avro.CaseCountRow;
import org.retorno.ingest.IngestOptions;
import org.retorno.ingest.InputFile;
import org.retorno.ingest.Reason;
import org.retorno.ingest.RecordingSink;
import org.retorno.ingest.RecordingSink.Refused;
import org.retorno.ingest.TestFiles;

/** Every free-text cell of a count table is scrubbed before it becomes part of a record or a rejection. */
class CountsScrubbingTest {
  private static final String HEADER = "period_start,period_end,place,metric,value,semantics,source,source_url";
  private final CaseCountParser parser = new CaseCountParser(TestFiles.CLOCK);

  @TempDir
  Path dir;

  @Test
  void theLongShapesSourceAndSourceUrlCellsLoseNamesWithAgePhonesEmailsAndANumbers() {
    InputFile file = TestFiles.write(dir, "counts.csv", String.join("\n", HEADER,
        "2019-07-11,2019-07-11,Matamoros,MPP_RETURN,64,increment,"
            + "\"Tally by Rosa Quintanilla, 31, volunteer (+52 656 123 4567)\",mailto:rosa.q@example.org",
        "2019-07-12,2019-07-12,Tijuana,MPP_RETURN,7,increment,\"INM, file A123456789\","
            + "https://example.org/t?contact=tomas.b@example.net") + "\n");

    RecordingSink sink = RecordingSink.run(parser, file, IngestOptions.defaults());

    assertThat(sink.refused).isEmpty();
    assertThat(sink.records(CaseCountRow.class)).extracting(CaseCountRow::getSourceName, CaseCountRow::getSourceUrl)
        .containsExactly(
            tuple("Tally by [name], 31, volunteer ([phone])", "mailto:[email]"),
            tuple("INM, file [a-number]", "https://example.org/t?contact=[email]"));
  }

  @Test
  void anOperatorsSourceNameIsScrubbedLikeACell() {
    InputFile file = TestFiles.write(dir, "counts.csv", HEADER + "\n"
        + "2019-07-11,2019-07-11,Matamoros,MPP_RETURN,64,increment,INM,\n");

    RecordingSink sink = RecordingSink.run(parser, file,
        new IngestOptions(null, "Desk of maria.lopez@example.org", null, null, null));

    assertThat(sink.records(CaseCountRow.class)).extracting(CaseCountRow::getSourceName)
        .containsExactly("Desk of [email]");
  }

  @Test
  void aWideTablesDeclarationsMappingNotesAndColumnNamesAreScrubbed() {
    TestFiles.write(dir, "court.mapping.csv", String.join("\n",
        "column,city,inferred,note",
        "El Paso,Ciudad Juárez,true,\"confirmed by clerk Ana María Soto, 45, at 915-555-0142\"",
        "San Diego (desk a.soto@example.org),Tijuana,true,") + "\n");
    InputFile table = TestFiles.write(dir, "court.csv", String.join("\n",
        "# metric: MPP_RETURN",
        "# semantics: increment",
        "# source: Court data sent by Jorge Mejía, 31, (jorge.m@example.org)",
        "# source_url: https://example.org/court?tel=+52 664 555 0199",
        "month,El Paso,San Diego (desk a.soto@example.org),Clerk 6645550199",
        "2019-03,12,30,4") + "\n");

    RecordingSink sink = RecordingSink.run(parser, table, IngestOptions.defaults());

    assertThat(sink.records(CaseCountRow.class)).extracting(CaseCountRow::getPlaceName,
        row -> row.getPlace().getInferenceNote(), CaseCountRow::getSourceName, CaseCountRow::getSourceUrl)
        .containsExactly(
            tuple("El Paso", "confirmed by clerk [name], 45, at [phone]",
                "Court data sent by [name], 31, ([email])", "https://example.org/court?tel=[phone]"),
            tuple("San Diego (desk [email])", "mapped from US hearing location San Diego (desk [email]) by court.mapping.csv",
                "Court data sent by [name], 31, ([email])", "https://example.org/court?tel=[phone]"));
    assertThat(sink.refused).containsExactly(
        new Refused("line 6, column Clerk [phone]", Reason.UNMAPPED_COLUMN, "not in court.mapping.csv"));
  }
}
