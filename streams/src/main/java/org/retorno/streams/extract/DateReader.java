package org.retorno.streams.extract;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.retorno.avro.TimePrecision;

/**
 * Reads event dates (EN/ES/FR): "July 20", "Aug. 14", "9 de julio", "le 9 juillet" take the
 * report's year (the year before when that would put them after the report); "on Monday" is the
 * latest Monday on or before the report date; "last week" has WEEK precision; "according to a
 * July 2 report" means on or before July 2 (WEEK precision).
 */
public final class DateReader {
  private static final Map<String, Integer> MONTHS = new HashMap<>();
  private static final Map<String, DayOfWeek> WEEKDAYS = new HashMap<>();

  static {
    String[][] months = {
        {"january", "jan", "enero", "ene", "janvier", "janv"},
        {"february", "feb", "febrero", "fevrier", "fevr"},
        {"march", "mar", "marzo", "mars"},
        {"april", "apr", "abril", "abr", "avril", "avr"},
        {"may", "mayo", "mai"},
        {"june", "jun", "junio", "juin"},
        {"july", "jul", "julio", "juillet", "juil"},
        {"august", "aug", "agosto", "ago", "aout"},
        {"september", "sept", "sep", "septiembre", "setiembre", "septembre"},
        {"october", "oct", "octubre", "octobre"},
        {"november", "nov", "noviembre", "novembre"},
        {"december", "dec", "diciembre", "dic", "decembre"}};
    for (int i = 0; i < months.length; i++) {
      for (String name : months[i]) {
        MONTHS.put(name, i + 1);
      }
    }
    String[][] days = {
        {"monday", "lunes", "lundi"}, {"tuesday", "martes", "mardi"},
        {"wednesday", "miercoles", "mercredi"}, {"thursday", "jueves", "jeudi"},
        {"friday", "viernes", "vendredi"}, {"saturday", "sabado", "samedi"},
        {"sunday", "domingo", "dimanche"}};
    for (int i = 0; i < days.length; i++) {
      for (String name : days[i]) {
        WEEKDAYS.put(name, DayOfWeek.of(i + 1));
      }
    }
  }

  private static final String MONTH = "(january|february|march|april|may|june|july|august|september"
      + "|october|november|december|sept|jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec|enero|febrero|marzo"
      + "|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre|janvier"
      + "|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre)";
  private static final String YEAR = "((?:19|20)\\d\\d)";
  static final Pattern MONTH_DAY = Pattern.compile("\\b" + MONTH + "\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?"
      + "(?![\\d,.]\\d)\\b(?:,?\\s+" + YEAR + "\\b)?");
  static final Pattern DAY_MONTH = Pattern.compile("\\b(\\d{1,2})(?:st|nd|rd|th|er|o|º)?\\s+"
      + "(?:of\\s+|de\\s+)?" + MONTH + "\\b\\.?(?:,?\\s+(?:de(?:l)?\\s+)?" + YEAR + "\\b)?");
  static final Pattern MONTH_YEAR = Pattern.compile("\\b" + MONTH + "\\.?\\s+(?:de(?:l)?\\s+|of\\s+)?"
      + YEAR + "\\b");
  static final Pattern NUMERIC = Pattern.compile(
      "\\b(?:(\\d{4})-(\\d{2})-(\\d{2})|\\d{1,2}/\\d{1,2}/(?:\\d{4}|\\d{2}))\\b");
  private static final Pattern IN_MONTH = Pattern.compile("\\b(?:in|en|durante|during|au mois de)\\s+"
      + "(?:(?:early|late|mid|principios de|finales de|fines de|mediados de|debut|fin)[\\s-]+)?" + MONTH
      + "\\b(?!\\.?\\s+\\d)");
  /** "between January and June", "de enero a junio": the period ends with the second month. */
  private static final Pattern MONTH_SPAN = Pattern.compile("\\b(?:between|from|entre|de|du)\\s+"
      + MONTH + "\\s+(?:and|to|through|until|y|a|hasta|et|au|jusqu'a)\\s+" + MONTH + "\\b(?!\\.?\\s+\\d)");
  /** "in 2018", "by the end of 2019", "en 2018": a year, with the year's last day as bound. */
  private static final Pattern IN_YEAR = Pattern.compile("\\b(?:in|en|during|durante|by the end of"
      + "|at the end of|a finales de|a fines de|al cierre de|fin|a la fin de|hasta finales de)\\s+"
      + "(?:(?:el\\s+)?ano\\s+|the year\\s+|l'annee\\s+)?" + YEAR + "\\b");
  private static final Pattern LAST_YEAR = Pattern.compile(
      "\\b(?:last year|el ano pasado|l'an dernier|l'annee derniere|l'an passe|l'annee passee)\\b");
  private static final Pattern WEEKDAY = Pattern.compile("\\b(?:(last|past|pasado|dernier)\\s+)?"
      + "(monday|tuesday|wednesday|thursday|friday|saturday|sunday|lunes|martes|miercoles|jueves"
      + "|viernes|sabado|domingo|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)"
      + "(?:\\s+(pasado|dernier))?\\b");
  private static final Pattern RELATIVE = Pattern.compile("\\b(?:(yesterday|ayer|hier|last night|anoche)"
      + "|(today|hoy|aujourd'hui|this morning|esta manana|ce matin|tonight|esta noche)"
      + "|(last week|past week|la semana pasada|la semaine derniere|la semaine passee)"
      + "|(this week|esta semana|cette semaine)"
      + "|(last month|el mes pasado|le mois dernier))\\b");
  private static final Pattern REPORT_REFERENCE = Pattern.compile("\\b(?:according to|segun|selon)"
      + "\\s+(?:an?|the|un|una|el|la|le)\\s+(?:\\w+\\s+){0,3}?(?:report|informe|reporte|rapport|article"
      + "|articulo|nota)\\b(?:\\s+(?:du|del|de|of|dated|from|fechado)\\s+[^,;]{1,25})?"
      + "|\\b(?:an?|the|un|una|el|le)\\s+(?:[\\w.]+\\s+){1,5}?(?:report|reporte|informe"
      + "|rapport)\\b");

  /** The longest phrase IN_YEAR reads before a year ("hasta finales de el ano "), and more. */
  private static final int YEAR_PHRASE = 32;
  /** Every report reference names a report, an article or a note. */
  private static final List<String> REPORT_STEMS = List.of("report", "informe", "rapport",
      "article", "articulo", "nota");
  /** Substrings every day name, month name (or its abbreviation) and relative date contains. */
  private static final List<String> DAY_STEMS = List.of("day", "lunes", "martes", "miercoles",
      "jueves", "viernes", "sabado", "domingo", "lundi", "mardi", "mercredi", "jeudi", "vendredi",
      "samedi", "dimanche");
  private static final List<String> MONTH_STEMS = List.of("jan", "feb", "fev", "mar", "apr", "abr",
      "avr", "may", "mai", "jun", "juin", "jul", "juil", "aug", "ago", "aout", "sep", "set", "oct",
      "nov", "dec", "dic", "ene");
  private static final List<String> RELATIVE_STEMS = List.of("yesterday", "ayer", "hier", "night",
      "anoche", "today", "hoy", "aujourd", "morning", "manana", "matin", "noche", "week", "semana",
      "semaine", "month", "mes pasado", "mois", "year", "ano pasado", "l'an");

  /** Spans of explicit calendar dates (for the number reader: their digits are not counts). */
  static List<int[]> calendarSpans(String folded, int from, int to) {
    List<int[]> spans = new ArrayList<>();
    CalendarReading calendar = CalendarReading.of(folded, from, to);
    List<int[]> starts = calendar.starts;
    for (int k = 0; k < starts.size(); k++) {
      for (Pattern p : starts.get(k)[1] == MONTH_WORD ? MONTH_FIRST : DIGITS_FIRST) {
        MatchResult m = calendar.lookingAt(p, k);
        if (m != null && !contains(spans, m.start(), m.end())) {
          spans.add(new int[] {m.start(), m.end()});
        }
      }
    }
    return spans;
  }

  /**
   * The date starts of a sentence and the calendar patterns' matches at them, read once for both
   * the number reader ({@link #calendarSpans}) and the date reader, which read the same sentence
   * one after the other: matching them twice was 3-4% of extraction. A thread keeps the last
   * sentence's reading; a text is known by identity, so a reading is only ever reused for the
   * very same characters and span.
   */
  private static final class CalendarReading {
    private static final ThreadLocal<CalendarReading> LAST = new ThreadLocal<>();
    private static final List<Pattern> PATTERNS = List.of(MONTH_DAY, MONTH_YEAR, DAY_MONTH, NUMERIC);
    /** A match tried and not found (null is "not tried yet"). */
    private static final MatchResult NONE = Pattern.compile("").matcher("").toMatchResult();

    private final String folded;
    private final int from;
    private final int to;
    final List<int[]> starts;
    private final int lastMonth;
    /** By start and by pattern (index in {@link #PATTERNS}): the match there, NONE, or null. */
    private final MatchResult[][] matches;
    private Matchers matchers;

    private CalendarReading(String folded, int from, int to) {
      this.folded = folded;
      this.from = from;
      this.to = to;
      this.starts = starts(folded, from, to);
      this.lastMonth = lastMonthWord(starts);
      this.matches = new MatchResult[starts.size()][];
    }

    static CalendarReading of(String folded, int from, int to) {
      CalendarReading last = LAST.get();
      if (last != null && last.folded == folded && last.from == from && last.to == to) {
        return last;
      }
      CalendarReading reading = new CalendarReading(folded, from, to);
      LAST.set(reading);
      return reading;
    }

    /** As {@code mayStart} and then {@code lookingAt} at the k-th start: the match, or null. */
    MatchResult lookingAt(Pattern p, int k) {
      int index = PATTERNS.indexOf(p);
      if (matches[k] == null) {
        matches[k] = new MatchResult[PATTERNS.size()];
      }
      MatchResult known = matches[k][index];
      if (known == null) {
        int[] at = starts.get(k);
        if (matchers == null) {
          matchers = new Matchers(folded);
        }
        Matcher m = mayStart(p, at, folded, to, lastMonth) ? matchers.lookingAt(p, at[0], to) : null;
        known = m == null ? NONE : m.toMatchResult();
        matches[k][index] = known;
      }
      return known == NONE ? null : known;
    }
  }

  static final int MONTH_WORD = 0;
  static final int DIGITS = 1;
  private static final List<Pattern> MONTH_FIRST = List.of(MONTH_DAY, MONTH_YEAR);
  private static final List<Pattern> DIGITS_FIRST = List.of(DAY_MONTH, NUMERIC);

  /**
   * Where a calendar date can start, in text order: a month's name or a run of digits, as
   * {position, MONTH_WORD or DIGITS, end of the word or run}. Trying the patterns only there
   * (rather than at every position) is what makes dates cheap.
   */
  static List<int[]> starts(String folded, int from, int to) {
    List<int[]> starts = new ArrayList<>();
    int i = from;
    while (i < to) {
      char c = folded.charAt(i);
      int end = i;
      if (Character.isDigit(c)) {
        while (end < to && Character.isDigit(folded.charAt(end))) {
          end++;
        }
        starts.add(new int[] {i, DIGITS, end});
      } else if (Character.isLetter(c)) {
        while (end < to && Character.isLetter(folded.charAt(end))) {
          end++;
        }
        if (end - i <= 10 && end - i >= 3 && MONTH_OPENINGS.get(TextFolding.opening(folded, i))
            && MONTHS.containsKey(folded.substring(i, end))) {
          starts.add(new int[] {i, MONTH_WORD, end});
        }
      } else {
        end = i + 1;
      }
      i = end;
    }
    return starts;
  }

  /**
   * The first three letters of every month's name ({@link TextFolding#opening}): most words of
   * a sentence open with none, and are not looked up at all.
   */
  private static final java.util.BitSet MONTH_OPENINGS = new java.util.BitSet();

  static {
    MONTHS.keySet().forEach(name -> MONTH_OPENINGS.set(TextFolding.opening(name, 0)));
  }

  /** The characters of the regex {@code \s}. */
  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
  }

  /** Where the last month's name of the starts begins, or -1. */
  static int lastMonthWord(List<int[]> starts) {
    for (int k = starts.size() - 1; k >= 0; k--) {
      if (starts.get(k)[1] == MONTH_WORD) {
        return starts.get(k)[0];
      }
    }
    return -1;
  }

  /**
   * False only where {@code p} cannot match at a start: a day before its month needs one or two
   * digits and a month's name after them; a numeric date four digits and "-", or one or two
   * digits and "/"; a month before its day or year white space and then a digit (or "de",
   * "of") after it: most "may", "mar" and "dec" of a text are no date.
   */
  static boolean mayStart(Pattern p, int[] at, String folded, int to, int lastMonth) {
    if (p == MONTH_DAY || p == MONTH_YEAR) {
      int i = at[2] < to && folded.charAt(at[2]) == '.' ? at[2] + 1 : at[2];
      if (i >= to || !isSpace(folded.charAt(i))) {
        return false;
      }
      while (i < to && isSpace(folded.charAt(i))) {
        i++;
      }
      char next = i < to ? folded.charAt(i) : ' ';
      return next >= '0' && next <= '9' || p == MONTH_YEAR && (next == 'd' || next == 'o');
    }
    int digits = at[2] - at[0];
    if (p == DAY_MONTH) {
      return digits <= 2 && lastMonth > at[0];
    }
    if (p == NUMERIC) {
      return at[2] < to && (digits == 4 && folded.charAt(at[2]) == '-'
          || digits <= 2 && folded.charAt(at[2]) == '/');
    }
    return true;
  }

  /** One matcher per pattern for the starts of one span: a matcher is dear to make. */
  private static final class Matchers {
    private final String folded;
    private final java.util.IdentityHashMap<Pattern, Matcher> made = new java.util.IdentityHashMap<>(8);

    Matchers(String folded) {
      this.folded = folded;
    }

    Matcher lookingAt(Pattern p, int at, int to) {
      Matcher m = made.computeIfAbsent(p, k -> k.matcher(folded)).region(at, to);
      m.useTransparentBounds(true).useAnchoringBounds(false);
      return m.lookingAt() ? m : null;
    }
  }

  private static boolean contains(List<int[]> spans, int start, int end) {
    for (int[] span : spans) {
      if (span[0] == start && span[1] == end) {
        return true;
      }
    }
    return false;
  }

  public List<DateMention> read(String sentence, LocalDate reportDate) {
    return read(TextFolding.fold(sentence), 0, sentence.length(), reportDate);
  }

  /**
   * All dates in {@code [from, to)} of the folded text, in text order. A pattern runs only where
   * its words can be: digits for calendar dates and years, a day's or a month's name, "week" ...
   */
  List<DateMention> read(String folded, int from, int to, LocalDate reportDate) {
    List<DateMention> found = new ArrayList<>();
    List<int[]> taken = new ArrayList<>();
    Substrings sentence = new Substrings(folded.substring(from, to));
    boolean digits = hasDigit(sentence.text());
    if (!digits && !any(sentence, DAY_STEMS) && !any(sentence, MONTH_STEMS)
        && !any(sentence, RELATIVE_STEMS)) {
      return found;
    }
    boolean monthStems = any(sentence, MONTH_STEMS);
    CalendarReading calendar = digits || monthStems ? CalendarReading.of(folded, from, to) : null;
    List<int[]> starts = calendar != null ? calendar.starts : List.of();
    if (digits) {
      calendarDates(reportDate, found, taken, calendar);
    }
    if (reportDate != null) {
      // A month of a pattern is a whole word (a space or hyphen before it, a boundary after):
      // one of the starts, so a sentence without one runs no month pattern.
      boolean months = monthStems && starts.stream().anyMatch(at -> at[1] == MONTH_WORD);
      relativeDates(folded, from, to, sentence, digits, months, reportDate, found, taken);
    }
    if (!found.isEmpty()) {
      markReportReferences(folded, from, to, found);
    }
    found.sort(Comparator.comparingInt(DateMention::start));
    return found;
  }

  private static boolean hasDigit(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (Character.isDigit(text.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private static boolean any(Substrings sentence, List<String> stems) {
    return sentence.containsAny(stems);
  }

  private static void calendarDates(LocalDate reportDate, List<DateMention> found,
      List<int[]> taken, CalendarReading calendar) {
    List<int[]> starts = calendar.starts;
    for (int k = 0; k < starts.size(); k++) {
      MatchResult m = starts.get(k)[1] == MONTH_WORD ? calendar.lookingAt(MONTH_DAY, k) : null;
      if (m != null) {
        explicit(m.start(), m.end(), MONTHS.get(m.group(1)), m.group(2), m.group(3), reportDate,
            found, taken);
      }
    }
    for (int k = 0; k < starts.size(); k++) {
      MatchResult m = starts.get(k)[1] == DIGITS ? calendar.lookingAt(DAY_MONTH, k) : null;
      if (m != null) {
        explicit(m.start(), m.end(), MONTHS.get(m.group(2)), m.group(1), m.group(3), reportDate,
            found, taken);
      }
    }
    for (int k = 0; k < starts.size(); k++) {
      MatchResult m = starts.get(k)[1] == DIGITS ? calendar.lookingAt(NUMERIC, k) : null;
      if (m != null && m.group(1) != null && free(taken, m.start(), m.end())) {
        LocalDate date = safeDate(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
            Integer.parseInt(m.group(3)));
        if (date != null) {
          add(new DateMention(m.start(), m.end(), date, TimePrecision.DAY,
              DateMention.Source.EXPLICIT), found, taken);
        }
      }
    }
  }

  private static void relativeDates(String folded, int from, int to, Substrings sentence,
      boolean digits, boolean months, LocalDate reportDate, List<DateMention> found,
      List<int[]> taken) {
    StartFilter.Finder m = matcher(WEEKDAY, folded, from, any(sentence, DAY_STEMS) ? to : from);
    while (m.find()) {
      if (!free(taken, m.start(), m.end())) {
        continue;
      }
      DayOfWeek day = WEEKDAYS.get(m.group(2));
      boolean strictlyBefore = m.group(1) != null || m.group(3) != null;
      LocalDate base = strictlyBefore ? reportDate.minusDays(1) : reportDate;
      add(new DateMention(m.start(), m.end(), base.with(TemporalAdjusters.previousOrSame(day)),
          TimePrecision.DAY, DateMention.Source.WEEKDAY), found, taken);
    }
    m = matcher(RELATIVE, folded, from, any(sentence, RELATIVE_STEMS) ? to : from);
    while (m.find()) {
      if (!free(taken, m.start(), m.end())) {
        continue;
      }
      DateMention mention;
      if (m.group(1) != null) {
        mention = new DateMention(m.start(), m.end(), reportDate.minusDays(1), TimePrecision.DAY,
            DateMention.Source.RELATIVE);
      } else if (m.group(2) != null) {
        mention = new DateMention(m.start(), m.end(), reportDate, TimePrecision.DAY,
            DateMention.Source.RELATIVE);
      } else if (m.group(3) != null) {
        LocalDate lastSunday = reportDate.with(TemporalAdjusters.previous(DayOfWeek.SUNDAY));
        if (reportDate.getDayOfWeek() == DayOfWeek.SUNDAY) {
          lastSunday = reportDate.minusWeeks(1);
        }
        mention = new DateMention(m.start(), m.end(), lastSunday, TimePrecision.WEEK,
            DateMention.Source.RELATIVE);
      } else if (m.group(4) != null) {
        mention = new DateMention(m.start(), m.end(), reportDate, TimePrecision.WEEK,
            DateMention.Source.RELATIVE);
      } else {
        mention = new DateMention(m.start(), m.end(),
            reportDate.withDayOfMonth(1).minusDays(1), TimePrecision.MONTH, DateMention.Source.MONTH);
      }
      add(mention, found, taken);
    }
    m = matcher(MONTH_SPAN, folded, from, months ? to : from);
    while (m.find()) {
      if (free(taken, m.start(), m.end())) {
        add(new DateMention(m.start(), m.end(), monthEnd(MONTHS.get(m.group(2)), reportDate),
            TimePrecision.MONTH, DateMention.Source.MONTH), found, taken);
      }
    }
    for (int year : digits ? yearEnds(folded, from, to) : List.<Integer>of()) {
      // "in 2018", "by the end of 2019": the phrase ends with the year; look just before it.
      m = matcher(IN_YEAR, folded, Math.max(from, year - YEAR_PHRASE), year);
      boolean endsHere = false;
      while (!endsHere && m.find()) {
        endsHere = m.end() == year;
      }
      if (!endsHere) {
        continue;
      }
      LocalDate end = LocalDate.of(Integer.parseInt(m.group(1)), 12, 31);
      if (free(taken, m.start(), m.end()) && !LocalDate.of(end.getYear(), 1, 1).isAfter(reportDate)) {
        add(new DateMention(m.start(), m.end(), end.isAfter(reportDate) ? reportDate : end,
            TimePrecision.YEAR, DateMention.Source.YEAR), found, taken);
      }
    }
    m = matcher(LAST_YEAR, folded, from, any(sentence, RELATIVE_STEMS) ? to : from);
    while (m.find()) {
      if (free(taken, m.start(), m.end())) {
        add(new DateMention(m.start(), m.end(), LocalDate.of(reportDate.getYear() - 1, 12, 31),
            TimePrecision.YEAR, DateMention.Source.YEAR), found, taken);
      }
    }
    m = matcher(IN_MONTH, folded, from, months ? to : from);
    while (m.find()) {
      if (!free(taken, m.start(), m.end())) {
        continue;
      }
      add(new DateMention(m.start(), m.end(), monthEnd(MONTHS.get(m.group(1)), reportDate),
          TimePrecision.MONTH, DateMention.Source.MONTH), found, taken);
    }
  }

  /** The last day of the latest such month that starts on or before the report, capped by it. */
  private static LocalDate monthEnd(int month, LocalDate reportDate) {
    LocalDate end = reportDate.withMonth(month).with(TemporalAdjusters.lastDayOfMonth());
    if (end.withDayOfMonth(1).isAfter(reportDate)) {
      end = end.minusYears(1).with(TemporalAdjusters.lastDayOfMonth());
    }
    return end.isAfter(reportDate) ? reportDate : end;
  }

  /** Where each "19xx" or "20xx" standing alone ends. */
  private static List<Integer> yearEnds(String folded, int from, int to) {
    List<Integer> ends = new ArrayList<>();
    for (int i = from; i + 4 <= to; i++) {
      boolean alone = (i == from || !Character.isLetterOrDigit(folded.charAt(i - 1)))
          && (i + 4 == to || !Character.isLetterOrDigit(folded.charAt(i + 4)));
      if (alone && (folded.startsWith("19", i) || folded.startsWith("20", i))
          && Character.isDigit(folded.charAt(i + 2)) && Character.isDigit(folded.charAt(i + 3))) {
        ends.add(i + 4);
      }
    }
    return ends;
  }

  /** "According to a July 2 report": the event is on or before that date, not on it. */
  private static void markReportReferences(String folded, int from, int to, List<DateMention> found) {
    if (!TextFolding.containsAny(folded, from, to, REPORT_STEMS)) {
      return;
    }
    StartFilter.Finder m = matcher(REPORT_REFERENCE, folded, from, to);
    while (m.find()) {
      for (int i = 0; i < found.size(); i++) {
        DateMention d = found.get(i);
        if (d.start() >= m.start() && d.end() <= m.end()) {
          found.set(i, new DateMention(d.start(), d.end(), d.date(), TimePrecision.WEEK,
              DateMention.Source.REPORT_REFERENCE));
        }
      }
    }
  }

  private static void explicit(int start, int end, Integer month, String day, String year,
      LocalDate reportDate, List<DateMention> found, List<int[]> taken) {
    if (month == null || !free(taken, start, end)) {
      return;
    }
    int dayOfMonth = Integer.parseInt(day);
    LocalDate date;
    if (year != null) {
      date = safeDate(Integer.parseInt(year), month, dayOfMonth);
    } else if (reportDate != null) {
      date = safeDate(reportDate.getYear(), month, dayOfMonth);
      if (date != null && date.isAfter(reportDate)) {
        date = safeDate(reportDate.getYear() - 1, month, dayOfMonth);
      }
    } else {
      return;
    }
    if (date != null) {
      add(new DateMention(start, end, date, TimePrecision.DAY, DateMention.Source.EXPLICIT),
          found, taken);
    }
  }

  private static LocalDate safeDate(int year, int month, int day) {
    try {
      return LocalDate.of(year, month, day);
    } catch (java.time.DateTimeException e) {
      return null;
    }
  }

  private static StartFilter.Finder matcher(Pattern p, String folded, int from, int to) {
    return StartFilter.finder(p, folded, from, to);
  }

  private static boolean free(List<int[]> taken, int start, int end) {
    for (int[] span : taken) {
      if (start < span[1] && end > span[0]) {
        return false;
      }
    }
    return true;
  }

  private static void add(DateMention mention, List<DateMention> found, List<int[]> taken) {
    found.add(mention);
    taken.add(new int[] {mention.start(), mention.end()});
  }
}
