package org.retorno.streams.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.retorno.avro.Claim;
import org.retorno.avro.SourceKind;

/**
 * Names, A-numbers, phone numbers and e-mail addresses planted in a document (its text, title,
 * source name and URL) appear in no field of any claim read from it: not the evidence, not the
 * source's name or URL, not the count's words, not the breakdown. Every document also yields its
 * exact claims, so a run that extracts nothing cannot pass.
 */
class PlantedPiiTest {
  private static final ClaimExtractor EXTRACTOR = new ClaimExtractor();
  private static final LocalDate REPORTED = LocalDate.of(2019, 8, 15);
  private static final Pattern DIGIT_GROUPS = Pattern.compile("\\d{3,}");
  private static final Pattern DIGIT_RUN = Pattern.compile("\\d+");

  /** What was planted: the words of names, and identifiers as written. */
  record Planted(String fullName, String honorificName, String commonName, String phone,
      String aNumber, String email, String urlName) {

    List<String> nameWords() {
      List<String> words = new ArrayList<>(List.of(fullName.split(" ")));
      words.add(honorificName.substring(honorificName.indexOf(' ') + 1));
      words.add(commonName);
      words.addAll(List.of(urlName.split("-")));
      return words;
    }

    List<String> identifiers() {
      return List.of(phone, aNumber, email);
    }
  }

  /** A document with planted data and the claims it must yield (rendered as in the table test). */
  record Planting(SourceDocument document, List<String> expected, Planted planted) {}

  static List<Planting> plantings(Planted p) {
    String honorific = p.honorificName();
    return List.of(
        planting(p, null, p.fullName() + ", 31, said at least 12 migrants were kidnapped in Reynosa"
            + " on Monday.", "KIDNAPPING@Reynosa 12 MINIMUM INCREMENT 2019-08-12/DAY"),
        planting(p, null, "Twelve migrants were robbed in Tijuana, said " + p.fullName() + ", who can"
            + " be reached at " + p.phone() + " or " + p.email() + ".",
            "ROBBERY@Tijuana 12 EXACT INCREMENT 2019-08-15/UNKNOWN"),
        planting(p, null, "Migrant " + p.aNumber() + " and 12 others were extorted in Matamoros on"
            + " Aug. 2.", "EXTORTION@Matamoros 12 EXACT INCREMENT 2019-08-02/DAY"),
        planting(p, null, p.commonName() + "'s family and 9 other migrants were threatened in Reynosa"
            + " on Aug. 2.", "THREAT@Reynosa 9 EXACT INCREMENT 2019-08-02/DAY"),
        planting(p, null, "Según " + p.fullName() + ", al menos 23 migrantes fueron secuestrados en"
            + " Nuevo Laredo el domingo; informes al " + p.phone() + ".",
            "KIDNAPPING@Nuevo Laredo 23 MINIMUM INCREMENT 2019-08-11/DAY"),
        planting(p, null, "Mexico bused 69 people home from Ciudad Juárez — 40 Hondurans, 22"
            + " Guatemalans and seven Salvadorans, among them " + honorific + " (" + p.aNumber()
            + ").", "AVR_DEPARTURE@Ciudad Juárez 69 EXACT INCREMENT 2019-08-15/UNKNOWN"
            + " {Honduras=40, Guatemala=22, El Salvador=7}"),
        planting(p, null, honorific + " a déclaré que 30 demandeurs d'asile ont été enlevés à"
            + " Nuevo Laredo (contact : " + p.email() + ").",
            "KIDNAPPING@Nuevo Laredo 30 EXACT INCREMENT 2019-08-15/UNKNOWN"),
        planting(p, p.fullName() + ": 12 migrants kidnapped in Reynosa", "Shelters are full.",
            "KIDNAPPING@Reynosa 12 EXACT INCREMENT 2019-08-15/UNKNOWN"),
        planting(p, null, "Police told " + p.commonName() + " that 14 migrants were abducted in"
            + " Mexicali; " + p.commonName() + " called " + p.phone() + ".",
            "KIDNAPPING@Mexicali 14 EXACT INCREMENT 2019-08-15/UNKNOWN"));
  }

  private static Planting planting(Planted p, String title, String body, String expected) {
    String text = title == null ? body : title + "\n\n" + body;
    String sourceName = "Blog of " + p.honorificName() + " (" + p.email() + ", " + p.phone() + ")";
    String url = "https://example.org/news/" + p.urlName() + "?contact=" + p.email();
    return new Planting(new SourceDocument("doc", SourceKind.NGO, sourceName, url, null, title, text,
        REPORTED), List.of(expected), p);
  }

  @Property(tries = 60)
  void plantedPersonalDataAppearsInNoClaimField(@ForAll("planted") Planted planted) {
    for (Planting planting : plantings(planted)) {
      assertNoLeak(planting);
    }
  }

  @Example
  void realisticNamesAndIdentifiersAreScrubbedEverywhere() {
    Planted planted = new Planted("Jorge Mejía", "Sra. Ramírez", "María", "+52 (867) 555 0101",
        "A-Number 208-123-456", "jorge.mejia@example.org", "ana-lopez");
    for (Planting planting : plantings(planted)) {
      assertNoLeak(planting);
    }
    Claim claim = EXTRACTOR.extract(plantings(planted).get(1).document()).get(0);
    assertThat(claim.getEvidence().getSentence()).isEqualTo(
        "Twelve migrants were robbed in Tijuana, said [NAME], who can be reached at [PHONE] or [EMAIL].");
    assertThat(claim.getSourceName()).isEqualTo("Blog of Sra. [NAME] ([EMAIL], [PHONE])");
    assertThat(claim.getSourceUrl()).isEqualTo("https://example.org/news/NAME-NAME?contact=[EMAIL]");
  }

  private static void assertNoLeak(Planting planting) {
    List<Claim> claims = EXTRACTOR.extract(planting.document());
    assertThat(claims).extracting(SentenceTableTest::render)
        .as(planting.document().text()).containsExactlyElementsOf(planting.expected());
    for (Claim claim : claims) {
      String json = ClaimJson.line(claim);
      String folded = TextFolding.fold(json);
      for (String word : planting.planted().nameWords()) {
        assertThat(Pattern.compile("(?<!\\p{L})" + Pattern.quote(TextFolding.fold(word)) + "(?!\\p{L})")
            .matcher(folded).find()).as("name '%s' in %s", word, json).isFalse();
      }
      String texts = String.join(" ", claim.getEvidence().getSentence(), claim.getSourceName(),
          claim.getSourceUrl(), claim.getCount().getText(), claim.getBreakdown().toString());
      List<String> runs = new ArrayList<>();
      Matcher run = DIGIT_RUN.matcher(texts);
      while (run.find()) {
        runs.add(run.group());
      }
      for (String identifier : planting.planted().identifiers()) {
        assertThat(json).as(json).doesNotContain(identifier);
        Matcher group = DIGIT_GROUPS.matcher(identifier);
        while (group.find()) {
          assertThat(runs).as("digits %s of '%s' in %s", group.group(), identifier, texts)
              .doesNotContain(group.group());
        }
      }
      String local = planting.planted().email().split("[@\\[ ]")[0];
      assertThat(json).as(json).doesNotContain(local);
    }
  }

  @Provide
  Arbitrary<Planted> planted() {
    Arbitrary<String> word = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(4)
        .ofMaxLength(8).map(w -> "Zu" + w).filter(PlantedPiiTest::unknownWord);
    Arbitrary<String> fullName = Combinators.combine(word, word).as((a, b) -> a + " " + b);
    Arbitrary<String> honorific = Combinators.combine(
        Arbitraries.of("Sr.", "Sra.", "Dr.", "Mr.", "Mrs.", "Ms.", "Mme.", "Padre"), word)
        .as((h, w) -> h + " " + w);
    Arbitrary<String> common = Arbitraries.of("Jorge", "María", "José", "Ana", "Mejía", "López",
        "Hernández", "Wilmer", "Yesenia", "Pérez", "Ramírez", "Dilcia");
    Arbitrary<String> urlName = Combinators.combine(Arbitraries.of("jorge", "maria", "jose", "ana"),
        Arbitraries.of("mejia", "lopez", "perez", "ramirez")).as((a, b) -> a + "-" + b);
    Arbitrary<String> d3 = Arbitraries.integers().between(200, 999).map(String::valueOf);
    Arbitrary<String> d4 = Arbitraries.integers().between(1000, 9999).map(String::valueOf);
    Arbitrary<String> phone = Combinators.combine(d3, d3, d4, Arbitraries.integers().between(0, 5))
        .as((a, b, c, format) -> switch (format) {
          case 0 -> "+52 " + a + " " + b + " " + c;
          case 1 -> "(" + a + ") " + b + "-" + c;
          case 2 -> a + "-" + b + "-" + c;
          case 3 -> a + "." + b + "." + c;
          case 4 -> a + b + c;
          default -> "tel. " + b + "-" + c;
        });
    Arbitrary<String> aNumber = Combinators.combine(d3, d3, d3, Arbitraries.integers().between(0, 4))
        .as((a, b, c, format) -> switch (format) {
          case 0 -> "A" + a + b + c;
          case 1 -> "A-" + a + "-" + b + "-" + c;
          case 2 -> "A# " + a + " " + b + " " + c;
          case 3 -> "A-Number " + a + b + c;
          default -> "alien number " + a + b + c;
        });
    Arbitrary<String> email = Combinators.combine(word, word, Arbitraries.of(0, 1))
        .as((local, domain, format) -> format == 0
            ? local.toLowerCase(Locale.ROOT) + "@" + domain.toLowerCase(Locale.ROOT) + ".org"
            : local.toLowerCase(Locale.ROOT) + " [at] " + domain.toLowerCase(Locale.ROOT) + ".org");
    return Combinators.combine(fullName, honorific, common, phone, aNumber, email, urlName)
        .as(Planted::new);
  }

  /** A generated word that is no place, organisation word, number or nationality. */
  private static boolean unknownWord(String word) {
    String folded = TextFolding.fold(word);
    return Gazetteer.lookup(folded) == null && !EvidenceScrubber.isKnownWord(folded)
        && NumberWords.word(folded) == null && Nationalities.country(folded) == null;
  }
}
