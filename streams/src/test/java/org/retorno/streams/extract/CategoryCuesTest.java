package org.retorno.streams.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.retorno.avro.Category;

class CategoryCuesTest {
  private final CategoryCues cues = new CategoryCues();
  private final PlaceFinder places = new PlaceFinder();

  private List<Category> categories(String sentence) {
    return cues.find(sentence, places.find(sentence)).stream().map(CueMention::category).toList();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      40 were returned to Tijuana                                   | MPP_RETURN
      40 were sent back to Mexico under MPP                         | MPP_RETURN
      130 fueron devueltos a Nuevo Laredo                           | MPP_RETURN
      45 retornados a Matamoros bajo el MPP                         | MPP_RETURN
      70 ont été renvoyés à Tijuana                                 | MPP_RETURN
      300 were enrolled in MPP                                      | MPP_RETURN
      70 were entered into the AVR program                          | AVR_ENROLLMENT
      70 enrolled in assisted voluntary return                      | AVR_ENROLLMENT
      40 se inscribieron en el programa de retorno asistido         | AVR_ENROLLMENT
      Mexico buses home dozens                                      | AVR_DEPARTURE
      IOM flew 120 Hondurans to San Pedro Sula                      | AVR_DEPARTURE
      the assisted voluntary return of 50 people                    | AVR_DEPARTURE
      150 were ordered removed in absentia                          | IN_ABSENTIA_ORDER
      25 were refouled to Honduras                                  | REFOULEMENT
      4 were kidnapped                                              | KIDNAPPING
      an attempted kidnapping of 3 migrants                         | KIDNAPPING
      12 secuestrados                                               | KIDNAPPING
      12 enlevés                                                    | KIDNAPPING
      3 were extorted                                               | EXTORTION
      3 fueron extorsionados                                        | EXTORTION
      2 women were raped                                            | SEXUAL_VIOLENCE
      2 were sexually assaulted                                     | SEXUAL_VIOLENCE
      2 agresiones sexuales                                         | SEXUAL_VIOLENCE
      5 were beaten                                                 | ASSAULT
      5 were killed                                                 | HOMICIDE
      5 asesinados                                                  | HOMICIDE
      2 went missing                                                | DISAPPEARANCE
      3 desaparecidos                                               | DISAPPEARANCE
      9 were robbed                                                 | ROBBERY
      9 asaltados                                                   | ROBBERY
      6 were threatened                                             | THREAT
      7 cases of police abuse                                       | POLICE_ABUSE
      """)
  void findsTheCategory(String sentence, Category category) {
    assertThat(categories(sentence)).containsExactly(category);
  }

  @Test
  void extortionByPoliceIsAlsoPoliceAbuse() {
    assertThat(categories("municipal police officers extorted them"))
        .containsExactlyInAnyOrder(Category.EXTORTION, Category.POLICE_ABUSE);
    assertThat(categories("extortion attempts by police"))
        .containsExactlyInAnyOrder(Category.EXTORTION, Category.POLICE_ABUSE);
    assertThat(categories("fueron extorsionados por policías municipales"))
        .containsExactlyInAnyOrder(Category.EXTORTION, Category.POLICE_ABUSE);
    assertThat(categories("police rescued 12 migrants who had been kidnapped"))
        .containsExactly(Category.KIDNAPPING);
    assertThat(categories("Nogales police reported 6 robberies of migrants"))
        .containsExactly(Category.ROBBERY);
    assertThat(categories("Dos policías estatales fueron detenidos por secuestrar a tres migrantes"))
        .containsExactlyInAnyOrder(Category.KIDNAPPING, Category.POLICE_ABUSE);
  }

  @Test
  void newerWordsForKillingKidnappingAndRepatriation() {
    assertThat(categories("two men were shot dead")).containsExactly(Category.HOMICIDE);
    assertThat(categories("gunmen snatched 14 migrants")).containsExactly(Category.KIDNAPPING);
    assertThat(categories("L'OIM a rapatrié 85 Honduriens")).containsExactly(Category.AVR_DEPARTURE);
    assertThat(categories("Mexico repatriated 85 Hondurans")).isEmpty();
    assertThat(categories("IOM helped 1,417 people return home voluntarily"))
        .containsExactly(Category.AVR_DEPARTURE);
  }

  @Test
  void returnsNeedMppOrAMexicanDestination() {
    assertThat(categories("40 asylum seekers were returned by U.S. agents")).isEmpty();
    assertThat(categories("40 were returned home")).isEmpty();
    assertThat(categories("the letter was sent to Geneva")).isEmpty();
  }

  @Test
  void sentBackOnBusesHomeIsADepartureNotAReturn() {
    assertThat(categories("70 subject to MPP were sent back on buses to their home countries"))
        .containsExactly(Category.AVR_DEPARTURE);
  }

  @Test
  void repatriationIsAvrOnlyWithIomOrVoluntaryReturnInView() {
    assertThat(categories("40 were repatriated to Honduras")).isEmpty();
    assertThat(categories("IOM repatriated 40 people to Honduras")).containsExactly(Category.AVR_DEPARTURE);
  }

  @Test
  void relativeClausesAndBareParticiplesAreMarked() {
    String sentence = "bused 69 migrants who had been returned to Ciudad Juárez under MPP";
    CueMention relative = cues.find(sentence, places.find(sentence)).stream()
        .filter(c -> c.category() == Category.MPP_RETURN).findFirst().orElseThrow();
    String reduced = "Three asylum seekers returned to Tijuana said police extorted them";
    CueMention bare = cues.find(reduced, places.find(reduced)).get(0);
    String passive = "Three asylum seekers were returned to Tijuana";
    CueMention asserted = cues.find(passive, places.find(passive)).get(0);

    assertThat(relative.relativeClause()).isTrue();
    assertThat(bare.bareParticiple()).isTrue();
    assertThat(bare.relativeClause()).isFalse();
    assertThat(asserted.bareParticiple()).isFalse();
    assertThat(asserted.relativeClause()).isFalse();
  }

  @Test
  void reportedSpeechIsNotARelativeClause() {
    String sentence = "El INM informó que fueron devueltos 130 migrantes bajo el MPP";

    CueMention cue = cues.find(sentence, places.find(sentence)).get(0);

    assertThat(cue.relativeClause()).isFalse();
  }
}
