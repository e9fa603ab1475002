package org.retorno.ingest.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.text.Normalizer;
import java.util.HexFormat;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/** The fast normalisation and digest give exactly the keys of the plain definitions, so old keys still match. */
class TextKeyPropertiesTest {

  @Property(tries = 3000)
  void collapsingWhitespaceIsReplaceAllOfTheRegex(@ForAll("spacedText") String text) {
    assertThat(TextKey.collapseWhitespace(text)).isEqualTo(text.replaceAll("\\s+", " "));
  }

  @Property(tries = 1000)
  void anyStringCollapsesLikeTheRegex(@ForAll String text) {
    assertThat(TextKey.collapseWhitespace(text)).isEqualTo(text.replaceAll("\\s+", " "));
  }

  @Property(tries = 1000)
  void keysAreTheSha256OfTheTextNormalisedAsDefined(@ForAll("spacedText") String text) throws Exception {
    String normalised = Normalizer.normalize(text, Normalizer.Form.NFC).replaceAll("\\s+", " ").strip();
    String expected = HexFormat.of().formatHex(
        MessageDigest.getInstance("SHA-256").digest(normalised.getBytes(StandardCharsets.UTF_8)));

    assertThat(TextKey.ofText(text)).isEqualTo(expected);
  }

  @Property(tries = 3000)
  void mostlyPrintableAsciiNormalisesAsDefined(@ForAll("mostlyAscii") String text) {
    String expected = Normalizer.normalize(text, Normalizer.Form.NFC).replaceAll("\\s+", " ").strip();

    assertThat(TextKey.normalise(text)).isEqualTo(expected);
  }

  @Property(tries = 2000)
  void fieldKeysAreTheSha256OfTheJoinedNormalisedFields(@ForAll("fields") java.util.List<String> fields)
      throws Exception {
    StringBuilder joined = new StringBuilder();
    for (String field : fields) {
      joined.append(field == null ? "" : Normalizer.normalize(field, Normalizer.Form.NFC).replaceAll("\\s+", " ").strip())
          .append('\u001f');
    }
    String expected = HexFormat.of().formatHex(
        MessageDigest.getInstance("SHA-256").digest(joined.toString().getBytes(StandardCharsets.UTF_8)));

    assertThat(TextKey.ofFields(fields)).isEqualTo(expected);
  }

  /** Fields of any of the texts below: lone surrogates at either end, cells longer than the ASCII buffer, null. */
  @Provide
  Arbitrary<java.util.List<String>> fields() {
    Arbitrary<String> field = Arbitraries.frequencyOf(
        Tuple.of(6, mostlyAscii()),
        Tuple.of(3, spacedText()),
        Tuple.of(2, Arbitraries.strings().withChars("a\uD83D\uDE00\uD800\uDC00 \u001f").ofMaxLength(6)),
        Tuple.of(1, Arbitraries.strings().withChars("ab é").ofMinLength(500).ofMaxLength(600)),
        Tuple.of(1, Arbitraries.just(null)));
    return field.list().ofMaxSize(9);
  }

  /** Cells as tables write them, with the few characters that need normalising now and then. */
  @Provide
  Arbitrary<String> mostlyAscii() {
    return Arbitraries.frequencyOf(
        Tuple.of(20, Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(30)),
        Tuple.of(5, Arbitraries.strings().withChars("a Z9~\u007f\u001f\u001c\t\u00a0e\u0301").ofMaxLength(12)));
  }

  /** Letters, accents (composed and combining), and every kind of whitespace, in runs. */
  @Provide
  Arbitrary<String> spacedText() {
    return Arbitraries.strings()
        .withChars("ab Zé\u0301\t\n\r\f\u000b\u00a0\u2003\u001f")
        .ofMaxLength(40);
  }
}
