package org.retorno.streams.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SentenceSplitterTest {
  private final SentenceSplitter splitter = new SentenceSplitter();

  private List<String> split(String text) {
    return splitter.split(text).stream().map(s -> s.text(text)).toList();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "They were returned by the U.S. Border Patrol on Monday.",
      "Police in Cd. Juárez said so.",
      "They arrived in Nvo. Laredo on Tuesday.",
      "Shelters in H. Matamoros are full.",
      "It happened on Aug. 14 near the bridge.",
      "It happened on Sept. 3 near the bridge.",
      "Mr. Smith and Dr. Jones spoke.",
      "Case No. 45 was heard.",
      "They left at 6 p.m. Friday and came back."})
  void abbreviationsDoNotEndASentence(String text) {
    assertThat(split(text)).containsExactly(text);
  }

  @Test
  void usAtTheEndOfASentenceEndsItWhenASentenceOpenerFollows() {
    assertThat(split("They were sent back by the U.S. The group left."))
        .containsExactly("They were sent back by the U.S.", "The group left.");
  }

  @Test
  void offsetsPointIntoTheOriginalText() {
    String text = "  First one here.  Second one?\n\nThird, in a new paragraph";

    List<Sentence> sentences = splitter.split(text);

    assertThat(sentences).containsExactly(new Sentence(2, 17), new Sentence(19, 30),
        new Sentence(32, 57));
    assertThat(sentences.get(2).text(text)).isEqualTo("Third, in a new paragraph");
  }

  @Test
  void blankLinesEndASentenceAndLineWrapsDoNot() {
    assertThat(split("A headline without a stop\n\nA body that\nwraps over lines. And goes on."))
        .containsExactly("A headline without a stop", "A body that\nwraps over lines.",
            "And goes on.");
  }

  @Test
  void footnoteMarkersStayWithTheSentenceTheyAnnotate() {
    assertThat(split("It was the Mexican government.! These reports suggest more. "
        + "It was unlawful.3 Until then, nothing."))
        .containsExactly("It was the Mexican government.!", "These reports suggest more.",
            "It was unlawful.3", "Until then, nothing.");
  }

  @Test
  void quotesAndDigitsMayOpenASentence() {
    assertThat(split("It ended. \u201CWe waited,\u201D she said. 40 people left."))
        .containsExactly("It ended.", "\u201CWe waited,\u201D she said.", "40 people left.");
  }

  @Test
  void decimalsAndUrlsAreNotBoundaries() {
    assertThat(split("See www.example.org for 2.5 times more."))
        .containsExactly("See www.example.org for 2.5 times more.");
  }

  @Test
  void emptyAndBlankTextHaveNoSentences() {
    assertThat(splitter.split("")).isEmpty();
    assertThat(splitter.split(" \n\n \n")).isEmpty();
  }
}
