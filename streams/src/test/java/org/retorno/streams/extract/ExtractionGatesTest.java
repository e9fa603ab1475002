package org.retorno.streams.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The cheap tests placed in front of the readers' patterns and look-ups never turn away what the
 * pattern or look-up would accept: checked at every position of every text the team has written,
 * folded and not, and of random mixes of their words with digits, dates and punctuation.
 */
class ExtractionGatesTest {
  private static List<String> texts;

  @BeforeAll
  static void texts() throws Exception {
    List<String> written = TeamTexts.all();
    texts = new ArrayList<>(written);
    written.forEach(t -> texts.add(TextFolding.fold(t)));
    List<String> words = new ArrayList<>();
    for (String t : written) {
      words.addAll(List.of(TextFolding.fold(t).split("\\s+")));
    }
    String[] odd = {"_", "1", "2019", "12", "2019-07-03", "7/3/19", "3rd", "4º", "-", "/", ",", ".",
        ";", "(", "\u0301", "\u00e9", "\u0663", "\n", "\t", "\u00a0", "sonora", "mexico", "texas",
        "julio", "jul.", "aout", "mai", "may", "de", "of", "july 4, 2019", "4 de julio de 2019",
        "12th of march", "aug. 2", "march 2020", "1er mai", "dic 31"};
    SplittableRandom random = new SplittableRandom(11);
    for (int t = 0; t < 400; t++) {
      StringBuilder b = new StringBuilder();
      for (int w = 0; w < 30 + random.nextInt(60); w++) {
        b.append(random.nextInt(4) == 0 ? odd[random.nextInt(odd.length)]
            : words.get(random.nextInt(words.size())));
        b.append(random.nextInt(6) == 0 ? "" : random.nextInt(8) == 0 ? ",  " : " ");
      }
      texts.add(b.toString());
    }
  }

  @Test
  void wordStartsAreThePositionsAWordStartFilterCanTry() {
    int checked = 0;
    for (String text : texts) {
      WordStarts words = WordStarts.of(text);
      List<Integer> expected = new ArrayList<>();
      for (int i = 0; i < text.length(); i++) {
        char before = i == 0 ? ' ' : text.charAt(i - 1);
        boolean wordBefore = before < 128 ? Character.isLetterOrDigit(before) || before == '_'
            : Character.isLetterOrDigit(before);
        char c = text.charAt(i);
        if (c < 128 && (Character.isLetterOrDigit(c) || c == '_') && !wordBefore) {
          expected.add(i);
        }
      }
      List<Integer> actual = new ArrayList<>();
      for (int i = words.next(0, text.length()); i >= 0; i = words.next(i + 1, text.length())) {
        actual.add(i);
      }
      assertThat(actual).as(text).isEqualTo(expected);
      // From anywhere, up to anywhere: the first start in the window.
      for (int from = 0; from <= text.length(); from += 7) {
        int to = Math.min(text.length(), from + 3 + from % 130);
        int f = from;
        int first = expected.stream().filter(i -> i >= f && i < to).findFirst().orElse(-1);
        assertThat(words.next(from, to)).isEqualTo(first);
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(10_000);
  }

  @Test
  void aQualifierIsTriedWhereverItCanMatch() {
    int matches = 0;
    for (String text : texts) {
      Matcher q = Gazetteer.QUALIFIER_PATTERN.matcher(text);
      q.useTransparentBounds(true).useAnchoringBounds(false);
      for (int at = 0; at < text.length(); at++) {
        int to = at % 5 == 0 ? Math.min(text.length(), at + 9) : text.length();
        if (q.region(at, to).lookingAt()) {
          assertThat(Gazetteer.mayQualify(text, at, to)).as("%d of %s", at, text).isTrue();
          matches++;
        }
      }
    }
    assertThat(matches).isGreaterThan(100);
  }

  @Test
  void everyFirstWordOfANamePassesItsGate() {
    assertThat(Gazetteer.firstWords()).hasSizeGreaterThan(50);
    for (String word : Gazetteer.firstWords()) {
      String text = "the " + word + " x";
      assertThat(Gazetteer.startsAName(text, 4, 4 + word.length())).as(word).isTrue();
    }
  }

  @Test
  void calendarDatesAreTriedWhereverTheyCanMatch() {
    List<Pattern> patterns = List.of(DateReader.MONTH_DAY, DateReader.MONTH_YEAR,
        DateReader.DAY_MONTH, DateReader.NUMERIC);
    int matches = 0;
    for (String text : texts) {
      String folded = TextFolding.fold(text);
      List<int[]> starts = DateReader.starts(folded, 0, folded.length());
      int lastMonth = DateReader.lastMonthWord(starts);
      for (int p = 0; p < patterns.size(); p++) {
        Matcher m = patterns.get(p).matcher(folded);
        m.useTransparentBounds(true).useAnchoringBounds(false);
        int kind = p < 2 ? DateReader.MONTH_WORD : DateReader.DIGITS;
        for (int at = 0; at < folded.length(); at++) {
          if (!m.region(at, folded.length()).lookingAt()) {
            continue;
          }
          int position = at;
          assertThat(starts).as("%s at %d of %s", patterns.get(p), at, folded)
              .anySatisfy(s -> assertThat(s[0] == position && s[1] == kind && DateReader.mayStart(
                  m.pattern(), s, folded, folded.length(), lastMonth)).isTrue());
          matches++;
        }
      }
    }
    assertThat(matches).isGreaterThan(500);
  }

  /**
   * The number reader and the date reader share one reading of a sentence's calendar dates: the
   * spans and dates are those of the patterns tried at every start afresh, in either order of the
   * two readers and on a second call.
   */
  @Test
  void calendarDatesReadOnceAreReadAsAfresh() {
    java.time.LocalDate reported = java.time.LocalDate.of(2019, 8, 15);
    SplittableRandom random = new SplittableRandom(5);
    int spans = 0;
    for (String text : texts) {
      String folded = TextFolding.fold(text);
      int from = random.nextInt(3) == 0 ? 0 : random.nextInt(folded.length() + 1);
      int to = random.nextInt(3) == 0 ? folded.length()
          : from + random.nextInt(folded.length() - from + 1);
      List<String> expected = spansAfresh(folded, from, to);
      spans += expected.size();
      List<DateMention> dates = new DateReader().read(new String(folded), from, to, reported);
      String numbersFirst = new String(folded);
      assertThat(text(DateReader.calendarSpans(numbersFirst, from, to))).as(folded)
          .isEqualTo(expected);
      assertThat(new DateReader().read(numbersFirst, from, to, reported)).as(folded)
          .isEqualTo(dates);
      String datesFirst = new String(folded);
      assertThat(new DateReader().read(datesFirst, from, to, reported)).isEqualTo(dates);
      assertThat(text(DateReader.calendarSpans(datesFirst, from, to))).as(folded)
          .isEqualTo(expected);
      assertThat(text(DateReader.calendarSpans(datesFirst, from, to))).isEqualTo(expected);
    }
    assertThat(spans).isGreaterThan(100);
  }

  /** Calendar spans as the number reader found them before the reading was shared. */
  private static List<String> text(List<int[]> spans) {
    return spans.stream().map(java.util.Arrays::toString).toList();
  }

  private static List<String> spansAfresh(String folded, int from, int to) {
    List<int[]> spans = new ArrayList<>();
    List<int[]> starts = DateReader.starts(folded, from, to);
    int lastMonth = DateReader.lastMonthWord(starts);
    for (int[] at : starts) {
      for (Pattern p : at[1] == DateReader.MONTH_WORD
          ? List.of(DateReader.MONTH_DAY, DateReader.MONTH_YEAR)
          : List.of(DateReader.DAY_MONTH, DateReader.NUMERIC)) {
        Matcher m = p.matcher(folded).region(at[0], to);
        m.useTransparentBounds(true).useAnchoringBounds(false);
        if (DateReader.mayStart(p, at, folded, to, lastMonth) && m.lookingAt()
            && spans.stream().noneMatch(s -> s[0] == m.start() && s[1] == m.end())) {
          spans.add(new int[] {m.start(), m.end()});
        }
      }
    }
    return text(spans);
  }
}
