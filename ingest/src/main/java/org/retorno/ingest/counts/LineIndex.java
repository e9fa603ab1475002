package org.retorno.ingest.counts;

import java.util.Arrays;

/** Maps a character offset in a text to its 1-based line number. */
final class LineIndex {
  private final String text;
  private final int[] lineStarts;

  LineIndex(String text) {
    this.text = text;
    int[] starts = new int[16];
    int count = 0;
    starts[count++] = 0;
    // indexOf rather than a charAt loop: the JIT scans for one character many bytes at a time.
    for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
      if (count == starts.length) {
        starts = Arrays.copyOf(starts, count * 2);
      }
      starts[count++] = i + 1;
    }
    this.lineStarts = Arrays.copyOf(starts, count);
  }

  /** How many lines the text has (a last line without its line feed counts). */
  int lines() {
    return lineStarts.length;
  }

  long lineOf(long offset) {
    int found = Arrays.binarySearch(lineStarts, (int) Math.min(offset, Integer.MAX_VALUE));
    return found >= 0 ? found + 1 : -found - 1;
  }

  /**
   * The line a CSV record starts on. Commons CSV gives the offset where it began reading the record,
   * which is before any blank or comment lines it skipped on the way.
   */
  long lineOfRecord(long offset, char commentMarker) {
    int position = (int) Math.min(offset, text.length());
    while (position < text.length()) {
      char c = text.charAt(position);
      if (c == '\n' || c == '\r' || c == ' ' || c == '\t') {
        position++;
      } else if (c == commentMarker && (position == 0 || text.charAt(position - 1) == '\n')) {
        int end = text.indexOf('\n', position);
        position = end < 0 ? text.length() : end + 1;
      } else {
        break;
      }
    }
    return lineOf(position);
  }
}
