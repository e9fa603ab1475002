package org.retorno.streams.extract;

import java.text.Normalizer;

/**
 * Lower case, accents removed, typographic quotes made plain, one character for one character:
 * a match found in the folded text has the same offsets in the original, so evidence offsets stay
 * true to the source.
 */
final class TextFolding {
  private static final char[] TABLE = new char[0x2100];

  static {
    for (int c = 0; c < TABLE.length; c++) {
      TABLE[c] = foldSlow((char) c);
    }
  }

  private TextFolding() {}

  static String fold(String text) {
    char[] out = new char[text.length()];
    for (int i = 0; i < out.length; i++) {
      out[i] = foldChar(text.charAt(i));
    }
    return new String(out);
  }

  /** Whether {@code needle} occurs in {@code [from, to)} of {@code text}; never looks past {@code to}. */
  static boolean contains(String text, int from, int to, String needle) {
    // A copy of the window lets String.contains (vectorised) search it without running past it.
    return text.substring(from, to).contains(needle);
  }

  /** Whether any of {@code needles} occurs in {@code [from, to)} of {@code text}. */
  static boolean containsAny(String text, int from, int to, java.util.List<String> needles) {
    String window = text.substring(from, to);
    for (String needle : needles) {
      if (window.contains(needle)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The three characters at {@code i} as a number below 26³ when they are small ASCII letters,
   * else 26³: a cheap first test of a word against a list of words (their openings in a bit set).
   */
  static int opening(String text, int i) {
    int a = text.charAt(i) - 'a';
    int b = text.charAt(i + 1) - 'a';
    int c = text.charAt(i + 2) - 'a';
    boolean letters = (a | b | c) >= 0 && a < 26 && b < 26 && c < 26;
    return letters ? (a * 26 + b) * 26 + c : 26 * 26 * 26;
  }

  static char foldChar(char c) {
    return c < TABLE.length ? TABLE[c] : Character.toLowerCase(c);
  }

  private static char foldSlow(char c) {
    switch (c) {
      case '\u2018', '\u2019', '\u02BC', '\u00B4' -> { return '\''; }
      case '\u201C', '\u201D', '\u00AB', '\u00BB', '\u201E' -> { return '"'; }
      case '\u00A0' -> { return ' '; }
      default -> { }
    }
    if (c < 128) {
      return Character.toLowerCase(c);
    }
    String decomposed = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
    char base = decomposed.isEmpty() ? c : decomposed.charAt(0);
    return Character.toLowerCase(base);
  }
}
