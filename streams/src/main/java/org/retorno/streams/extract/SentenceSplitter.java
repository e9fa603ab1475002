package org.retorno.streams.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits text into sentences with offsets into the original. Paragraphs (blank lines) always end a
 * sentence; within a paragraph a sentence ends at . ! ? followed by space and a capital, a digit or
 * an opening quote, unless the period belongs to an abbreviation ("U.S.", "Cd.", "Aug.") or an
 * initial. A footnote marker glued to the full stop ("government.1", "government.!") stays with the
 * sentence it annotates.
 */
public final class SentenceSplitter {
  /** Folded, with the final period. */
  private static final Set<String> ABBREVIATIONS = Set.of(
      "u.s.", "ee.uu.", "u.n.", "cd.", "nvo.", "h.", "mr.", "mrs.", "ms.", "dr.", "no.", "nos.",
      "p.m.", "a.m.", "sr.", "sra.", "srta.", "lic.", "ing.", "mme.", "mlle.", "st.", "av.", "col.",
      "gen.", "gov.", "sen.", "rep.", "lt.", "sgt.", "jr.", "inc.", "co.", "corp.", "ltd.", "e.g.",
      "i.e.", "vs.", "v.", "n.l.", "b.c.", "chih.", "tamps.", "son.", "coah.", "calif.", "ariz.",
      "tex.", "ver.", "approx.", "num.", "art.", "p.", "pp.", "d.c.", "fig.",
      "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sep.", "sept.", "oct.", "nov.",
      "dec.", "ene.", "abr.", "ago.", "dic.", "janv.", "fevr.", "avr.", "juil.", "tel.", "cel.",
      "ext.");
  /** After "U.S." a new sentence starts only with a word that usually opens one. */
  private static final Set<String> SENTENCE_OPENERS = Set.of(
      "the", "a", "an", "it", "he", "she", "they", "we", "i", "in", "on", "but", "and", "this",
      "that", "these", "those", "officials", "there", "el", "la", "los", "las", "le", "les", "il",
      "elle", "ils", "according", "at", "after", "since", "as");
  private static final String CLOSERS = "\"'\u201D\u2019)]\u00BB";
  private static final String MARKERS = "!?*\u00AE\u2020\u2021\u00B9\u00B2\u00B3\u2074\u2075\u2076"
      + "\u2077\u2078\u2079\u2070";
  private static final int LONGEST_SENTENCE = 1500;

  public List<Sentence> split(String text) {
    List<Sentence> sentences = new ArrayList<>();
    int paragraphStart = 0;
    int n = text.length();
    int i = 0;
    while (i <= n) {
      if (i < n && text.charAt(i) != '\n') {
        // Only a newline can open a blank line: jump to the next one (a vectorised search).
        int newline = text.indexOf('\n', i);
        i = newline < 0 ? n : newline;
        continue;
      }
      int blankEnd = i < n ? blankLineEnd(text, i) : -1;
      if (i == n || blankEnd > 0) {
        splitParagraph(text, paragraphStart, i, sentences);
        if (i == n) {
          break;
        }
        paragraphStart = blankEnd;
        i = blankEnd;
        continue;
      }
      i++;
    }
    return sentences;
  }

  /** If a blank line starts at {@code i} (a newline, optional spaces, a newline), where it ends. */
  private static int blankLineEnd(String text, int i) {
    if (text.charAt(i) != '\n') {
      return -1;
    }
    int j = i + 1;
    while (j < text.length() && (text.charAt(j) == ' ' || text.charAt(j) == '\t'
        || text.charAt(j) == '\r')) {
      j++;
    }
    if (j < text.length() && text.charAt(j) == '\n') {
      while (j < text.length() && Character.isWhitespace(text.charAt(j))) {
        j++;
      }
      return j;
    }
    return -1;
  }

  private void splitParagraph(String text, int from, int to, List<Sentence> out) {
    int start = from;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c != '.' && c != '!' && c != '?' && c != '\u2026') {
        continue;
      }
      int end = i + 1;
      while (end < to && CLOSERS.indexOf(text.charAt(end)) >= 0) {
        end++;
      }
      end = skipFootnoteMarker(text, end, to);
      if (end >= to || !Character.isWhitespace(text.charAt(end))) {
        continue;
      }
      int next = end;
      while (next < to && Character.isWhitespace(text.charAt(next))) {
        next++;
      }
      if (next >= to || !opensSentence(text.charAt(next))) {
        continue;
      }
      if (c == '.' && isAbbreviation(text, i, next, to)) {
        continue;
      }
      addTrimmed(text, start, end, out);
      start = next;
      i = next - 1;
    }
    addTrimmed(text, start, to, out);
  }

  private static int skipFootnoteMarker(String text, int at, int to) {
    int j = at;
    int digits = 0;
    while (j < to && Character.isDigit(text.charAt(j)) && digits < 3) {
      j++;
      digits++;
    }
    if (digits > 0) {
      return j < to && Character.isDigit(text.charAt(j)) ? at : j;
    }
    while (j < to && MARKERS.indexOf(text.charAt(j)) >= 0) {
      j++;
    }
    return j;
  }

  private static boolean opensSentence(char c) {
    return Character.isUpperCase(c) || Character.isDigit(c) || "\"'\u201C\u2018\u00BF\u00A1(\u00AB"
        .indexOf(c) >= 0;
  }

  private static boolean isAbbreviation(String text, int period, int next, int to) {
    int wordStart = period;
    while (wordStart > 0 && !Character.isWhitespace(text.charAt(wordStart - 1))
        && "(\"\u201C'\u2018".indexOf(text.charAt(wordStart - 1)) < 0) {
      wordStart--;
    }
    String word = TextFolding.fold(text.substring(wordStart, period + 1));
    if (word.length() == 2 && Character.isLetter(word.charAt(0))) {
      return true; // an initial: "H. Matamoros", "J. Smith"
    }
    if (!ABBREVIATIONS.contains(word)) {
      return false;
    }
    if (word.equals("u.s.") || word.equals("ee.uu.") || word.equals("u.n.")) {
      int wordEnd = next;
      while (wordEnd < to && Character.isLetter(text.charAt(wordEnd))) {
        wordEnd++;
      }
      String following = TextFolding.fold(text.substring(next, wordEnd));
      return !SENTENCE_OPENERS.contains(following);
    }
    return true;
  }

  private static void addTrimmed(String text, int from, int to, List<Sentence> out) {
    while (from < to && Character.isWhitespace(text.charAt(from))) {
      from++;
    }
    while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
      to--;
    }
    if (from >= to) {
      return;
    }
    if (to - from <= LONGEST_SENTENCE) {
      out.add(new Sentence(from, to));
      return;
    }
    // Text without full stops (tables, lists): lines are the best boundaries left.
    int lineStart = from;
    for (int i = from; i <= to; i++) {
      if (i == to || text.charAt(i) == '\n') {
        int a = lineStart;
        int b = i;
        while (a < b && Character.isWhitespace(text.charAt(a))) {
          a++;
        }
        while (b > a && Character.isWhitespace(text.charAt(b - 1))) {
          b--;
        }
        if (a < b) {
          out.add(new Sentence(a, b));
        }
        lineStart = i + 1;
      }
    }
  }
}
