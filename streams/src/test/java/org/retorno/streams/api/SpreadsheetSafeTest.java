package org.retorno.streams.api;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class SpreadsheetSafeTest {

  @Test
  void formulasBecomeText() {
    assertThat(SpreadsheetSafe.escape("=HYPERLINK(\"http://x\",\"y\")")).isEqualTo("'=HYPERLINK(\"http://x\",\"y\")");
    assertThat(SpreadsheetSafe.escape("+1+cmd|' /C calc'!A0")).isEqualTo("'+1+cmd|' /C calc'!A0");
    assertThat(SpreadsheetSafe.escape("-2+3")).isEqualTo("'-2+3");
    assertThat(SpreadsheetSafe.escape("@SUM(A1:A9)")).isEqualTo("'@SUM(A1:A9)");
    assertThat(SpreadsheetSafe.escape("\t=1")).isEqualTo("'\t=1");
  }

  @Test
  void numbersAndPlainTextStayAsTheyAre() {
    assertThat(SpreadsheetSafe.escape("-106.46084")).isEqualTo("-106.46084");
    assertThat(SpreadsheetSafe.escape("112")).isEqualTo("112");
    assertThat(SpreadsheetSafe.escape("<5")).isEqualTo("<5");
    assertThat(SpreadsheetSafe.escape("Ciudad Juárez")).isEqualTo("Ciudad Juárez");
    assertThat(SpreadsheetSafe.escape("")).isEmpty();
  }

  @Property
  void noEscapedValueStartsWithAFormulaCharacter(@ForAll String value) {
    String escaped = SpreadsheetSafe.escape(value);
    if (!escaped.isEmpty() && !escaped.matches("[+-]?\\d+(\\.\\d+)?")) {
      assertThat("=+-@\t\r").doesNotContain(escaped.substring(0, 1));
    }
    assertThat(escaped).endsWith(value);
  }
}
