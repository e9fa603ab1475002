package org.retorno.streams.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EvidenceScrubberTest {
  private final EvidenceScrubber scrubber = new EvidenceScrubber();

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      One of them, Jorge Mejía, 31, said he paid.          | One of them, [NAME], 31, said he paid.
      Jorge Mejía said he paid.                             | [NAME] said he paid.
      Write to jorge.mejia@example.org today.               | Write to [EMAIL] today.
      Call +52 664 555 0199 or (915) 555-0199.              | Call [PHONE] or [PHONE].
      His number is A123456789 and hers A-087-654-321.      | His number is [A-NUMBER] and hers [A-NUMBER].
      Sr. Ramírez was kidnapped.                            | Sr. [NAME] was kidnapped.
      The woman, said Gascon, was kidnapped.                | The woman, said [NAME], was kidnapped.
      IOM Mexico chief Christopher Gascon was quoted.       | IOM Mexico chief [NAME] was quoted.
      María de la Luz Pérez left Tijuana.                   | [NAME] left Tijuana.
      Mejía's family was threatened in Reynosa.             | [NAME]'s family was threatened in Reynosa.
      Ana Pérez's family was threatened in Reynosa.         | [NAME]'s family was threatened in Reynosa.
      """)
  void replacesPersonalData(String sentence, String expected) {
    assertThat(scrubber.scrub(sentence)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      El Instituto Nacional de Migración informó que 130 fueron devueltos a Nuevo Laredo.
      Returned to Ciudad Juárez under the U.S. Remain in Mexico program with the International Organization for Migration.
      According to a July 2 Associated Press report, 70 were bused home from Ciudad Juarez.
      Human Rights First and the Women's Refugee Commission said 12 were kidnapped in Reynosa.
      The State Department and the Border Patrol returned 40 people to Piedras Negras.
      Mexico Buses Home Dozens Of Asylum Seekers Returned By U.S.
      LAREDO, Texas — A tent court at the port of entry in Laredo, Texas, heard 300 cases.
      On Monday, 40 Hondurans left San Pedro Sula.
      The San Antonio Express-News said 72 migrants were killed in San Fernando, Tamaulipas.
      """)
  void keepsPlacesOrganisationsAndHeadlines(String sentence) {
    assertThat(scrubber.scrub(sentence)).isEqualTo(sentence);
  }
}
