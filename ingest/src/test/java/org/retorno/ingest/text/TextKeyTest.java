package org.retorno.ingest.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextKeyTest {

  @Test
  void keyIsTheSha256OfTheNormalisedText() {
    // sha256("abc"), the FIPS 180-2 test vector.
    assertThat(TextKey.ofText("  abc\n")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @Test
  void composedAndDecomposedAccentsAndSpacingGiveOneKey() {
    String composed = "Ciudad Ju\u00e1rez,  69 migrants";
    String decomposed = "Ciudad Jua\u0301rez,\n69\tmigrants";
    assertThat(TextKey.ofText(decomposed)).isEqualTo(TextKey.ofText(composed));
    assertThat(TextKey.normalise(decomposed)).isEqualTo("Ciudad Juárez, 69 migrants");
  }

  @Test
  void differentTextGivesDifferentKeys() {
    assertThat(TextKey.ofText("69 migrants")).isNotEqualTo(TextKey.ofText("70 migrants"));
  }

  @Test
  void fieldBoundariesMatter() {
    assertThat(TextKey.ofFields(List.of("ab", "c"))).isNotEqualTo(TextKey.ofFields(List.of("a", "bc")));
    assertThat(TextKey.ofFields(Arrays.asList("a", null))).isEqualTo(TextKey.ofFields(List.of("a", "")));
    assertThat(TextKey.ofFields(List.of(" a ", "b"))).isEqualTo(TextKey.ofFields(List.of("a", "b")));
  }
}
