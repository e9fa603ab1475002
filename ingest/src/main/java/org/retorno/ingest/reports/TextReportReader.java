package org.retorno.ingest.reports;

import java.time.LocalDate;
import org.retorno.ingest.FileBytes;
import org.retorno.ingest.InputFile;
import org.retorno.ingest.InputRejectedException;
import org.retorno.ingest.text.DocumentDates;

/** Plain-text reports: the text as written, its date line, and its first other line as title. */
final class TextReportReader {
  /** A first line longer than this is a paragraph, not a title. */
  static final int MAXIMUM_TITLE_LENGTH = 200;

  private TextReportReader() {}

  static ReportDocument read(InputFile file) throws InputRejectedException {
    String text = tidy(FileBytes.readText(file).text());
    LocalDate date = DocumentDates.leadingDate(text).orElse(null);
    return new ReportDocument(text, firstLineTitle(text), date, null, null, "text/plain");
  }

  /** Line ends unified and trailing spaces dropped; paragraphs (blank lines) kept. */
  static String tidy(String text) {
    return text.replace("\r\n", "\n").replace('\r', '\n').replaceAll("[ \\t\\u00a0]+\\n", "\n").strip();
  }

  /** The first non-blank line that is not the document's date line. */
  static String firstLineTitle(String text) {
    for (String line : text.split("\n")) {
      String tidy = line.strip().replaceAll("\\s+", " ");
      if (tidy.isEmpty() || DocumentDates.dateLine(tidy).isPresent()) {
        continue;
      }
      return tidy.length() <= MAXIMUM_TITLE_LENGTH ? tidy : null;
    }
    return null;
  }
}
