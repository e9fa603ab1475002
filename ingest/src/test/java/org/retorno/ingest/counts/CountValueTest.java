package org.retorno.ingest.counts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.retorno.ingest.InputRejectedException;
import org.retorno.ingest.Reason;

class CountValueTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"0|0", "69|69", "16,714|16714", "1,234,567|1234567", "1.234.567|1234567",
      "16 714|16714", "16\u202f714|16714", " 45 |45"})
  void wholeNumbersWithUnambiguousGrouping(String text, long expected) throws Exception {
    assertThat(CountValue.parse(text, Optional.empty())).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"16.714|DOT|16714", "16,714|COMMA|16714", "16 714|SPACE|16714", "714|DOT|714"})
  void declaredSeparator(String text, ThousandsSeparator separator, long expected) throws Exception {
    assertThat(CountValue.parse(text, Optional.of(separator))).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"16.714|AMBIGUOUS_NUMBER", "-3|NEGATIVE_VALUE", "−1,200|NEGATIVE_VALUE",
      "12.5|NON_NUMERIC_VALUE", "16,71|NON_NUMERIC_VALUE", "about 70|NON_NUMERIC_VALUE", "1,2345|NON_NUMERIC_VALUE",
      "99999999999999999999|NON_NUMERIC_VALUE", "seventy|NON_NUMERIC_VALUE"})
  void rejectedValues(String text, Reason reason) {
    assertThat(catchThrowableOfType(InputRejectedException.class, () -> CountValue.parse(text, Optional.empty()))
        .reason()).isEqualTo(reason);
  }

  @Property
  void englishGroupingRoundTrips(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long value) throws Exception {
    String grouped = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.US)).format(value);
    assertThat(CountValue.parse(grouped, Optional.empty())).isEqualTo(value);
  }

  @Property
  void spanishGroupingRoundTripsWhenDeclared(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long value)
      throws Exception {
    DecimalFormatSymbols spanish = DecimalFormatSymbols.getInstance(Locale.US);
    spanish.setGroupingSeparator('.');
    spanish.setDecimalSeparator(',');
    String grouped = new DecimalFormat("#,##0", spanish).format(value);
    assertThat(CountValue.parse(grouped, Optional.of(ThousandsSeparator.DOT))).isEqualTo(value);
  }

  @Property
  void anyTextIsANumberOrARejection(@ForAll String text) {
    try {
      assertThat(CountValue.parse(text, Optional.empty())).isNotNegative();
    } catch (InputRejectedException e) {
      assertThat(e.reason()).isIn(Reason.NON_NUMERIC_VALUE, Reason.NEGATIVE_VALUE, Reason.AMBIGUOUS_NUMBER);
    }
  }
}
