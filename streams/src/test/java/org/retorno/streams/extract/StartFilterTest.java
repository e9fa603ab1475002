package org.retorno.streams.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A filtered search finds exactly what {@code Matcher.find} finds: for every pattern constant of
 * the readers, on every text the team has written and on random mixes of their words, digits and
 * punctuation, over whole texts and random regions.
 */
class StartFilterTest {

  @Test
  void readsTheStartsOfSimplePatterns() {
    StartFilter harms = StartFilter.of(Pattern.compile("\\b(?:kidnap\\w*|abduct\\w*)\\b"));
    assertThat(harms.narrows()).isTrue();
    assertThat(harms.finder("the abducted", 0, 12).find()).isTrue();
    assertThat(harms.find("unabducted")).isFalse();
    assertThat(StartFilter.of(Pattern.compile(".+x")).narrows()).isFalse();
    assertThat(StartFilter.of(Pattern.compile("[^a]b")).narrows()).isFalse();
    assertThat(StartFilter.of(Pattern.compile("\\p{L}+")).find("1 \u00e9")).isTrue();
    assertThat(StartFilter.of(Pattern.compile("(?:a)?b?")).narrows()).isFalse();
    assertThat(StartFilter.of(Pattern.compile("\\G\\s+x")).narrows()).isFalse();
    assertThat(StartFilter.of(Pattern.compile("x", Pattern.CASE_INSENSITIVE)).narrows()).isFalse();
    assertThat(StartFilter.of(Pattern.compile("(?:\\bx)?y")).find("ay")).isTrue();
    assertThat(StartFilter.of(Pattern.compile("\\b(?:in|au mois de)\\s+(x|y)|\\bb\\.c(?:a|b)d?e"))
        .prefixes()).containsExactlyInAnyOrder("in", "au mois de", "b.ca", "b.cb");
    assertThat(StartFilter.of(Pattern.compile("\\b(?:ab?c|d)")).prefixes()).containsExactly("a", "d");
    assertThat(StartFilter.of(Pattern.compile("\\b(?:x|y?z)")).prefixes()).isEmpty();
    assertThat(StartFilter.of(Pattern.compile("[ab]c|\\s(?:x|yz)\\b")).prefixes())
        .hasSize(14).contains("ac", "bc", " x", "\tyz", "\ryz");
    assertThat(StartFilter.of(Pattern.compile("[\\p{L}]x")).prefixes()).isEmpty();
  }

  @Test
  void findsWhatFindFindsForEveryPatternOfTheReaders() throws Exception {
    List<Pattern> patterns = readerPatterns();
    assertThat(patterns).hasSizeGreaterThan(60);
    List<String> texts = texts();
    SplittableRandom random = new SplittableRandom(17);
    int narrowed = 0;
    long matches = 0;
    for (Pattern p : patterns) {
      StartFilter filter = StartFilter.of(p);
      narrowed += filter.narrows() ? 1 : 0;
      for (String text : texts) {
        matches += compare(p, filter, text, 0, text.length());
        int from = random.nextInt(text.length() + 1);
        int to = from + random.nextInt(text.length() - from + 1);
        matches += compare(p, filter, text, from, to);
      }
    }
    assertThat(narrowed).isGreaterThan(40);
    assertThat(matches).isGreaterThan(1000);
  }

  @Test
  void readsHowFarBeforeTheEndAMatchCanStart() {
    assertThat(StartFilter.of(Pattern.compile("\\b(?:at|a las)\\s+$")).beforeEnd()).isEqualTo(4);
    assertThat(StartFilter.of(Pattern.compile("(?:ed|ent|[oa]s?)$")).beforeEnd()).isEqualTo(3);
    assertThat(StartFilter.of(Pattern.compile("(?<!x)a{2,3}\\b\\s*\\s$")).beforeEnd()).isEqualTo(3);
    assertThat(StartFilter.of(Pattern.compile("(?:a|bc)$|d$")).beforeEnd()).isEqualTo(2);
    assertThat(StartFilter.of(Pattern.compile("x\\s+y\\s+$")).beforeEnd()).isEqualTo(2);
    assertThat(StartFilter.of(Pattern.compile("x\\w+\\s+$")).beforeEnd()).isEqualTo(-1);
    assertThat(StartFilter.of(Pattern.compile("(?:a|b)+$")).beforeEnd()).isEqualTo(-1);
    assertThat(StartFilter.of(Pattern.compile("a$|b")).beforeEnd()).isEqualTo(-1);
    assertThat(StartFilter.of(Pattern.compile("a$\\s")).beforeEnd()).isEqualTo(-1);
    assertThat(StartFilter.of(Pattern.compile("a\\s+$")).find("xa \n")).isTrue();
    assertThat(StartFilter.of(Pattern.compile("a\\s+b\\s+$")).find("xa \n  b\t")).isTrue();
    assertThat(StartFilter.of(Pattern.compile("a$")).find("xa\r\n")).isTrue();
    assertThat(StartFilter.of(Pattern.compile("a$")).find("xa\u2028")).isTrue();
    assertThat(StartFilter.of(Pattern.compile("a$")).find("xa\n\n")).isFalse();
  }

  /**
   * Patterns that end at {@code $} match only near the end of the text: compared on the windows
   * the readers give them (the text before a word, its last 30 characters), with line
   * terminators after it, and on regions that stop short of the end.
   */
  @Test
  void findsWhatFindFindsAtTheEndsOfTexts() throws Exception {
    List<Pattern> patterns = readerPatterns().stream()
        .filter(p -> StartFilter.of(p).beforeEnd() >= 0).toList();
    assertThat(patterns).hasSizeGreaterThan(8);
    SplittableRandom random = new SplittableRandom(23);
    String[] ends = {"", " ", "  ", "\n", "\r\n", " \r\n", "\u2028", "\u0085", "\r", "\t\n", "\n\n"};
    long matches = 0;
    for (String text : texts()) {
      for (int cut = 0; cut < 12; cut++) {
        int k = text.indexOf(' ', random.nextInt(text.length() + 1));
        String before = (k < 0 ? text : text.substring(0, k + 1)).stripTrailing()
            + ends[random.nextInt(ends.length)];
        int from = random.nextBoolean() ? 0 : Math.max(0, before.length() - 30);
        int to = random.nextInt(4) == 0 ? Math.max(from, before.length() - random.nextInt(4))
            : before.length();
        for (Pattern p : patterns) {
          matches += compare(p, StartFilter.of(p), before, from, to);
        }
      }
    }
    assertThat(matches).isGreaterThan(1000);
  }

  @Test
  void looksPastTheBlanksOnlyWhereOnlyBlankAtomsTakeThem() {
    assertThat(StartFilter.of(Pattern.compile("^\\s*(?:%|percent\\b)")).looksPastBlanks()).isTrue();
    assertThat(StartFilter.of(Pattern.compile("^(?:\\s*|-)y")).looksPastBlanks()).isTrue();
    assertThat(StartFilter.of(Pattern.compile("^ *,?\\s+x")).find("  , \tx")).isTrue();
    assertThat(StartFilter.of(Pattern.compile("^\\s*(?:%|percent\\b)")).find("  of")).isFalse();
    assertThat(StartFilter.of(Pattern.compile("[\\s-]+x")).looksPastBlanks()).isFalse();
    assertThat(StartFilter.of(Pattern.compile("\\s*")).looksPastBlanks()).isFalse();
    assertThat(StartFilter.of(Pattern.compile("\\s(?:\\s|x)")).looksPastBlanks()).isFalse();
    assertThat(StartFilter.of(Pattern.compile("x")).looksPastBlanks()).isFalse();
  }

  /**
   * Patterns whose matches can open with blanks, where the filter looks at the word after them:
   * compared on the windows the readers give them (the text after a number or a word, from its
   * blanks on), whole and in regions that stop short.
   */
  @Test
  void findsWhatFindFindsAfterBlanks() throws Exception {
    List<Pattern> patterns = readerPatterns().stream()
        .filter(p -> StartFilter.of(p).looksPastBlanks()).toList();
    assertThat(patterns).hasSizeGreaterThan(4);
    SplittableRandom random = new SplittableRandom(29);
    String[] blanks = {"", " ", "  ", "\n", "\t ", " \u00a0", "\r\n "};
    long matches = 0;
    for (String text : texts()) {
      for (int cut = 0; cut < 12; cut++) {
        int k = Math.max(0, text.indexOf(' ', random.nextInt(text.length() + 1)));
        String after = blanks[random.nextInt(blanks.length)] + text.substring(k);
        int to = random.nextInt(4) == 0 ? random.nextInt(after.length() + 1) : after.length();
        int from = random.nextInt(4) == 0 ? random.nextInt(to + 1) : 0;
        for (Pattern p : patterns) {
          matches += compare(p, StartFilter.of(p), after, from, to);
        }
      }
    }
    assertThat(matches).isGreaterThan(300);
  }

  private static int compare(Pattern p, StartFilter filter, String text, int from, int to) {
    Matcher expected = p.matcher(text).region(from, to);
    expected.useTransparentBounds(true).useAnchoringBounds(false);
    StartFilter.Finder actual = filter.finder(text, from, to);
    int n = 0;
    while (expected.find()) {
      assertThat(actual.find()).as("%s on [%d,%d) of %s", p, from, to, text).isTrue();
      assertThat(new int[] {actual.start(), actual.end()}).as("%s on %s", p, text)
          .containsExactly(expected.start(), expected.end());
      for (int g = 1; g <= expected.groupCount(); g++) {
        assertThat(actual.group(g)).isEqualTo(expected.group(g));
      }
      n++;
    }
    assertThat(actual.find()).as("%s on [%d,%d) of %s", p, from, to, text).isFalse();
    return n;
  }

  /** Every static Pattern field of the package's classes. */
  static List<Pattern> readerPatterns() throws Exception {
    URL here = StartFilter.class.getResource("StartFilter.class");
    Path dir = Path.of(here.toURI()).getParent();
    List<Pattern> patterns = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.sorted().toList()) {
        String name = f.getFileName().toString();
        if (!name.endsWith(".class")) {
          continue;
        }
        Class<?> c = Class.forName("org.retorno.streams.extract." + name.replace(".class", ""));
        for (Field field : c.getDeclaredFields()) {
          if (Modifier.isStatic(field.getModifiers())) {
            field.setAccessible(true);
            Object value = field.get(null);
            if (value instanceof Pattern p) {
              patterns.add(p);
            } else if (value instanceof Pattern[] ps) {
              patterns.addAll(List.of(ps));
            }
          }
        }
      }
    }
    return patterns;
  }

  private static List<String> texts() throws Exception {
    List<String> texts = TeamTexts.all();
    List<String> folded = new ArrayList<>();
    for (String t : texts) {
      folded.add(TextFolding.fold(t));
    }
    // Random mixes of the corpora's words with digits, punctuation, underscores, accents and
    // combining marks, where word boundaries fall in odd places.
    List<String> words = new ArrayList<>();
    for (String t : folded) {
      words.addAll(List.of(t.split("\\s+")));
    }
    String[] odd = {"_", "1", "2019", "12", "-", "'", ",", ".", ";", "(", ")", "$", "%", "\u0301",
        "\u00e9", "\u00ba", "\u2014", "\n", "\t", "\u00a0", "https://", "www.", "/", "\u00f1"};
    SplittableRandom random = new SplittableRandom(5);
    for (int t = 0; t < 300; t++) {
      StringBuilder b = new StringBuilder();
      for (int w = 0; w < 40; w++) {
        b.append(random.nextInt(5) == 0 ? odd[random.nextInt(odd.length)]
            : words.get(random.nextInt(words.size())));
        b.append(random.nextInt(6) == 0 ? "" : random.nextInt(8) == 0 ? "  " : " ");
      }
      folded.add(b.toString());
    }
    List<String> all = new ArrayList<>(folded);
    all.addAll(texts);
    return all;
  }
}
