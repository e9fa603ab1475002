package org.retorno.streams.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.retorno.avro.Category;
import org.retorno.avro.Claim;
import org.retorno.avro.CountKind;
import org.retorno.avro.CountSemantics;
import org.retorno.avro.PlacePrecision;
import org.retorno.avro.TimePrecision;

/** The shipped samples, read exactly as the brief's ground truth says. */
class SampleGroundTruthTest {
  private static final ClaimExtractor EXTRACTOR = new ClaimExtractor();
  private static final List<SourceDocument> NEWS = SampleDocuments.newsItems();

  @Test
  void ngoLetterGivesTheJuarezEnrollmentAndDepartureOnly() {
    SourceDocument letter = SampleDocuments.ngoLetter();

    List<Claim> claims = EXTRACTOR.extract(letter);

    assertThat(claims).extracting(SentenceTableTest::render).containsExactly(
        "AVR_ENROLLMENT@Ciudad Juárez 70 APPROXIMATE INCREMENT 2019-07-02/WEEK",
        "AVR_DEPARTURE@Ciudad Juárez 70 APPROXIMATE INCREMENT 2019-07-02/WEEK");
    for (Claim claim : claims) {
      assertThat(claim.getPlace().getGeonamesId()).isEqualTo(4013708L);
      assertThat(claim.getPlace().getInferred()).isFalse();
      assertThat(claim.getCount().getText()).isEqualTo("approximately 70");
      assertThat(claim.getReportDate()).isEqualTo(LocalDate.of(2019, 7, 30));
      String quoted = letter.text().substring(claim.getEvidence().getStart(),
          claim.getEvidence().getEnd());
      assertThat(quoted).startsWith("According to a July 2 Associated Press report")
          .contains("sent\nback on buses to their home countries");
      assertThat(claim.getEvidence().getSentence()).isEqualTo(quoted);
      assertThat(claim.getConfidenceReasons()).containsExactly("explicit city",
          "approximate count", "date is that of a cited report (on or before)");
      assertThat(claim.getSourceKind()).isEqualTo(letter.sourceKind());
      assertThat(claim.getExtractorVersion()).isEqualTo(ClaimExtractor.VERSION);
    }
  }

  @Test
  void item1IsOneDepartureOf69WithItsBreakdownAndNoReturnOrHeadlineClaim() {
    List<Claim> claims = EXTRACTOR.extract(NEWS.get(0));

    assertThat(claims).hasSize(1);
    Claim claim = claims.get(0);
    assertThat(claim.getCategory()).isEqualTo(Category.AVR_DEPARTURE);
    assertThat(claim.getPlace().getGeonamesId()).isEqualTo(4013708L);
    assertThat(claim.getCount().getValue()).isEqualTo(69L);
    assertThat(claim.getCount().getKind()).isEqualTo(CountKind.EXACT);
    assertThat(claim.getEventDate()).isEqualTo(LocalDate.of(2019, 7, 1));
    assertThat(claim.getEventDatePrecision()).isEqualTo(TimePrecision.DAY);
    assertThat(claim.getBreakdown()).containsExactly(Map.entry("Honduras", 40L),
        Map.entry("Guatemala", 22L), Map.entry("El Salvador", 7L));
    assertThat(claim.getSemantics()).isEqualTo(CountSemantics.INCREMENT);
    assertThat(claim.getLanguage()).isEqualTo("en");
  }

  @Test
  void item2IsTheNuevoLaredoReturnInSpanish() {
    List<Claim> claims = EXTRACTOR.extract(NEWS.get(1));

    assertThat(claims).extracting(SentenceTableTest::render).containsExactly(
        "MPP_RETURN@Nuevo Laredo 130 EXACT INCREMENT 2019-07-09/DAY");
    assertThat(claims.get(0).getPlace().getGeonamesId()).isEqualTo(3522551L);
    assertThat(claims.get(0).getLanguage()).isEqualTo("es");
  }

  @Test
  void item3IsAtLeastFourKidnappedInMatamorosAndNothingInBrownsville() {
    List<Claim> claims = EXTRACTOR.extract(NEWS.get(2));

    assertThat(claims).extracting(SentenceTableTest::render).containsExactly(
        "KIDNAPPING@Matamoros 4 MINIMUM INCREMENT 2019-08-14/DAY");
    assertThat(claims.get(0).getPlace().getGeonamesId()).isEqualTo(3523466L);
  }

  @Test
  void item4IsPoliceExtortionOfThreeInTijuanaWithScrubbedEvidence() {
    SourceDocument item = NEWS.get(3);

    List<Claim> claims = EXTRACTOR.extract(item);

    assertThat(claims).extracting(SentenceTableTest::render).containsExactly(
        "EXTORTION@Tijuana 3 EXACT INCREMENT 2019-07-20/DAY",
        "POLICE_ABUSE@Tijuana 3 EXACT INCREMENT 2019-07-20/DAY");
    assertThat(claims).allSatisfy(claim -> {
      assertThat(claim.getPlace().getGeonamesId()).isEqualTo(3981609L);
      assertThat(claim.getEvidence().getSentence()).doesNotContain("Jorge", "Mejía", "664", "0199");
    });
    assertThat(claims).extracting(claim -> claim.getCount().getValue()).doesNotContain(2000L, 31L);
  }

  @Test
  void item5InLaredoTexasGivesNothing() {
    assertThat(EXTRACTOR.extract(NEWS.get(4))).isEmpty();
  }

  @Test
  void theSentenceAboutJorgeMejiaIsScrubbedWhereverItWouldBeQuoted() {
    SourceDocument item = NEWS.get(3);
    String sentence = "One of them, Jorge Mejía, 31, said he was told to pay 2,000 pesos.";
    assertThat(item.text()).contains(sentence);

    String scrubbed = new EvidenceScrubber().scrub(sentence);

    assertThat(scrubbed).isEqualTo("One of them, [NAME], 31, said he was told to pay 2,000 pesos.");
    assertThat(new EvidenceScrubber().scrub("Advocates can be reached at +52 664 555 0199."))
        .isEqualTo("Advocates can be reached at [PHONE].");
  }

  @Test
  void placesAndOrganisationsOfEverySampleSentenceSurviveScrubbing() {
    SentenceSplitter splitter = new SentenceSplitter();
    EvidenceScrubber scrubber = new EvidenceScrubber();
    StringBuilder all = new StringBuilder();
    for (SourceDocument item : NEWS) {
      for (Sentence sentence : splitter.split(item.text())) {
        all.append(scrubber.scrub(sentence.text(item.text()))).append('\n');
      }
    }
    String scrubbed = all.toString();

    assertThat(scrubbed).contains("CIUDAD JUÁREZ", "Ciudad Juárez", "International Organization for "
        + "Migration", "Mexicali and Tijuana", "NUEVO LAREDO, Tamaulipas", "Instituto Nacional de "
        + "Migración", "Protocolos de Protección a Migrantes", "Migrant Protection Protocols",
        "Brownsville, Texas", "Remain in Mexico", "LAREDO, Texas", "Laredo, Texas");
    assertThat(scrubbed).doesNotContain("Jorge", "Mejía", "555 0199");
    assertThat(scrubbed.split("\\[NAME\\]", -1)).hasSize(2);
  }

  @Test
  void claimIdsAreDeterministicAndDistinct() {
    List<Claim> first = EXTRACTOR.extract(NEWS.get(3));
    List<Claim> second = new ClaimExtractor().extract(NEWS.get(3));

    assertThat(first).extracting(Claim::getId).containsExactlyElementsOf(
        second.stream().map(Claim::getId).toList());
    assertThat(first.get(0).getId()).isNotEqualTo(first.get(1).getId()).hasSize(64)
        .matches("[0-9a-f]{64}");
    assertThat(first.get(0).getId()).isEqualTo(ClaimExtractor.claimId(NEWS.get(3).sourceId(),
        first.get(0).getEvidence().getStart(), Category.EXTORTION, "geonames:3981609"));
  }

  @Test
  void placeOfEveryNewsClaimIsACityAndConfidenceIsInRange() {
    for (SourceDocument item : NEWS) {
      for (Claim claim : EXTRACTOR.extract(item)) {
        assertThat(claim.getPlace().getPrecision()).isEqualTo(PlacePrecision.CITY);
        assertThat(claim.getConfidence()).isBetween(0.0, 1.0);
        assertThat(item.text().substring(claim.getEvidence().getStart(), claim.getEvidence().getEnd()))
            .contains(claim.getCount().getText());
      }
    }
  }
}
