package org.retorno.streams.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.StringLength;
import org.retorno.avro.CountKind;

class NumberReaderProperties {
  private final NumberReader reader = new NumberReader();
  private final ClaimExtractor extractor = new ClaimExtractor();

  @Property(tries = 300)
  void arbitraryStringsNeverThrow(@ForAll @StringLength(max = 300) String text) {
    List<NumberMention> mentions = reader.read(text);

    assertThat(mentions).allSatisfy(m -> assertThat(m.start()).isBetween(0, m.end()));
  }

  @Property(tries = 200)
  void arbitraryDocumentsNeverThrow(@ForAll @StringLength(max = 400) String text) {
    SourceDocument doc = new SourceDocument("p", null, null, null, null, null, text, null);

    assertThat(extractor.extract(doc)).allSatisfy(c -> assertThat(c.getConfidence()).isBetween(0.0, 1.0));
  }

  @Property(tries = 300)
  void numeralsInEitherThousandsConventionReadBack(@ForAll @LongRange(min = 1, max = 999_999_999L) long value,
      @ForAll boolean dots) {
    String numeral = group(value, dots ? '.' : ',');

    List<NumberMention> counts = reader.read(numeral + " migrants were returned").stream()
        .filter(NumberMention::isCount).toList();

    assertThat(counts).hasSize(1);
    assertThat(counts.get(0).value()).isEqualTo(value);
    assertThat(counts.get(0).kind()).isEqualTo(CountKind.EXACT);
    assertThat(counts.get(0).text()).isEqualTo(numeral);
  }

  @Property(tries = 200)
  void approximateAndMinimumQualifiersKeepTheValue(@ForAll @LongRange(min = 1, max = 99_999) long value,
      @ForAll boolean approximate) {
    String phrase = (approximate ? "about " : "at least ") + group(value, ',');

    NumberMention count = reader.read(phrase + " people").get(0);

    assertThat(count.value()).isEqualTo(value);
    assertThat(count.kind()).isEqualTo(approximate ? CountKind.APPROXIMATE : CountKind.MINIMUM);
  }

  private static String group(long value, char separator) {
    String digits = Long.toString(value);
    StringBuilder out = new StringBuilder();
    int lead = digits.length() % 3 == 0 ? 3 : digits.length() % 3;
    out.append(digits, 0, lead);
    for (int i = lead; i < digits.length(); i += 3) {
      out.append(separator).append(digits, i, i + 3);
    }
    return out.toString();
  }
}
