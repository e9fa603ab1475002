package org.retorno.ingest.counts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;
import org.apache.avro.specific.SpecificRecord;
import org.retorno.avro.CaseCountRow;
import org.retorno.ingest.IngestOptions;
import org.retorno.ingest.InputFile;
import org.retorno.ingest.RecordingSink;
import org.retorno.ingest.TestFiles;

/**
 * An e-mail address, a phone number, an A-number or a name with an age planted in any free-text cell
 * of a count table (long or wide shape, header declaration, mapping note, column name) is on no
 * record and in no rejection the parser hands over.
 */
class CountsScrubbingPropertiesTest {
  private static final String HEADER = "period_start,period_end,place,metric,value,semantics,source,source_url";
  private final CaseCountParser parser = new CaseCountParser(TestFiles.CLOCK);
  private final Path dir = tempDir();

  /** What is planted, and the text that must not survive (a name's surname: "[name], 31," keeps the age). */
  record Planted(String text, String mustNotSurvive) {}

  enum LongCell { SOURCE, SOURCE_URL, PLACE }

  enum WideCell { SOURCE_DECLARATION, SOURCE_URL_DECLARATION, MAPPING_NOTE, MAPPED_COLUMN, UNMAPPED_COLUMN }

  @Property(tries = 300)
  void nothingPlantedInALongTableSurvives(@ForAll("planted") Planted planted, @ForAll("prose") String before,
      @ForAll("prose") String after, @ForAll LongCell cell) {
    String text = before + " " + planted.text() + " " + after;
    String source = cell == LongCell.SOURCE ? text : "INM";
    String url = cell == LongCell.SOURCE_URL ? "https://example.org/t?" + text : "https://example.org/t";
    String place = cell == LongCell.PLACE ? "Tijuana " + text : "Tijuana";
    InputFile file = TestFiles.write(dir, "counts.csv", HEADER + "\n"
        + "2019-07-11,2019-07-11," + quote(place) + ",MPP_RETURN,64,increment," + quote(source) + "," + quote(url) + "\n");

    RecordingSink sink = RecordingSink.run(parser, file, IngestOptions.defaults());

    assertThat(sink.accepted.size() + sink.refused.size()).isEqualTo(1);
    assertThat(everythingHandedOver(sink)).doesNotContain(planted.mustNotSurvive());
  }

  @Property(tries = 300)
  void nothingPlantedInAWideTableSurvives(@ForAll("planted") Planted planted, @ForAll("prose") String before,
      @ForAll("prose") String after, @ForAll WideCell cell) {
    String text = before + " " + planted.text() + " " + after;
    String mapped = cell == WideCell.MAPPED_COLUMN ? "El Paso " + text : "El Paso";
    String extra = cell == WideCell.UNMAPPED_COLUMN ? text : "Total";
    String note = cell == WideCell.MAPPING_NOTE ? text : "";
    TestFiles.write(dir, "court.mapping.csv", "column,city,inferred,note\n"
        + quote(mapped) + ",Ciudad Juárez,true," + quote(note) + "\nTotal,-,,\n");
    InputFile table = TestFiles.write(dir, "court.csv", String.join("\n",
        "# metric: MPP_RETURN",
        "# semantics: increment",
        "# source: " + (cell == WideCell.SOURCE_DECLARATION ? text : "Court data"),
        "# source_url: https://example.org/court" + (cell == WideCell.SOURCE_URL_DECLARATION ? "?" + text : ""),
        "month," + quote(mapped) + "," + quote(extra),
        "2019-03,12,4") + "\n");

    RecordingSink sink = RecordingSink.run(parser, table, IngestOptions.defaults());

    assertThat(sink.records(CaseCountRow.class)).hasSize(1);
    assertThat(everythingHandedOver(sink)).doesNotContain(planted.mustNotSurvive());
  }

  @Provide
  Arbitrary<Planted> planted() {
    return Arbitraries.oneOf(emails(), phones(), aNumbers(), namesWithAge());
  }

  /** Words and punctuation that surround an identifier in a cell; the cell's own commas are quoted. */
  @Provide
  Arbitrary<String> prose() {
    return Arbitraries.of("", "Tally by", "contact:", "(", "volunteer", "INM sitrep;", "Shelter tally,", "file", "tel.",
        "Escribir a", "2019-07-30", "16,714 returned")
        .list().ofMaxSize(3).map(words -> String.join(" ", words));
  }

  private static Arbitrary<Planted> emails() {
    Arbitrary<String> local = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(10);
    Arbitrary<String> dotted = Combinators.combine(local, local, Arbitraries.of(".", "_", "-", "+"))
        .as((a, b, separator) -> a + separator + b);
    Arbitrary<String> domain = Arbitraries.of("example.org", "correo.example.mx", "ngo.example.net", "example.org.mx");
    return Combinators.combine(Arbitraries.oneOf(local, dotted), domain)
        .as((user, host) -> user + "@" + host)
        .map(email -> new Planted(email, email));
  }

  private static Arbitrary<Planted> phones() {
    Arbitrary<String> three = Arbitraries.strings().numeric().ofLength(3);
    Arbitrary<String> four = Arbitraries.strings().numeric().ofLength(4);
    return Combinators.combine(three, three, four, Arbitraries.integers().between(0, 5)).as((area, exchange, line, form) ->
        switch (form) {
          case 0 -> "+52 " + area + " " + exchange + " " + line;
          case 1 -> "+1 (" + area + ") " + exchange + "-" + line;
          case 2 -> "(" + area + ") " + exchange + "-" + line;
          case 3 -> area + "-" + exchange + "-" + line;
          case 4 -> area + "." + exchange + "." + line;
          default -> area + exchange + line;
        }).map(phone -> new Planted(phone, phone));
  }

  private static Arbitrary<Planted> aNumbers() {
    Arbitrary<String> nine = Arbitraries.strings().numeric().ofLength(9);
    Arbitrary<String> eight = Arbitraries.strings().numeric().ofLength(8);
    Arbitrary<String> grouped = nine.flatMap(digits -> Arbitraries.of("-", " ")
        .map(separator -> digits.substring(0, 3) + separator + digits.substring(3, 6) + separator + digits.substring(6)));
    return Arbitraries.oneOf(nine, eight, grouped).map(digits -> "A" + (digits.contains(" ") ? " " : "") + digits)
        .map(aNumber -> new Planted(aNumber, aNumber));
  }

  private static Arbitrary<Planted> namesWithAge() {
    Arbitrary<String> given = Arbitraries.of("Rosa", "María Fernanda", "Jorge", "Wendy", "Tomás", "Ana María", "José Luis");
    Arbitrary<String> family = Arbitraries.of("Quintanilla", "Ochoa", "Barrientos", "Mejía", "de la Cruz Pérez",
        "Hernández López");
    Arbitrary<String> age = Arbitraries.integers().between(1, 99).map(Object::toString);
    Arbitrary<String> form = Arbitraries.of(", %s,", ", de %s años,", ", %s ans,");
    return Combinators.combine(given, family, age, form)
        .as((first, last, years, pattern) -> new Planted(first + " " + last + String.format(pattern, years),
            last.replaceFirst("^de la ", "")));
  }

  /** Every string the parser handed over: all fields of every record, every rejection's position and detail. */
  private static String everythingHandedOver(RecordingSink sink) {
    List<String> texts = new ArrayList<>();
    sink.accepted.forEach(accepted -> {
      texts.add(accepted.position());
      texts.add(accepted.id());
      collectStrings(accepted.record(), texts);
    });
    sink.refused.forEach(refused -> {
      texts.add(String.valueOf(refused.position()));
      texts.add(String.valueOf(refused.detail()));
    });
    return String.join("\n", texts);
  }

  private static void collectStrings(Object value, List<String> texts) {
    if (value instanceof CharSequence text) {
      texts.add(text.toString());
    } else if (value instanceof SpecificRecord record) {
      for (int field = 0; field < record.getSchema().getFields().size(); field++) {
        collectStrings(record.get(field), texts);
      }
    } else if (value instanceof Iterable<?> items) {
      items.forEach(item -> collectStrings(item, texts));
    }
  }

  private static String quote(String cell) {
    return "\"" + cell.replace("\"", "\"\"") + "\"";
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("count-scrubbing");
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
