package org.retorno.streams.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

/** A word gate never turns a word of its set away, wherever the word stands in a text. */
class WordGateProperties {

  @Property(tries = 500)
  void everyWordOfTheSetPassesWhereverItStands(
      @ForAll @Size(min = 1, max = 40) List<@StringLength(min = 1, max = 12) String> words,
      @ForAll @StringLength(max = 20) String before, @ForAll @StringLength(max = 20) String after) {
    WordGate gate = new WordGate(words);
    for (String word : words) {
      String text = before + word + after;
      assertThat(gate.mayContain(text, before.length(), before.length() + word.length())).isTrue();
    }
  }

  @Property(tries = 300)
  void aGateWithTheSetAndItsLookUpAgreeWithTheLookUpAlone(
      @ForAll @Size(min = 1, max = 20) List<@StringLength(min = 1, max = 4) String> words,
      @ForAll @StringLength(max = 60) String text) {
    WordGate gate = new WordGate(words);
    Set<String> set = new HashSet<>(words);
    for (int start = 0; start < text.length(); start++) {
      for (int end = start + 1; end <= text.length() && end <= start + 5; end++) {
        boolean lookUp = set.contains(text.substring(start, end));
        assertThat(gate.mayContain(text, start, end) && lookUp).isEqualTo(lookUp);
      }
    }
  }
}
