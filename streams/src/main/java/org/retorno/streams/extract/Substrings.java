package org.retorno.streams.extract;

/**
 * A sentence and the pairs of neighbouring characters in it, so that a word the sentence lacks is
 * mostly ruled out by a pair it lacks, without a search. The readers gate their patterns on dozens
 * of stems a sentence ("kidnap", "secuestr", "week"): each was a search of the whole sentence.
 */
final class Substrings {
  private final String text;
  private final long[] pairs = new long[64];

  Substrings(String text) {
    this.text = text;
    for (int i = 0; i + 1 < text.length(); i++) {
      int key = key(text.charAt(i), text.charAt(i + 1));
      pairs[key >>> 6] |= 1L << key;
    }
  }

  String text() {
    return text;
  }

  /** Exactly {@code text().contains(needle)}. */
  boolean contains(String needle) {
    for (int i = 0; i + 1 < needle.length(); i++) {
      int key = key(needle.charAt(i), needle.charAt(i + 1));
      if ((pairs[key >>> 6] & (1L << key)) == 0) {
        return false; // a pair of the needle is nowhere in the text
      }
    }
    return text.contains(needle);
  }

  /** Whether any of {@code needles} occurs in the text. */
  boolean containsAny(java.util.List<String> needles) {
    for (String needle : needles) {
      if (contains(needle)) {
        return true;
      }
    }
    return false;
  }

  /** Six low bits of each character: small letters, digits and punctuation all stay apart. */
  private static int key(char a, char b) {
    return (a & 63) << 6 | (b & 63);
  }
}
