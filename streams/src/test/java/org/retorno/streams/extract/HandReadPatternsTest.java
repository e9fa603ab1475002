package org.retorno.streams.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

/**
 * Where a reader reads a pattern's matches by hand (or tries it only at some positions), it finds
 * what the pattern finds, on the corpora and on random mixes of awkward characters.
 */
class HandReadPatternsTest {

  @Test
  void relativeClauseWordIsThatOfTheFirstMatch() throws Exception {
    int found = 0;
    for (String text : texts()) {
      for (int end = 0; end <= text.length(); end += 7) {
        String before = text.substring(Math.max(0, end - 40), end);
        Matcher m = CategoryCues.RELATIVE_BEFORE.matcher(before);
        String expected = m.find() ? m.group(1) : null;
        assertThat(CategoryCues.relativeBefore(before)).as(before).isEqualTo(expected);
        found += expected != null ? 1 : 0;
      }
      String folded = TextFolding.fold(text);
      for (int end = 0; end <= folded.length(); end += 5) {
        String before = folded.substring(Math.max(0, end - 40), end);
        Matcher m = CategoryCues.RELATIVE_BEFORE.matcher(before);
        String expected = m.find() ? m.group(1) : null;
        assertThat(CategoryCues.relativeBefore(before)).as(before).isEqualTo(expected);
        found += expected != null ? 1 : 0;
      }
    }
    assertThat(found).isGreaterThan(20);
  }

  @Test
  void tokensAreWhatThePatternFinds() throws Exception {
    int tokens = 0;
    for (String text : texts()) {
      List<int[]> expected = new ArrayList<>();
      Matcher m = EvidenceScrubber.TOKEN.matcher(text);
      while (m.find()) {
        expected.add(new int[] {m.start(), m.end()});
      }
      List<int[]> actual = EvidenceScrubber.tokens(text);
      assertThat(actual).as(text).hasSameSizeAs(expected);
      for (int i = 0; i < expected.size(); i++) {
        assertThat(actual.get(i)).as(text).containsExactly(expected.get(i));
      }
      tokens += expected.size();
    }
    assertThat(tokens).isGreaterThan(5_000);
  }

  private static List<String> texts() throws Exception {
    List<String> texts = new ArrayList<>(TeamTexts.all());
    // Letters, marks, apostrophes, hyphens, digits, surrogate pairs (letters and not), lone
    // surrogates and punctuation, in random order.
    String[] pieces = {"a", "Z", "\u00e9", "e\u0301", "\u0301", "'", "\u2019", "-", "1", " ", ".",
        "_", "\ud835\udc00", "\ud83d\ude00", "\ud835", "\udc00", "\u0903", "\u20dd", "\u00ba",
        "\u02b0", "\u4e2d", "O'Neil", "Jean-Luc", "\u00a0"};
    SplittableRandom random = new SplittableRandom(3);
    for (int t = 0; t < 2000; t++) {
      StringBuilder b = new StringBuilder();
      for (int i = random.nextInt(30); i > 0; i--) {
        b.append(pieces[random.nextInt(pieces.length)]);
      }
      texts.add(b.toString());
    }
    // Relative clauses, with letters, marks and surrogates glued to their words.
    String[] clauses = {"migrants who had been ", "personas que fueron ", "those that were ",
        "said that ", "gente quienes ya ", "ceux qui ont ete ", "x\u0301 who ", "\ud835\udc00a who is "};
    for (int t = 0; t < 500; t++) {
      texts.add(pieces[random.nextInt(pieces.length)] + clauses[random.nextInt(clauses.length)]
          + pieces[random.nextInt(pieces.length)] + clauses[random.nextInt(clauses.length)]);
    }
    return texts;
  }
}
