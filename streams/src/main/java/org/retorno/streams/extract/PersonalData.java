package org.retorno.streams.extract;

import java.util.regex.Pattern;

/**
 * Patterns for identifiers that must never be stored: e-mail addresses, alien registration
 * numbers (A followed by 8 or 9 digits, however grouped and labelled) and phone numbers. Shared by
 * the scrubber and by the number reader (a phone number's digits are not a count).
 */
final class PersonalData {
  static final Pattern EMAIL = Pattern.compile(
      "[\\p{L}\\p{N}._%+-]+(?:@|\\s?[\\[(](?:at|arroba)[\\])]\\s?)[\\p{L}\\p{N}-]+"
          + "(?:(?:\\.|\\s?[\\[(](?:dot|punto|point)[\\])]\\s?)[\\p{L}\\p{N}-]+)+");
  static final Pattern A_NUMBER = Pattern.compile(
      "(?:\\b[Aa](?:[-\\s]?(?i:number|no\\.?|num\\.?|#))?"
          + "|(?i:\\balien(?:\\s+registration)?\\s+(?:number|no\\.?|#)|\\bn[uú]mero\\s+(?:de\\s+)?a\\b"
          + "|\\bnum[ée]ro\\s+a\\b))"
          + "[\\s#:.-]{0,3}(?:\\d{8,9}|\\d{2,3}[\\s-]\\d{3}[\\s-]\\d{3})(?!\\d)");
  /**
   * International (+52 664 555 0199), North American ((915) 555-0199, 915-555-0199) and grouped
   * local numbers; ten or more digits in a row also count.
   */
  static final Pattern PHONE = Pattern.compile(
      "(?<![\\d\\p{L}])(?:"
          + "\\+\\d{1,3}(?:[\\s.-]?(?:\\(\\d{1,4}\\)|\\d{1,4})){2,5}"
          + "|\\(\\d{2,4}\\)\\s?\\d{3,4}[\\s.-]?\\d{4}"
          + "|\\d{3}[.-]\\d{3}[.-]\\d{4}"
          + "|\\d{2,3}\\s\\d{3,4}\\s\\d{4}"
          + "|\\d{10,13}"
          + ")(?![\\d\\p{L}])");
  /**
   * A seven-digit local number ("555-0142") is a phone only after a word that says so: without
   * the cue it reads as a range. Group 1 is the number.
   */
  static final Pattern CUED_PHONE = Pattern.compile("(?i)\\b(?:tel|tel[eé]fono|t[eé]l[eé]phone|phone"
      + "|cel|cell|celular|m[oó]vil|whatsapp|call|llame|llamar|llamen|appeler|appelez)\\b\\.?:?\\s*"
      + "(?:(?:at|al|au)\\s+)?(\\d{3}[-.\\s]\\d{4})(?![\\d\\p{L}])");

  /** Digits grouped as a phone number is ("664 555 0199", "915-555-0199"). */
  private static final Pattern PHONE_SHAPE = Pattern.compile("\\d{2,3}[.\\s-]\\d{3,4}[.\\s-]\\d{4}");
  private static final Pattern GROUPED_A_NUMBER = Pattern.compile("\\d{2,3}[\\s-]\\d{3}[\\s-]\\d{3}");
  private static final Pattern SEVEN_DIGITS = Pattern.compile("\\d{3}[-.\\s]\\d{4}");

  private PersonalData() {}

  /**
   * Which identifier patterns can match in {@code [from, to)}, from its marks alone: each pattern
   * is tried only where it can match (they are tried at every position otherwise, which was
   * a tenth of the extractor's time). Every condition is necessary for its pattern.
   */
  record Marks(boolean email, boolean aNumber, boolean phone, boolean cuedPhone) {

    static Marks of(String text, int from, int to) {
      int digits = 0;
      int run = 0;
      int longestRun = 0;
      boolean emailMark = false;
      boolean phoneMark = false;
      boolean gapped = false;
      for (int i = from; i < to; i++) {
        char c = text.charAt(i);
        if (c >= '0' && c <= '9') {
          digits++;
          longestRun = Math.max(longestRun, ++run);
          gapped |= i - 2 >= from && isDigit(text.charAt(i - 2)) && isGap(text.charAt(i - 1));
          continue;
        }
        run = 0;
        if (c == '@' || c == '[' || c == '(') {
          emailMark = true; // "@", "[at]", "(at)"
        }
        if (c == '+' || c == '(') {
          phoneMark = true;
        }
      }
      // An A-number has eight digits in a row or grouped 2-3/3/3; a phone three after "+", nine
      // in a "(915)" or grouped form, ten in a row; a cued local number "555-0142".
      // The grouped shapes need a digit, a separator and a digit ("gapped").
      boolean aNumber = longestRun >= 8
          || digits >= 8 && gapped && find(GROUPED_A_NUMBER, text, from, to);
      boolean phone = longestRun >= 10 || digits >= 3 && phoneMark
          || digits >= 9 && gapped && find(PHONE_SHAPE, text, from, to);
      boolean cued = digits >= 7 && gapped && find(SEVEN_DIGITS, text, from, to);
      return new Marks(emailMark, aNumber, phone, cued);
    }

    private static boolean isDigit(char c) {
      return c >= '0' && c <= '9';
    }

    /** The separators of the grouped shapes: [.\s-] and its subsets. */
    private static boolean isGap(char c) {
      return c == '.' || c == '-' || c == ' ' || c == '\t' || c == '\n' || c == '\013'
          || c == '\f' || c == '\r';
    }

    private static boolean find(Pattern p, String text, int from, int to) {
      // These patterns have no boundary or look-around: the region's bounds do not matter.
      return StartFilter.finder(p, text, from, to).find();
    }
  }
}
