package org.retorno.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TextFingerprintTest {
  private static final String WIRE = "TIJUANA, Mexico — At least 12 asylum seekers returned to Tijuana under "
      + "the Migrant Protection Protocols were kidnapped on Aug. 14 near a shelter, according to a local human "
      + "rights group. The group said the kidnappers demanded ransom from relatives in the United States.";

  @Test
  void syndicatedCopiesWithTheirOwnBylinesAreOneSource() {
    long original = TextFingerprint.of(WIRE);
    for (String byline : List.of("By Coast Daily staff and wire reports. ", "Desert News — ",
        "Border Times (AP) ")) {
      long copy = TextFingerprint.of(byline + WIRE + " Follow Border Times for updates.");
      assertThat(TextFingerprint.distance(original, copy)).as(byline).isLessThanOrEqualTo(
          TextFingerprint.SAME_SOURCE_MAX_DISTANCE);
    }
  }

  @Test
  void differentArticlesOnTheSameTopicAreDifferentSources() throws Exception {
    String feed = Files.readString(Path.of("..", "samples", "news", "border-news-2019-07.rss.xml"));
    Matcher description = Pattern.compile("<!\\[CDATA\\[(.*?)]]>", Pattern.DOTALL).matcher(feed);
    List<Long> fingerprints = new ArrayList<>();
    while (description.find()) {
      fingerprints.add(TextFingerprint.of(description.group(1).replaceAll("<[^>]+>", " ")));
    }
    fingerprints.add(TextFingerprint.of(WIRE));
    assertThat(fingerprints).hasSize(6);
    for (int i = 0; i < fingerprints.size(); i++) {
      for (int j = i + 1; j < fingerprints.size(); j++) {
        assertThat(TextFingerprint.distance(fingerprints.get(i), fingerprints.get(j)))
            .as("articles %d and %d", i, j)
            .isGreaterThan(TextFingerprint.SAME_SOURCE_MAX_DISTANCE + 4);
      }
    }
  }

  @Test
  void identicalTextsHaveIdenticalFingerprintsWhateverTheirCaseAndAccents() {
    assertThat(TextFingerprint.of("Devueltos a Ciudad Juárez 130 personas"))
        .isEqualTo(TextFingerprint.of("DEVUELTOS A CIUDAD JUAREZ 130 PERSONAS"));
  }
}
