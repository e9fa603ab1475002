package org.retorno.streams.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.retorno.avro.Claim;
import org.retorno.avro.PlacePrecision;
import org.retorno.avro.SourceKind;
import org.retorno.avro.TimePrecision;

/** Document-level rules: headlines, repeated mentions, context places, citations, language. */
class ClaimExtractorTest {
  private static final LocalDate REPORTED = LocalDate.of(2019, 7, 10);
  private final ClaimExtractor extractor = new ClaimExtractor();

  private List<Claim> extract(String title, String text) {
    return extractor.extract(new SourceDocument("doc-1", SourceKind.NEWS, "Test Wire",
        "https://example.org/a", "en", title, text, REPORTED));
  }

  private List<String> rendered(String title, String text) {
    return extract(title, text).stream().map(SentenceTableTest::render).toList();
  }

  @Test
  void aHeadlineDoesNotRepeatItsBody() {
    String title = "Dozens of migrants kidnapped in Reynosa";
    List<String> claims = rendered(title, title + "\n\nAt least 40 migrants were kidnapped in "
        + "Reynosa on Monday, officials said.");

    assertThat(claims).containsExactly("KIDNAPPING@Reynosa 40 MINIMUM INCREMENT 2019-07-08/DAY");
  }

  @Test
  void aHeadlineWithNewsOfItsOwnIsKept() {
    String title = "Dozens of migrants kidnapped in Reynosa";

    assertThat(rendered(title, title + "\n\nShelters in the city are full."))
        .containsExactly("KIDNAPPING@Reynosa 12 VAGUE INCREMENT 2019-07-10/UNKNOWN");
  }

  @Test
  void aGroupMentionedAgainIsNotASecondClaim() {
    assertThat(rendered(null, "On Monday, 69 migrants were bused home from Ciudad Juárez. "
        + "The 69 migrants were bused home with help from IOM.")).containsExactly(
        "AVR_DEPARTURE@Ciudad Juárez 69 EXACT INCREMENT 2019-07-08/DAY");
    assertThat(rendered(null, "Some 70 migrants were bused home from Ciudad Juárez on Monday. "
        + "The return of nearly 70 people was organised by IOM, which bused them home."))
        .containsExactly("AVR_DEPARTURE@Ciudad Juárez 70 APPROXIMATE INCREMENT 2019-07-08/DAY");
  }

  @Test
  void anotherGroupOrAnotherDayIsANewClaim() {
    assertThat(rendered(null, "On Monday, 10 migrants were kidnapped in Reynosa. "
        + "On Friday, another 10 migrants were kidnapped in Reynosa.")).containsExactly(
        "KIDNAPPING@Reynosa 10 EXACT INCREMENT 2019-07-08/DAY",
        "KIDNAPPING@Reynosa 10 EXACT INCREMENT 2019-07-05/DAY");
  }

  @Test
  void aSentenceWithoutAPlaceTakesTheDatelineAsAnInference() {
    List<Claim> claims = extract(null, "REYNOSA, Mexico — Shelters are full.\n\n"
        + "Four migrants were kidnapped on Tuesday.");

    assertThat(claims).extracting(SentenceTableTest::render)
        .containsExactly("KIDNAPPING@Reynosa~ 4 EXACT INCREMENT 2019-07-09/DAY");
    assertThat(claims.get(0).getPlace().getInferenceNote()).isEqualTo("place taken from the article's dateline");
    assertThat(claims.get(0).getConfidenceReasons()).containsExactly("place inferred from the dateline",
        "exact count", "relative date");
  }

  @Test
  void withoutDatelineOnlyASingleCityInTheDocumentIsInferred() {
    assertThat(rendered(null, "Shelters in Tijuana are full. Four migrants were kidnapped on Tuesday."))
        .containsExactly("KIDNAPPING@Tijuana~ 4 EXACT INCREMENT 2019-07-09/DAY");
    assertThat(rendered(null, "Shelters in Tijuana and Mexicali are full. Four migrants were kidnapped."))
        .containsExactly("KIDNAPPING@unknown (UNKNOWN) 4 EXACT INCREMENT 2019-07-10/UNKNOWN");
  }

  @Test
  void citationsAndFootnotesAreNotStatementsOfTheSource() {
    String text = "Shelters are full.\n\n1 Peter Orsi, \u201CMexico buses home dozens of asylum seekers "
        + "returned by U.S.,\u201D ASSOCIATED PRESS, July 2, 2019,\nhttps://www.apnews.com/e9389db66367.";

    assertThat(extract(null, text)).isEmpty();
  }

  @Test
  void evidenceOffsetsPointAtTheSentenceInTheOriginalText() {
    String text = "Shelters are full.\n\nTwo women were sexually assaulted in Tijuana, Ana Pérez said.";

    Claim claim = extract(null, text).get(0);

    assertThat(text.substring(claim.getEvidence().getStart(), claim.getEvidence().getEnd()))
        .isEqualTo("Two women were sexually assaulted in Tijuana, Ana Pérez said.");
    assertThat(claim.getEvidence().getSentence())
        .isEqualTo("Two women were sexually assaulted in Tijuana, [NAME] said.");
  }

  @Test
  void provenanceIsCopiedFromTheDocument() {
    Claim claim = extract(null, "Three migrants were killed in Reynosa on July 4.").get(0);

    assertThat(claim.getSourceId()).isEqualTo("doc-1");
    assertThat(claim.getSourceName()).isEqualTo("Test Wire");
    assertThat(claim.getSourceUrl()).isEqualTo("https://example.org/a");
    assertThat(claim.getSourceKind()).isEqualTo(SourceKind.NEWS);
    assertThat(claim.getReportDate()).isEqualTo(REPORTED);
    assertThat(claim.getExtractorVersion()).isEqualTo(ClaimExtractor.VERSION);
    assertThat(claim.getConfidence()).isEqualTo(0.95);
    assertThat(claim.getConfidenceReasons()).containsExactly("explicit city", "exact count", "explicit date");
  }

  @Test
  void declaredLanguageGivesWayToAClearlyDifferentText() {
    Claim spanish = extract(null, "Tres migrantes fueron secuestrados en Reynosa por los hombres "
        + "armados, según las autoridades del estado.").get(0);

    assertThat(spanish.getLanguage()).isEqualTo("es");
  }

  @Test
  void twoCountsOfOneCategoryAndPlaceInOneSentenceGetDistinctIds() {
    List<Claim> claims = extract(null, "In Reynosa, 12 migrants were kidnapped on Monday and "
        + "gunmen kidnapped 5 more on Tuesday.");

    assertThat(claims).extracting(SentenceTableTest::render).containsExactly(
        "KIDNAPPING@Reynosa 12 EXACT INCREMENT 2019-07-08/DAY",
        "KIDNAPPING@Reynosa 5 EXACT INCREMENT 2019-07-09/DAY");
    assertThat(claims.get(0).getId()).isNotEqualTo(claims.get(1).getId());
  }

  @Test
  void withoutAReportDateUndatedClaimsHaveNoDate() {
    Claim claim = extractor.extract(new SourceDocument("doc-2", SourceKind.NGO, "NGO", null, null,
        null, "Three migrants were killed in Reynosa.", null)).get(0);

    assertThat(claim.getEventDate()).isNull();
    assertThat(claim.getEventDatePrecision()).isEqualTo(TimePrecision.UNKNOWN);
    assertThat(claim.getPlace().getPrecision()).isEqualTo(PlacePrecision.CITY);
  }

  @Test
  void emptyTextHasNoClaimsAndMissingFieldsAreRefusedClearly() {
    assertThat(extract(null, "")).isEmpty();
    assertThatThrownBy(() -> new SourceDocument(" ", SourceKind.NEWS, "x", null, null, null, "t", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("source document: sourceId is missing");
    assertThatThrownBy(() -> new SourceDocument("d", SourceKind.NEWS, "x", null, null, null, null, null))
        .hasMessage("source document d: text is missing");
  }
}
