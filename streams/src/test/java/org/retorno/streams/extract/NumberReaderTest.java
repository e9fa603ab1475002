package org.retorno.streams.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.retorno.avro.CountKind;

class NumberReaderTest {
  private final NumberReader reader = new NumberReader();

  private List<NumberMention> counts(String sentence) {
    return reader.read(sentence).stream().filter(NumberMention::isCount).toList();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      69 migrants were bused home                       | 69    | EXACT       | 69
      16,714 people were returned                        | 16714 | EXACT       | 16,714
      16.714 personas fueron devueltas                   | 16714 | EXACT       | 16.714
      seventy migrants left                              | 70    | EXACT       | seventy
      setenta y dos migrantes                            | 72    | EXACT       | setenta y dos
      soixante-dix personnes                             | 70    | EXACT       | soixante-dix
      quatre-vingt-dix-sept migrants                     | 97    | EXACT       | quatre-vingt-dix-sept
      vingt et un migrants                               | 21    | EXACT       | vingt et un
      two thousand five hundred people                   | 2500  | EXACT       | two thousand five hundred
      one hundred and twenty families                    | 120   | EXACT       | one hundred and twenty
      doscientos cincuenta migrantes                     | 250   | EXACT       | doscientos cincuenta
      mil quinientos migrantes                           | 1500  | EXACT       | mil quinientos
      16 mil migrantes                                   | 16000 | EXACT       | 16 mil
      about 70 people                                    | 70    | APPROXIMATE | about 70
      nearly 70 people                                   | 70    | APPROXIMATE | nearly 70
      cerca de 200 migrantes                             | 200   | APPROXIMATE | cerca de 200
      alrededor de 200 migrantes                         | 200   | APPROXIMATE | alrededor de 200
      unos 40 hondureños                                 | 40    | APPROXIMATE | unos 40
      environ 70 migrants                                | 70    | APPROXIMATE | environ 70
      près de 80 personnes                               | 80    | APPROXIMATE | près de 80
      at least 636 attacks                               | 636   | MINIMUM     | at least 636
      more than 400 people                               | 400   | MINIMUM     | more than 400
      más de 300 migrantes                               | 300   | MINIMUM     | más de 300
      al menos 12 personas                               | 12    | MINIMUM     | al menos 12
      plus de 90 migrants                                | 90    | MINIMUM     | plus de 90
      50 to 60 migrants                                  | 50    | RANGE       | 50 to 60
      entre 50 y 60 migrantes                            | 50    | RANGE       | entre 50 y 60
      50-60 migrants                                     | 50    | RANGE       | 50-60
      two or three families                              | 2     | RANGE       | two or three
      dozens of asylum seekers                           | 12    | VAGUE       | dozens
      decenas de migrantes                               | 12    | VAGUE       | decenas
      des dizaines de migrants                           | 12    | VAGUE       | dizaines
      hundreds of families                               | 100   | VAGUE       | hundreds
      cientos de personas                                | 100   | VAGUE       | cientos
      a dozen migrants                                   | 12    | APPROXIMATE | a dozen
      une centaine de migrants                           | 100   | APPROXIMATE | une centaine
      plus de 1 500 migrants                             | 1500  | MINIMUM     | plus de 1 500
      environ 3 000 demandeurs d'asile                   | 3000  | APPROXIMATE | environ 3 000
      the families of 6 kidnapped migrants               | 6     | EXACT       | 6
      three journalists were threatened                  | 3     | EXACT       | three
      """)
  void readsCounts(String sentence, long value, CountKind kind, String text) {
    List<NumberMention> counts = counts(sentence);

    assertThat(counts).hasSize(1);
    assertThat(counts.get(0).value()).isEqualTo(value);
    assertThat(counts.get(0).kind()).isEqualTo(kind);
    assertThat(counts.get(0).text()).isEqualTo(text);
  }

  @Test
  void rangesKeepBothEnds() {
    NumberMention range = counts("entre 50 y 60 migrantes").get(0);

    assertThat(range.low()).isEqualTo(50L);
    assertThat(range.high()).isEqualTo(60L);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      Jorge Mejía, 31, said so                           | age
      a man aged 31 was there                            | age
      una mujer de 31 años                               | age
      a 25-year-old woman                                | age
      In 2019 they came back                             | year
      40% of them were women                             | percentage
      40 percent of them were women                      | percentage
      he paid 2,000 pesos to leave                       | money
      he paid $500 to leave                              | money
      it began at 6 p.m. sharp                           | time
      the bus left at 10:30 in the morning               | time
      on July 20 they were taken                         | date
      el 9 de julio fueron devueltos                     | date
      le 9 juillet ils sont partis                       | date
      call +52 664 555 0199 now                          | phone number
      call 915-555-0199 now                              | phone number
      Case No. 45 was heard                              | case or reference number
      the government.3 These reports                     | footnote marker
      the undersigned 30 organizations write             | no person or event noun
      they waited two days                               | no person or event noun
      it rose 2.5 times                                  | decimal or malformed number
      the 1st group left                                 | ordinal or identifier
      file A-123-456-789 was closed                      | A-number
      """)
  void nonCountsSayWhy(String sentence, String reason) {
    List<NumberMention> mentions = reader.read(sentence);

    assertThat(mentions).isNotEmpty();
    assertThat(mentions).allSatisfy(m -> assertThat(m.isCount()).isFalse());
    assertThat(mentions).extracting(NumberMention::notCountBecause).contains(reason);
  }

  @Test
  void spaceGroupsAreThousandsOnlyWhereNoDateIsTouched() {
    assertThat(counts("On July 4 200 migrants were returned")).extracting(NumberMention::value)
        .containsExactly(200L);
    assertThat(counts("Environ 3\u202F000 personnes")).extracting(NumberMention::value)
        .containsExactly(3000L);
  }

  @Test
  void theBaseOfAPercentageAndZeroAreNotCounts() {
    assertThat(reader.read("70 percent of the 2,500 people at the camp")).extracting(
        NumberMention::value, NumberMention::notCountBecause).contains(
        org.assertj.core.groups.Tuple.tuple(2500L, "base of a percentage"));
    assertThat(reader.read("El 80% de los 300 migrantes")).extracting(
        NumberMention::value, NumberMention::notCountBecause).contains(
        org.assertj.core.groups.Tuple.tuple(300L, "base of a percentage"));
    assertThat(counts("000 migrants")).isEmpty();
  }

  @Test
  void digitsGluedToLettersAreNotNumbersAtAll() {
    assertThat(reader.read("file A123456789 was closed")).isEmpty();
  }

  @Test
  void aBareArticleIsNotANumberButOneIs() {
    assertThat(counts("una mujer fue secuestrada")).isEmpty();
    assertThat(counts("One of them was kidnapped")).extracting(NumberMention::value).containsExactly(1L);
  }

  @Test
  void theGroupOfSixtyNineIsABackReference() {
    NumberMention group = counts("The group of 69 — 40 Hondurans — left").get(0);

    assertThat(group.value()).isEqualTo(69L);
    assertThat(group.backReference()).isTrue();
    assertThat(counts("69 migrants left").get(0).backReference()).isFalse();
  }

  @Test
  void offsetsAreThoseOfTheRegionInTheDocument() {
    String text = "Header.\n\nAt least four asylum seekers were kidnapped.";
    int from = text.indexOf("At");

    List<NumberMention> mentions = reader.read(text, TextFolding.fold(text), from, text.length());

    assertThat(mentions).hasSize(1);
    assertThat(text.substring(mentions.get(0).start(), mentions.get(0).end())).isEqualTo("At least four");
  }

  @Test
  void numeralValuesInBothConventions() {
    assertThat(NumberReader.numeralValue("16,714")).isEqualTo(16714L);
    assertThat(NumberReader.numeralValue("16.714")).isEqualTo(16714L);
    assertThat(NumberReader.numeralValue("1,234,567")).isEqualTo(1234567L);
    assertThat(NumberReader.numeralValue("1,234.5")).isNull();
    assertThat(NumberReader.numeralValue("2.5")).isNull();
    assertThat(NumberReader.numeralValue("1234,567")).isNull();
  }
}
