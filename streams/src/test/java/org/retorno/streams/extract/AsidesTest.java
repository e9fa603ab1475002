package org.retorno.streams.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.retorno.avro.SourceKind;

/** Counts set apart from the main clause: asides and gapped clauses. */
class AsidesTest {
  private final ClaimExtractor extractor = new ClaimExtractor();

  private List<String> claims(String text) {
    return extractor.extract(new SourceDocument("a", SourceKind.NEWS, "a", null, "en", null, text,
        LocalDate.of(2019, 8, 15))).stream().map(SentenceTableTest::render).toList();
  }

  @Test
  void aCountInsideAnAsideBelongsToNoCueOutsideIt() {
    assertThat(claims("The shelter, which houses 150 people, was attacked in Tijuana.")).isEmpty();
    assertThat(claims("The shelter, where 12 migrants were robbed, is in Tijuana.")).containsExactly(
        "ROBBERY@Tijuana 12 EXACT INCREMENT 2019-08-15/UNKNOWN");
  }

  @Test
  void aGappedCountTakesTheVerbOfTheClaimBeforeIt() {
    assertThat(claims("Nine migrants were kidnapped in Reynosa and four in Matamoros on Monday."))
        .containsExactly("KIDNAPPING@Reynosa 9 EXACT INCREMENT 2019-08-12/DAY",
            "KIDNAPPING@Matamoros 4 EXACT INCREMENT 2019-08-12/DAY");
    assertThat(claims("Nine migrants were kidnapped in Reynosa and four days later in Matamoros."))
        .containsExactly("KIDNAPPING@Reynosa 9 EXACT INCREMENT 2019-08-15/UNKNOWN");
  }
}
