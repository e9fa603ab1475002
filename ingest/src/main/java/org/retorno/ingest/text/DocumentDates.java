package org.retorno.ingest.text;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The date a document gives itself: a date line near its top, as letters and reports start
 * ("July 30, 2019", "Ciudad de México, a 30 de julio de 2019", "Genève, le 30 juillet 2019"), or a
 * YYYY-MM-DD in its file name.
 */
public final class DocumentDates {
  /** A date line further down than this is part of the body (a quoted date), not the document's date. */
  static final int LEADING_LINES = 10;

  private static final String PREFIX = "(?:[^,\\d]{1,60},\\s+){0,3}(?:(?:a|le|el)\\s+)?(?:\\p{L}{3,10}\\.?,?\\s+)?";
  private static final Pattern DAY_MONTH_YEAR = Pattern.compile(
      PREFIX + "(\\d{1,2})(?:º|°|er|\\.)?\\s+(?:de\\s+)?(" + MonthNames.WORD + "),?\\s+(?:del?\\s+)?(\\d{4})\\.?",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  private static final Pattern MONTH_DAY_YEAR = Pattern.compile(
      PREFIX + "(" + MonthNames.WORD + ")\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\.?",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  private static final Pattern ISO_LINE = Pattern.compile(PREFIX + "(\\d{4})-(\\d{2})-(\\d{2})\\.?");
  private static final Pattern ISO_IN_NAME = Pattern.compile("(?<!\\d)(\\d{4})-(\\d{2})-(\\d{2})(?!\\d)");

  private DocumentDates() {}

  /** The first line among the first {@value #LEADING_LINES} non-blank ones that is a date. */
  public static Optional<LocalDate> leadingDate(String text) {
    int nonBlank = 0;
    for (String line : text.split("\\R")) {
      String tidy = line.strip().replaceAll("\\s+", " ");
      if (tidy.isEmpty()) {
        continue;
      }
      if (++nonBlank > LEADING_LINES) {
        break;
      }
      Optional<LocalDate> date = dateLine(tidy);
      if (date.isPresent()) {
        return date;
      }
    }
    return Optional.empty();
  }

  /** The line read as a date, when the whole line is one (with an optional place before it). */
  public static Optional<LocalDate> dateLine(String line) {
    Matcher monthFirst = MONTH_DAY_YEAR.matcher(line);
    if (monthFirst.matches()) {
      Optional<LocalDate> date = date(monthFirst.group(3), monthFirst.group(1), monthFirst.group(2));
      if (date.isPresent()) {
        return date;
      }
    }
    Matcher dayFirst = DAY_MONTH_YEAR.matcher(line);
    if (dayFirst.matches()) {
      Optional<LocalDate> date = date(dayFirst.group(3), dayFirst.group(2), dayFirst.group(1));
      if (date.isPresent()) {
        return date;
      }
    }
    Matcher iso = ISO_LINE.matcher(line);
    if (iso.matches()) {
      return isoDate(iso);
    }
    return Optional.empty();
  }

  /** A YYYY-MM-DD in a file name ("ngo-letter-2019-07-30.txt"), when it is a real date. */
  public static Optional<LocalDate> inFileName(String fileName) {
    Matcher matcher = ISO_IN_NAME.matcher(fileName);
    while (matcher.find()) {
      Optional<LocalDate> date = isoDate(matcher);
      if (date.isPresent()) {
        return date;
      }
    }
    return Optional.empty();
  }

  private static Optional<LocalDate> date(String year, String monthWord, String day) {
    return MonthNames.month(monthWord).flatMap(month -> {
      try {
        return Optional.of(LocalDate.of(Integer.parseInt(year), month, Integer.parseInt(day)));
      } catch (DateTimeException e) {
        return Optional.empty();
      }
    });
  }

  private static Optional<LocalDate> isoDate(Matcher matcher) {
    try {
      return Optional.of(LocalDate.of(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
          Integer.parseInt(matcher.group(3))));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }
}
