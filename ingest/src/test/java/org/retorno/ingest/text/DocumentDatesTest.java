package org.retorno.ingest.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DocumentDatesTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "July 30, 2019|2019-07-30",
      "Jul. 30, 2019|2019-07-30",
      "Tuesday, July 30, 2019|2019-07-30",
      "30 July 2019|2019-07-30",
      "30 de julio de 2019|2019-07-30",
      "30 de julio del 2019|2019-07-30",
      "Ciudad de México, a 30 de julio de 2019|2019-07-30",
      "Ciudad Juárez, Chihuahua, 1º de agosto de 2019|2019-08-01",
      "martes 30 de julio de 2019|2019-07-30",
      "30 juillet 2019|2019-07-30",
      "Genève, le 1er août 2019|2019-08-01",
      "2019-07-30|2019-07-30",
      "Washington, D.C., July 30, 2019.|2019-07-30"})
  void readsDateLines(String line, String expected) {
    assertThat(DocumentDates.dateLine(line)).contains(LocalDate.parse(expected));
  }

  @ParameterizedTest
  @ValueSource(strings = {"July 2019", "Page 3", "Your Excellency:", "According to a July 2 Associated Press report,",
      "February 30, 2019", "17 Route des Morillons"})
  void otherLinesAreNotDateLines(String line) {
    assertThat(DocumentDates.dateLine(line)).isEmpty();
  }

  @Test
  void leadingDateIsFoundAmongTheFirstLines() {
    assertThat(DocumentDates.leadingDate("\n\nCOALITION LETTER\n\nJuly 30, 2019\n\nDear Director,")).contains(
        LocalDate.of(2019, 7, 30));
  }

  @Test
  void aDateLineDeepInTheBodyIsNotTheDocumentsDate() {
    String text = "Title\n" + "Body line.\n".repeat(DocumentDates.LEADING_LINES) + "July 30, 2019\n";
    assertThat(DocumentDates.leadingDate(text)).isEmpty();
  }

  @Test
  void fileNameDates() {
    assertThat(DocumentDates.inFileName("ngo-letter-iom-avr-2019-07-30.txt")).contains(LocalDate.of(2019, 7, 30));
    assertThat(DocumentDates.inFileName("report-2019-02-30-then-2019-03-01.pdf")).contains(LocalDate.of(2019, 3, 1));
    assertThat(DocumentDates.inFileName("report-12019-07-30.pdf")).isEmpty();
    assertThat(DocumentDates.inFileName("report.pdf")).isEmpty();
  }

  @Property
  void neverThrows(@ForAll String text) {
    assertThat(DocumentDates.leadingDate(text)).isNotNull();
  }
}
