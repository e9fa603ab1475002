package org.retorno.streams.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The substring gates of CategoryCues only skip work: on every sentence the team has written
 * (the table, both corpora, the samples) the cues found with and without the gates are the same.
 */
class CategoryCuesGateTest {

  @Test
  void gatesChangeNoCueOnAnySentenceWeHave() throws Exception {
    List<String> texts = TeamTexts.all();
    CategoryCues gated = new CategoryCues();
    CategoryCues ungated = new CategoryCues(false);
    PlaceFinder places = new PlaceFinder();
    SentenceSplitter splitter = new SentenceSplitter();

    int cues = 0;
    for (String text : texts) {
      String folded = TextFolding.fold(text);
      for (Sentence s : splitter.split(text)) {
        List<PlaceMention> found = places.find(text, folded, s.start(), s.end(), null);
        List<CueMention> expected = ungated.find(folded, s.start(), s.end(), found);
        assertThat(gated.find(folded, s.start(), s.end(), found)).as(s.text(text))
            .isEqualTo(expected);
        cues += expected.size();
      }
    }
    assertThat(cues).isGreaterThan(250);
  }
}
