package org.retorno.schemas.geo;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class BorderCityFoldTest {
  /** The definition fold() had as two regular expressions; the loop must agree with it everywhere. */
  private static String foldByRegex(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "")
        .toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
  }

  @Test
  void foldsAccentsCaseAndSpaces() {
    assertThat(BorderCity.fold("  Cd.\t Juárez \n")).isEqualTo("cd. juarez");
    assertThat(BorderCity.fold("NUEVO\u00a0LAREDO")).isEqualTo("nuevo\u00a0laredo");
    assertThat(BorderCity.fold("Tijuana")).isEqualTo("tijuana");
    assertThat(BorderCity.byName("Cd.  JUÁREZ")).contains(BorderCity.CIUDAD_JUAREZ);
  }

  @Property(tries = 2000)
  void agreesWithTheRegexDefinition(@ForAll("placeLike") String text) {
    assertThat(BorderCity.fold(text)).isEqualTo(foldByRegex(text));
  }

  @Property(tries = 1000)
  void agreesOnArbitraryText(@ForAll String text) {
    assertThat(BorderCity.fold(text)).isEqualTo(foldByRegex(text));
  }

  @Provide
  Arbitrary<String> placeLike() {
    return Arbitraries.strings()
        .withChars("aáAÁeéEÉiíIİıñÑuüÜ .-\t\n\r\f\u000b\u00a0\u2003\u0301\u0308\u20dd\u0903ǅﬁß")
        .ofMaxLength(24);
  }
}
