package org.retorno.ingest.counts;

import java.util.Arrays;

/** Maps a character offset in a text to its 1-based line number. */
final class LineIndex {
  private final int[] lineStarts;

  LineIndex(String text) {
    int[] starts = new int[16];
    int count = 0;
    starts[count++] = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        if (count == starts.length) {
          starts = Arrays.copyOf(starts, count * 2);
        }
        starts[count++] = i + 1;
      }
    }
    this.lineStarts = Arrays.copyOf(starts, count);
  }

  long lineOf(long offset) {
    int found = Arrays.binarySearch(lineStarts, (int) Math.min(offset, Integer.MAX_VALUE));
    return found >= 0 ? found + 1 : -found - 1;
  }
}
