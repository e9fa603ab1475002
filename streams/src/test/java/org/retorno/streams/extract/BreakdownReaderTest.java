package org.retorno.streams.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BreakdownReaderTest {
  private final NumberReader numbers = new NumberReader();
  private final BreakdownReader reader = new BreakdownReader();

  private List<Breakdown> read(String sentence) {
    List<NumberMention> counts = numbers.read(sentence).stream().filter(NumberMention::isCount).toList();
    return reader.read(TextFolding.fold(sentence), sentence.length(), counts);
  }

  @Test
  void aDashedListOfNationalitiesIsOneCount() {
    List<Breakdown> found = read("The group of 69 — 40 Hondurans, 22 Guatemalans and seven Salvadorans — left.");

    assertThat(found).hasSize(1);
    assertThat(found.get(0).total().value()).isEqualTo(69L);
    assertThat(found.get(0).parts()).containsExactly(Map.entry("Honduras", 40L),
        Map.entry("Guatemala", 22L), Map.entry("El Salvador", 7L));
    assertThat(found.get(0).partMentions()).extracting(NumberMention::value).containsExactly(40L, 22L, 7L);
  }

  @Test
  void spanishAndFrenchListsAndPartialBreakdowns() {
    assertThat(read("130 personas: 80 hondureños y 50 guatemaltecos.").get(0).parts())
        .containsExactly(Map.entry("Honduras", 80L), Map.entry("Guatemala", 50L));
    assertThat(read("70 migrants (40 Honduriens et 30 Guatémaltèques).").get(0).parts())
        .containsExactly(Map.entry("Honduras", 40L), Map.entry("Guatemala", 30L));
    assertThat(read("69 people, including 40 Hondurans.").get(0).parts())
        .containsExactly(Map.entry("Honduras", 40L));
  }

  @Test
  void anAppositionIsABreakdownOnlyWhenItAddsUpExactly() {
    assertThat(read("Un grupo de 47 migrantes, 30 hondureños y 17 salvadoreños, fue enviado.").get(0)
        .parts()).containsExactly(Map.entry("Honduras", 30L), Map.entry("El Salvador", 17L));
    assertThat(read("47 migrantes, 30 hondureños y 10 salvadoreños, fueron enviados.")).isEmpty();
  }

  @Test
  void aSubgroupAfterIncludingIsPartOfTheCountBeforeIt() {
    String sentence = "Twenty-one migrants, including six children, were kidnapped.";
    List<NumberMention> counts = numbers.read(sentence).stream().filter(NumberMention::isCount).toList();

    assertThat(reader.subgroups(TextFolding.fold(sentence), 0, counts))
        .extracting(NumberMention::value).containsExactly(6L);
  }

  @Test
  void aListThatAddsUpToMoreThanTheTotalIsNotItsBreakdown() {
    assertThat(read("20 people — 40 Hondurans and 22 Guatemalans.")).isEmpty();
  }

  @Test
  void separateCountsAreNotABreakdown() {
    assertThat(read("40 Hondurans were bused home and 22 Guatemalans were flown home.")).isEmpty();
  }
}
