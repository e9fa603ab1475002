package org.retorno.streams.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

/** The pair gate answers exactly what {@code String.contains} answers. */
class SubstringsProperties {

  @Property(tries = 1000)
  void containsIsStringContains(
      @ForAll @StringLength(max = 120) @CharRange(from = ' ', to = 'z') @CharRange(from = '\u00e0', to = '\u00ff') String text,
      @ForAll @StringLength(max = 6) @CharRange(from = ' ', to = 'z') @CharRange(from = '\u00e0', to = '\u00ff') String needle,
      @ForAll @IntRange(max = 200) int cut) {
    Substrings substrings = new Substrings(text);
    assertThat(substrings.contains(needle)).isEqualTo(text.contains(needle));
    // A piece of the text itself is always found.
    int from = text.isEmpty() ? 0 : cut % text.length();
    String piece = text.substring(from, Math.min(text.length(), from + 1 + cut % 7));
    assertThat(substrings.contains(piece)).isTrue();
    assertThat(substrings.containsAny(List.of(needle, piece))).isTrue();
  }

  @Property(tries = 300)
  void anyCharacterAtAll(@ForAll @StringLength(max = 40) String text,
      @ForAll @StringLength(max = 4) String needle) {
    assertThat(new Substrings(text).contains(needle)).isEqualTo(text.contains(needle));
  }
}
