package org.retorno.streams.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The scorer itself: exact figures on a corpus small enough to count by hand. */
class CorpusScoreTest {
  private static final LocalDate DAY = LocalDate.of(2019, 7, 10);

  private static AnnotatedCorpus.Entry entry(String id, boolean trap, String text, String... claims) {
    return new AnnotatedCorpus.Entry(id, "en", DAY, trap, text, java.util.Arrays.stream(claims)
        .map(c -> ClaimFields.parse(id + ": ", c)).toList());
  }

  @Test
  void countsMatchesPerFieldAndForWholeClaims() {
    List<AnnotatedCorpus.Entry> corpus = List.of(
        // right in every field
        entry("a", false, "Twelve migrants were kidnapped in Reynosa on July 3.",
            "KIDNAPPING | Reynosa | 12 EXACT | INCREMENT | 2019-07-03/DAY"),
        // the annotation says 13: count and whole claim miss, the other fields match
        entry("b", false, "Twelve migrants were robbed in Tijuana on July 4.",
            "ROBBERY | Tijuana | 13 EXACT | INCREMENT | 2019-07-04/DAY"),
        // nothing expected, one claim extracted: a false positive in every field
        entry("c", false, "Nine migrants were killed in Mexicali on July 5."));
    CorpusScore score = CorpusScore.of(corpus, new ClaimExtractor());

    assertThat(score.tally("whole claim")).isEqualTo(new CorpusScore.Tally(2, 3, 1));
    assertThat(score.tally("count")).isEqualTo(new CorpusScore.Tally(2, 3, 1));
    assertThat(score.tally("place")).isEqualTo(new CorpusScore.Tally(2, 3, 2));
    assertThat(score.tally("whole claim").precision()).isEqualTo(1 / 3.0);
    assertThat(score.tally("whole claim").recall()).isEqualTo(0.5);
    assertThat(score.tally("whole claim").f1()).isEqualTo(0.4);
    assertThat(score.misses()).extracting(m -> m.entry().id()).containsExactly("b", "c");
    assertThat(score.wrongCities()).isEmpty();
  }

  @Test
  void aTrapThatYieldsAnotherCityIsReported() {
    List<AnnotatedCorpus.Entry> corpus = List.of(entry("t", true,
        "Seven migrants were kidnapped in Nogales, Sonora, on July 1.",
        "KIDNAPPING | Nogales, Arizona | 7 EXACT | INCREMENT | 2019-07-01/DAY"));

    CorpusScore score = CorpusScore.of(corpus, new ClaimExtractor());

    assertThat(score.wrongCities()).containsExactly(
        "t: Nogales from \"Seven migrants were kidnapped in Nogales, Sonora, on July 1.\"");
  }
}
