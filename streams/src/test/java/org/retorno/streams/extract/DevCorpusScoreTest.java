package org.retorno.streams.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The extractor scored on the development corpus. The build fails when whole-claim F1 drops below
 * 0.90 or when any trap sentence yields a city it does not name. Scores and every miss are printed.
 */
class DevCorpusScoreTest {
  static final String DEV = "/extract/dev-corpus.txt";
  private static final List<AnnotatedCorpus.Entry> CORPUS = AnnotatedCorpus.read(DEV);

  @Test
  void wholeClaimF1IsAtLeast090AndNoTrapYieldsAWrongCity() {
    CorpusScore score = CorpusScore.of(CORPUS, new ClaimExtractor());
    System.out.println(score.report("dev corpus (" + ClaimExtractor.VERSION + ")"));

    assertThat(score.wrongCities()).isEmpty();
    assertThat(score.tally("whole claim").f1()).isGreaterThanOrEqualTo(0.90);
  }

  @Test
  void theCorpusHasEnoughSentencesInEachLanguageAndTraps() {
    assertThat(CORPUS).hasSizeGreaterThanOrEqualTo(80);
    assertThat(CORPUS).filteredOn(e -> e.language().equals("en")).hasSizeGreaterThanOrEqualTo(40);
    assertThat(CORPUS).filteredOn(e -> e.language().equals("es")).hasSizeGreaterThanOrEqualTo(30);
    assertThat(CORPUS).filteredOn(e -> e.language().equals("fr")).hasSizeGreaterThanOrEqualTo(10);
    assertThat(CORPUS).filteredOn(AnnotatedCorpus.Entry::trap).hasSizeGreaterThanOrEqualTo(20);
    assertThat(CORPUS).filteredOn(e -> e.expected().isEmpty()).hasSizeGreaterThanOrEqualTo(25);
    assertThat(CORPUS).extracting(AnnotatedCorpus.Entry::id).doesNotHaveDuplicates();
  }

  @Test
  void noEntryRepeatsASentenceOfTheUnitTable() throws Exception {
    List<String> table = SentenceTableTest.cases().stream().map(a -> (String) a.get()[1]).toList();

    assertThat(CORPUS).extracting(AnnotatedCorpus.Entry::text).doesNotContainAnyElementsOf(table);
  }
}
