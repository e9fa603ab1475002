package org.retorno.ingest.text;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Publication dates as feeds write them: RFC 822 ({@code pubDate}), ISO 8601
 * ({@code updated}/{@code published}), and the common sloppy variants: no weekday, a wrong weekday,
 * two-digit years, North American zone names, "July 2, 2019", a missing zone (read as UTC), a date
 * without a time (midnight UTC), and "2 de julio de 2019". A date that cannot be read is not an
 * error: the item simply has no publication time.
 */
public final class FeedDates {
  private static final String ZONE =
      "(Z|UT|UTC|GMT|[ECMP][SD]T|[+-]\\d{2}:?\\d{2}|[+-]\\d{2}|GMT[+-]\\d{2}:?\\d{2})";
  private static final String TIME = "(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?";
  private static final Pattern ISO = Pattern.compile(
      "(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[T ]+" + TIME + ")?\\s*" + ZONE + "?", Pattern.CASE_INSENSITIVE);
  private static final Pattern RFC_822 = Pattern.compile(
      "(?:\\p{L}{2,10}\\.?,?\\s+)?(\\d{1,2})\\s+(?:de\\s+)?(" + MonthNames.WORD + ")\\s+(?:de\\s+)?(\\d{2}|\\d{4})"
          + "(?:,?\\s+" + TIME + ")?\\s*" + ZONE + "?(?:\\s*\\(.*\\))?",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern MONTH_FIRST = Pattern.compile(
      "(?:\\p{L}{2,10}\\.?,?\\s+)?(" + MonthNames.WORD + ")\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})"
          + "(?:,?\\s+(?:at\\s+)?" + TIME + "\\s*([ap]\\.?m\\.?)?)?\\s*" + ZONE + "?(?:\\s*\\(.*\\))?",
      Pattern.CASE_INSENSITIVE);
  private static final Map<String, Integer> NAMED_ZONE_HOURS = Map.of(
      "EST", -5, "EDT", -4, "CST", -6, "CDT", -5, "MST", -7, "MDT", -6, "PST", -8, "PDT", -7);

  private FeedDates() {}

  public static Optional<Instant> parse(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    String tidy = text.strip().replaceAll("\\s+", " ");
    try {
      Matcher iso = ISO.matcher(tidy);
      if (iso.matches()) {
        return Optional.of(instant(LocalDate.of(year(iso.group(1)), num(iso.group(2)), num(iso.group(3))),
            iso, 4, null, iso.group(8)));
      }
      Matcher rfc = RFC_822.matcher(tidy);
      if (rfc.matches()) {
        Optional<Integer> month = MonthNames.month(rfc.group(2));
        if (month.isPresent()) {
          return Optional.of(instant(LocalDate.of(year(rfc.group(3)), month.get(), num(rfc.group(1))),
              rfc, 4, null, rfc.group(8)));
        }
      }
      Matcher monthFirst = MONTH_FIRST.matcher(tidy);
      if (monthFirst.matches()) {
        Optional<Integer> month = MonthNames.month(monthFirst.group(1));
        if (month.isPresent()) {
          LocalDate date = LocalDate.of(year(monthFirst.group(3)), month.get(), num(monthFirst.group(2)));
          return Optional.of(instant(date, monthFirst, 4, monthFirst.group(8), monthFirst.group(9)));
        }
      }
    } catch (DateTimeException | NumberFormatException e) {
      // 31 June, hour 25 and the like: unreadable, so no date.
    }
    return Optional.empty();
  }

  /** Two-digit years as RFC 822 allowed them: 00–49 in this century, 50–99 in the last. */
  private static int year(String digits) {
    int year = Integer.parseInt(digits);
    if (digits.length() == 2) {
      return year < 50 ? 2000 + year : 1900 + year;
    }
    return year;
  }

  private static int num(String digits) {
    return Integer.parseInt(digits);
  }

  private static Instant instant(LocalDate date, Matcher matcher, int firstTimeGroup, String meridiem,
      String zone) {
    LocalTime time = LocalTime.MIDNIGHT;
    if (matcher.group(firstTimeGroup) != null) {
      String seconds = matcher.group(firstTimeGroup + 2);
      String fraction = matcher.group(firstTimeGroup + 3);
      int nanos = fraction == null ? 0 : Integer.parseInt((fraction + "000000000").substring(0, 9));
      time = LocalTime.of(hour(num(matcher.group(firstTimeGroup)), meridiem),
          num(matcher.group(firstTimeGroup + 1)), seconds == null ? 0 : num(seconds), nanos);
    }
    return LocalDateTime.of(date, time).toInstant(offset(zone));
  }

  /** 12 am is midnight, 12 pm is noon; an hour past 12 is on a 24-hour clock already. */
  private static int hour(int hour, String meridiem) {
    if (meridiem == null || hour > 12) {
      return hour;
    }
    boolean pm = meridiem.toLowerCase(Locale.ROOT).startsWith("p");
    return (hour % 12) + (pm ? 12 : 0);
  }

  private static ZoneOffset offset(String zone) {
    if (zone == null) {
      return ZoneOffset.UTC;
    }
    String upper = zone.toUpperCase(Locale.ROOT);
    if (upper.startsWith("GMT") && upper.length() > 3) {
      upper = upper.substring(3);
    }
    if (upper.equals("Z") || upper.equals("UT") || upper.equals("UTC") || upper.equals("GMT")) {
      return ZoneOffset.UTC;
    }
    Integer hours = NAMED_ZONE_HOURS.get(upper);
    if (hours != null) {
      return ZoneOffset.ofHours(hours);
    }
    String digits = upper.replace(":", "");
    int sign = digits.startsWith("-") ? -1 : 1;
    int h = Integer.parseInt(digits.substring(1, 3));
    int m = digits.length() >= 5 ? Integer.parseInt(digits.substring(3, 5)) : 0;
    return ZoneOffset.ofHoursMinutes(sign * h, sign * m);
  }
}
