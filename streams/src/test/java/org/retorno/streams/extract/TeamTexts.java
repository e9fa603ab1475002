package org.retorno.streams.extract;

import java.util.ArrayList;
import java.util.List;

/** Every text the team has written or shipped: the sentence table, both corpora, the samples. */
final class TeamTexts {
  private TeamTexts() {}

  static List<String> all() throws Exception {
    List<String> texts = new ArrayList<>();
    SentenceTableTest.cases().forEach(a -> texts.add((String) a.get()[1]));
    AnnotatedCorpus.read(DevCorpusScoreTest.DEV).forEach(e -> texts.add(e.text()));
    AnnotatedCorpus.read(HeldOutScoreTest.HELD_OUT).forEach(e -> texts.add(e.text()));
    SampleDocuments.newsItems().forEach(d -> texts.add(d.text()));
    texts.add(SampleDocuments.ngoLetter().text());
    return texts;
  }
}
