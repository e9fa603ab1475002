package org.retorno.ingest.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdentifierScrubberTest {

  @Test
  void sampleFeedSentenceLosesNameAndPhone() {
    assertThat(IdentifierScrubber.scrub(
        "One of them, Jorge Mejía, 31, said he was told to pay 2,000 pesos. Advocates can be reached at +52 664 555 0199."))
        .isEqualTo("One of them, [name], 31, said he was told to pay 2,000 pesos. Advocates can be reached at [phone].");
  }

  @ParameterizedTest
  @ValueSource(strings = {"+52 664 555 0199", "+1 (915) 555-0199", "(915) 555-0199", "915-555-0199",
      "915.555.0199", "55 1234 5678", "6645550199", "+526645550199"})
  void phoneNumbersAreScrubbed(String phone) {
    assertThat(IdentifierScrubber.scrub("Call " + phone + " today.")).isEqualTo("Call [phone] today.");
  }

  @ParameterizedTest
  @ValueSource(strings = {"A123456789", "A12345678", "A# 123456789", "A-123-456-789", "A 123 456 789", "A-12-345-678"})
  void alienRegistrationNumbersAreScrubbed(String aNumber) {
    assertThat(IdentifierScrubber.scrub("His file " + aNumber + " was closed.")).isEqualTo("His file [a-number] was closed.");
  }

  @Test
  void emailAddressesAreScrubbed() {
    assertThat(IdentifierScrubber.scrub("Write to refugio.norte@example.org.mx for help."))
        .isEqualTo("Write to [email] for help.");
  }

  @Test
  void spanishAndFrenchAgeAppositionsAreScrubbed() {
    assertThat(IdentifierScrubber.scrub("María de la Luz Pérez, de 24 años, relató el secuestro."))
        .isEqualTo("[name], de 24 años, relató el secuestro.");
    assertThat(IdentifierScrubber.scrub("Selon Jean Baptiste, 40 ans, la police"))
        .isEqualTo("Selon [name], 40 ans, la police");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "Mexico bused 69 migrants: 40 Hondurans, 22 Guatemalans and seven Salvadorans.",
      "More than 16,714 people were returned between 2019-07-01 and 2019-07-30.",
      "Between 300-1500 people wait; 16.714 according to INM; case 3:19-cv-00807-RS.",
      "Returned to Ciudad Juárez, 69, then to Nuevo Laredo, 130, on July 9.",
      "A 2019 report and A 12 page letter; see https://www.dw.com/en/a-49517591-0.",
      "Tables: 112 98 130 45 21 64 87."})
  void countsDatesAndPlacesSurvive(String text) {
    assertThat(IdentifierScrubber.scrub(text)).isEqualTo(text);
  }
}
