package org.retorno.ingest.text;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The shortcut for cells without a digit or "@" must never skip what the patterns would scrub. */
class IdentifierScrubberFastPathTest {
  @Test
  void cellsWithADigitOrAnAtSignAreScrubbed() {
    assertThat(IdentifierScrubber.scrub("Jorge Mejía, 31, said")).isEqualTo("[name], 31, said");
    assertThat(IdentifierScrubber.scrub("write to a@b.org")).isEqualTo("write to [email]");
    assertThat(IdentifierScrubber.scrub("Tijuana court data")).isEqualTo("Tijuana court data");
  }

  @Property(tries = 2000)
  void withoutDigitsOrAtSignsThePatternsChangeNothing(@ForAll("withoutDigitOrAt") String text) {
    assertThat(IdentifierScrubber.mayHoldIdentifier(text)).isFalse();
    assertThat(IdentifierScrubber.scrubAll(text)).isEqualTo(text);
  }

  @Provide
  Arbitrary<String> withoutDigitOrAt() {
    Arbitrary<String> nameLike = Combinators.combine(
            Arbitraries.of("Jorge", "María", "José Luis", "Ana de la Cruz", "The", "Selon"),
            Arbitraries.of(", ", ", de ", " - ", " +", " (", " A-", " A"),
            Arbitraries.of("treinta", "años", "ans", "dos", "-", ".", "(x)", "A", "e"))
        .as((name, joint, tail) -> name + joint + tail + ",");
    Arbitrary<String> noise = Arbitraries.strings().all().ofMaxLength(40)
        .filter(s -> s.chars().noneMatch(c -> c == '@' || (c >= '0' && c <= '9')));
    return Arbitraries.oneOf(nameLike, noise,
        Combinators.combine(noise, nameLike, noise).as((a, b, c) -> a + " " + b + " " + c));
  }
}
