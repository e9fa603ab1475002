package org.retorno.ingest.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LanguagesTest {

  @Test
  void tagsAreReducedToIso6391() {
    assertThat(Languages.iso639_1("en-US")).isEqualTo("en");
    assertThat(Languages.iso639_1("es_MX")).isEqualTo("es");
    assertThat(Languages.iso639_1(" FR ")).isEqualTo("fr");
    assertThat(Languages.iso639_1("english")).isNull();
    assertThat(Languages.iso639_1("")).isNull();
    assertThat(Languages.iso639_1(null)).isNull();
  }

  @Test
  void firstUsableCandidateWins() {
    assertThat(Languages.firstOf(null, "spanish", "es-419", "en")).isEqualTo("es");
    assertThat(Languages.firstOf(null, "")).isNull();
  }
}
