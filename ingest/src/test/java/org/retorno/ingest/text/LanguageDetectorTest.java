package org.retorno.ingest.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class LanguageDetectorTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "en|Mexico's government on Monday bused 69 migrants who had been returned to Ciudad Juárez under the program.",
      "en|At least four asylum seekers returned to Matamoros were kidnapped outside the bus station, according to a volunteer.",
      "es|El Instituto Nacional de Migración informó que 130 solicitantes de asilo fueron devueltos a Nuevo Laredo el 9 de julio.",
      "es|Las autoridades no reportaron secuestros entre los recién llegados a la ciudad, según el albergue.",
      "fr|Les demandeurs d'asile renvoyés au Mexique sont exposés à des enlèvements et à des extorsions par la police.",
      "fr|Selon l'OIM, une centaine de personnes ont été rapatriées dans leur pays d'origine depuis la ville."})
  void tellsTheLanguageOfASentence(String expected, String sentence) {
    assertThat(LanguageDetector.detect(sentence)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "112 98 130 45", "Ciudad Juárez, Tijuana, Mexicali", "MPP AVR IOM"})
  void isUnsureWithoutFunctionWords(String text) {
    assertThat(LanguageDetector.detect(text)).isNull();
  }

  @Test
  void isUnsureWhenTwoLanguagesAreMixedEvenly() {
    assertThat(LanguageDetector.detect("The returns of the migrants were reported. "
        + "Los migrantes fueron devueltos a la ciudad por el gobierno.")).isNull();
  }

  @Test
  void nullIsUnsure() {
    assertThat(LanguageDetector.detect(null)).isNull();
  }
}
