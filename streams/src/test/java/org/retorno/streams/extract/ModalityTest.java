package org.retorno.streams.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ModalityTest {
  private final Modality modality = new Modality();

  /** The cue is the word in [brackets], the count the number before or after it. */
  private boolean asserted(String marked) {
    int cueStart = marked.indexOf('[');
    int cueEnd = marked.indexOf(']') - 1;
    String sentence = marked.replace("[", "").replace("]", "");
    java.util.regex.Matcher number = java.util.regex.Pattern.compile("\\d+").matcher(sentence);
    number.find();
    return modality.asserted(sentence, cueStart, cueEnd, number.start(), number.end());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      40 migrants were [kidnapped] in Reynosa.                          | true
      40 migrants were not [kidnapped] in Reynosa.                      | false
      Authorities denied that 40 migrants were [kidnapped].             | false
      No 40 migrants were [kidnapped].                                  | false
      40 migrants could be [returned] to Tijuana.                       | false
      40 migrants will be [returned] to Tijuana next week.              | false
      40 migrants may be [returned] to Tijuana.                         | false
      In May, 40 migrants were [returned] to Tijuana.                   | true
      40 migrants were [returned] against their will.                   | true
      If 40 migrants are [returned], shelters fill.                     | false
      Are 40 migrants [returned] every day?                             | false
      40 migrants were [kidnapped], and more could follow.              | true
      Officials plan to [return] 40 migrants.                           | false
      Se espera que 40 personas sean [devueltas].                       | false
      40 personas serán [devueltas] a Tijuana.                          | false
      40 personas fueron [devueltas] para su audiencia.                 | true
      Las autoridades no reportaron 40 [secuestros].                    | false
      40 personas podrían ser [devueltas].                              | false
      40 migrants n'ont pas été [enlevés].                              | false
      40 migrants pourraient être [renvoyés].                           | false
      40 migrants ont été [renvoyés] à Tijuana.                         | true
      Gangs [threatened] to kidnap 40 migrants.                         | true
      Relatives of 3 migrants who [disappeared] can call.               | true
      Police could not find 3 migrants who [disappeared].               | true
      3 migrants who would be [returned] wait in Tijuana.               | false
      The [kidnapping] of 19 migrants was never solved.                 | true
      The [kidnapping] of 19 migrants was not reported.                 | false
      70 of them said they feared [kidnapping].                         | false
      40 personas temen ser [secuestradas].                             | false
      Case No. 45 involved 12 migrants [kidnapped] in Reynosa.          | true
      """)
  void readsWhetherTheCueIsAsserted(String marked, boolean expected) {
    assertThat(asserted(marked)).isEqualTo(expected);
  }
}
