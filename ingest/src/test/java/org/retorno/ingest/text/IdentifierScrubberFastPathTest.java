package org.retorno.ingest.text;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The shortcuts (no digit or "@"; too few digits, no "+", "A" or commas for a pattern) never skip what the patterns would scrub. */
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

  @Test
  void eachPatternStillRunsWhenItsCharactersArePresent() {
    assertThat(IdentifierScrubber.scrub("A-123-456-789")).isEqualTo("[a-number]");
    assertThat(IdentifierScrubber.scrub("call +52 664 123 4567 now")).isEqualTo("call [phone] now");
    assertThat(IdentifierScrubber.scrub("call (664) 123-4567")).isEqualTo("call [phone]");
    assertThat(IdentifierScrubber.scrub("ref 2019-07 table 12")).isEqualTo("ref 2019-07 table 12");
  }

  @Property(tries = 5000)
  void scrubIsAlwaysEveryPatternOverTheWholeText(@ForAll("identifierLike") String text) {
    assertThat(IdentifierScrubber.scrub(text)).isEqualTo(IdentifierScrubber.scrubAll(text));
  }

  @Property(tries = 1000)
  void scrubOfAnyStringIsEveryPattern(@ForAll String text) {
    assertThat(IdentifierScrubber.scrub(text)).isEqualTo(IdentifierScrubber.scrubAll(text));
  }

  /** Pieces of every identifier the patterns know, near misses, and the characters they hinge on. */
  @Provide
  Arbitrary<String> identifierLike() {
    Arbitrary<String> piece = Arbitraries.oneOf(
        Arbitraries.of("Jorge Mejía", ", 31,", ", de 31 años,", " 31 ans,", "A-123-456-789", "A 12 345 678", "A#",
            "A12345678", "+52 664 123 4567", "+1 (619) 555-0100", "(664) 123-4567", "664-123-4567", "6641234567",
            "2019-07-30", "16,714", "300-1500", "a@b.org", "x.y+z@mail.example.mx", "Ciudad Juárez, 69,", "The", ", ",
            "+", "@", "A", ",", "-", " ", "(", ")", ".", "/", "https://example.org/table-"),
        Arbitraries.strings().withChars("0123456789").ofMinLength(1).ofMaxLength(13),
        Arbitraries.strings().withChars("A+@,.-() #0123456789ajé\t").ofMaxLength(12));
    return piece.list().ofMaxSize(8).map(pieces -> String.join("", pieces));
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
