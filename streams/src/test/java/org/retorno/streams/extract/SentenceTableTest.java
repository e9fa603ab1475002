package org.retorno.streams.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.retorno.avro.Claim;
import org.retorno.avro.PlacePrecision;
import org.retorno.avro.SourceKind;

/** Sentences nobody tuned the extractor on, in EN/ES/FR, each with its exact expected claims. */
class SentenceTableTest {
  private static final ClaimExtractor EXTRACTOR = new ClaimExtractor();

  @ParameterizedTest(name = "{index}: {1}")
  @MethodSource("cases")
  void readsEachSentenceAsAnAnalystWould(LocalDate reportDate, String text, List<String> expected) {
    SourceDocument doc = new SourceDocument("table", SourceKind.NEWS, "table", null, null, null,
        text, reportDate);

    List<String> actual = EXTRACTOR.extract(doc).stream().map(SentenceTableTest::render).toList();

    assertThat(actual).containsExactlyElementsOf(expected);
  }

  @Test
  void theTableCoversEnoughSentences() throws IOException {
    assertThat(cases()).hasSizeGreaterThanOrEqualTo(60);
  }

  static String render(Claim claim) {
    StringBuilder out = new StringBuilder();
    out.append(claim.getCategory()).append('@').append(claim.getPlace().getName());
    if (claim.getPlace().getInferred()) {
      out.append('~');
    }
    if (claim.getPlace().getPrecision() != PlacePrecision.CITY) {
      out.append(" (").append(claim.getPlace().getPrecision()).append(')');
    }
    out.append(' ').append(claim.getCount().getValue()).append(' ').append(claim.getCount().getKind())
        .append(' ').append(claim.getSemantics()).append(' ').append(claim.getEventDate())
        .append('/').append(claim.getEventDatePrecision());
    if (!claim.getBreakdown().isEmpty()) {
      out.append(' ').append(claim.getBreakdown().entrySet().stream()
          .map(e -> e.getKey() + "=" + e.getValue())
          .collect(Collectors.joining(", ", "{", "}")));
    }
    return out.toString();
  }

  static List<Arguments> cases() throws IOException {
    List<Arguments> cases = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        SentenceTableTest.class.getResourceAsStream("/extract/sentences.txt"), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] parts = line.split(" \\|\\| ");
        List<String> expected = parts[2].strip().equals("none") ? List.of()
            : Stream.of(parts[2].split(" ;; ")).map(String::strip).toList();
        cases.add(Arguments.of(LocalDate.parse(parts[0].strip()), parts[1].strip(), expected));
      }
    }
    return cases;
  }

}
