package org.retorno.streams.extract;

/**
 * Where words start in a text: an ASCII letter, digit or underscore with no letter, digit or
 * underscore before it. Most of the readers' patterns open with {@code \b} before a word, and some
 * twenty of them search each sentence of a document's folded text; finding the word starts once
 * per text spares each of those searches a walk over every character. They are found 64
 * characters at a time, when a search first reaches them: readers search a document sentence by
 * sentence, and move between its original and folded texts and windows cut from them.
 */
final class WordStarts {
  /** Shorter texts (the windows before and after a number or cue) are walked as they are. */
  static final int INDEXED = 256;
  private static final int RECENT_TEXTS = 4;
  private static final ThreadLocal<WordStarts[]> RECENT =
      ThreadLocal.withInitial(() -> new WordStarts[RECENT_TEXTS]);

  private final String text;
  /** Bit {@code i % 64} of {@code starts[i / 64]}: whether a word starts at {@code i}. */
  private final long[] starts;
  /** Bit {@code b % 64} of {@code read[b / 64]}: whether block {@code b} of starts is read yet. */
  private final long[] read;

  private WordStarts(String text) {
    this.text = text;
    this.starts = new long[(text.length() + 63) >>> 6];
    this.read = new long[(starts.length + 63) >>> 6];
  }

  /** The word starts of {@code text}, kept for the last few texts searched on this thread. */
  static WordStarts of(String text) {
    WordStarts[] recent = RECENT.get();
    int k = 0;
    while (k < RECENT_TEXTS - 1 && (recent[k] == null || recent[k].text != text)) {
      k++;
    }
    WordStarts known = recent[k] != null && recent[k].text == text ? recent[k] : new WordStarts(text);
    System.arraycopy(recent, 0, recent, 1, k);
    recent[0] = known;
    return known;
  }

  /** The first word start in {@code [from, to)}, or -1. */
  int next(int from, int to) {
    if (from >= to) {
      return -1;
    }
    int block = from >>> 6;
    long bits = block(block) & (-1L << from); // a shift is taken mod 64: from's place in its block
    while (bits == 0) {
      block++;
      if (block << 6 >= to) {
        return -1;
      }
      bits = block(block);
    }
    int at = (block << 6) + Long.numberOfTrailingZeros(bits);
    return at < to ? at : -1;
  }

  private long block(int block) {
    if ((read[block >>> 6] & (1L << block)) == 0) {
      long bits = 0;
      int end = Math.min(text.length(), (block + 1) << 6);
      for (int i = block << 6; i < end; i++) {
        if (StartFilter.isAsciiWord(text.charAt(i)) && (i == 0 || !wordBefore(text.charAt(i - 1)))) {
          bits |= 1L << i;
        }
      }
      starts[block] = bits;
      read[block >>> 6] |= 1L << block;
    }
    return starts[block];
  }

  /** The character before a word start stops a {@code \b} only when it is a word character too. */
  private static boolean wordBefore(char c) {
    return c < 128 ? StartFilter.isAsciiWord(c) : Character.isLetterOrDigit(c);
  }
}
