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

  /** Letters, accents (composed and combining), and every kind of whitespace, in runs. */
  @Provide
  Arbitrary<String> spacedText() {
    return Arbitraries.strings()
        .withChars("ab Zé\u0301\t\n\r\f\u000b\u00a0\u2003\u001f")
        .ofMaxLength(40);
  }
}
