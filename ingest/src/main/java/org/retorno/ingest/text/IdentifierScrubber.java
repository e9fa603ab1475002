package org.retorno.ingest.text;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.retorno.schemas.geo.BorderCity;

/**
 * Removes what identifies a person from text before it reaches a topic: e-mail addresses, phone
 * numbers, alien registration numbers (A-numbers), and names in the one pattern that reliably marks
 * a private person in news writing, the age apposition ("Jorge Mejía, 31, said"; "…, de 31 años";
 * "…, 31 ans"). Other names need entity recognition, which this class does not pretend to do.
 *
 * <p>Patterns are conservative about numbers: counts ("16,714"), dates ("2019-07-30") and ranges
 * ("300-1500") must survive, because they are what the pipeline extracts.
 */
public final class IdentifierScrubber {
  public static final String EMAIL = "[email]";
  public static final String PHONE = "[phone]";
  public static final String A_NUMBER = "[a-number]";
  public static final String NAME = "[name]";

  private static final Pattern EMAIL_ADDRESS =
      Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
  private static final Pattern ALIEN_NUMBER = Pattern.compile(
      "\\bA(?:[ -]?#|-|\\s)?\\s?(?:\\d{8,9}|\\d{3}-\\d{3}-\\d{3}|\\d{2}-\\d{3}-\\d{3}|\\d{3} \\d{3} \\d{3})\\b");
  // An area code in parentheses only as a pair: a lone ")" after the number closes the writer's aside.
  private static final Pattern INTERNATIONAL_PHONE =
      Pattern.compile("(?<![\\w+])\\+\\d{1,3}(?:[ .-]?(?:\\(\\d{1,4}\\)|\\d{1,4})){2,5}(?![\\w])");
  private static final Pattern NATIONAL_PHONE = Pattern.compile(
      "(?<![\\w.,/+-])(?:\\(\\d{2,3}\\)\\s?|\\d{2,3}[ .-])\\d{3,4}[ .-]\\d{4}(?![\\w-])"
          + "|(?<![\\w.,/+-])\\d{10,13}(?![\\w.,/-]\\d|\\w)");
  private static final String NAME_WORD = "\\p{Lu}[\\p{L}'’-]+";
  private static final String PARTICLE = "(?:de|del|de la|la|las|los|y|van|von|da|dos|di)";
  private static final Pattern NAME_WITH_AGE = Pattern.compile(
      "\\b(" + NAME_WORD + "(?:\\s+(?:" + PARTICLE + "\\s+)?" + NAME_WORD + "){1,3})"
          + "(,\\s+(?:de\\s+)?\\d{1,2}(?:\\s+(?:años|ans))?,)");
  private static final int ALIEN_NUMBER_DIGITS = 8;
  private static final int INTERNATIONAL_PHONE_DIGITS = 8;
  private static final int NATIONAL_PHONE_DIGITS = 10;

  private IdentifierScrubber() {}

  /**
   * {@link #scrubAll} without the patterns that cannot match: each one needs characters the cell
   * does not have (see {@link CellTraits}). Replacements only remove digits, commas, "@", "+" and
   * "A", so what the cell lacks the text a later pattern sees lacks too, and the result is exactly
   * {@link #scrubAll}'s. Source and URL cells of count tables nearly always carry a digit (a year,
   * a table number) and nothing else these patterns need: they skip all five.
   */
  public static String scrub(String text) {
    if (text == null) {
      return null;
    }
    CellTraits traits = CellTraits.of(text);
    if (traits.digits() == 0 && !traits.at()) {
      return text;
    }
    String scrubbed = traits.at() ? EMAIL_ADDRESS.matcher(text).replaceAll(EMAIL) : text;
    if (traits.capitalA() && traits.digits() >= ALIEN_NUMBER_DIGITS) {
      scrubbed = ALIEN_NUMBER.matcher(scrubbed).replaceAll(A_NUMBER);
    }
    if (traits.plus() && traits.digits() >= INTERNATIONAL_PHONE_DIGITS) {
      scrubbed = replaceWhenPhone(INTERNATIONAL_PHONE, scrubbed, INTERNATIONAL_PHONE_DIGITS);
    }
    if (traits.digits() >= NATIONAL_PHONE_DIGITS) {
      scrubbed = replaceWhenPhone(NATIONAL_PHONE, scrubbed, NATIONAL_PHONE_DIGITS);
    }
    // The age apposition is ", 31," : two commas around the age.
    return traits.commas() >= 2 ? scrubNamesWithAge(scrubbed) : scrubbed;
  }

  /**
   * What each pattern needs at the least: an e-mail an "@"; an A-number a capital A and 8 ASCII
   * digits ({@code \d} is ASCII here); a phone is only replaced with 8 (international, after a
   * "+") or 10 (national) digits, any shorter match is put back as it was; a name with age two
   * commas and a digit.
   */
  record CellTraits(int digits, int commas, boolean at, boolean plus, boolean capitalA) {
    static CellTraits of(String text) {
      int digits = 0;
      int commas = 0;
      boolean at = false;
      boolean plus = false;
      boolean capitalA = false;
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c >= '0' && c <= '9') {
          digits++;
        } else if (c == ',') {
          commas++;
        } else if (c == '@') {
          at = true;
        } else if (c == '+') {
          plus = true;
        } else if (c == 'A') {
          capitalA = true;
        }
      }
      return new CellTraits(digits, commas, at, plus, capitalA);
    }
  }

  /** Every pattern over the whole text: the definition {@link #scrub} must always agree with. */
  static String scrubAll(String text) {
    String scrubbed = EMAIL_ADDRESS.matcher(text).replaceAll(EMAIL);
    scrubbed = ALIEN_NUMBER.matcher(scrubbed).replaceAll(A_NUMBER);
    scrubbed = replaceWhenPhone(INTERNATIONAL_PHONE, scrubbed, INTERNATIONAL_PHONE_DIGITS);
    scrubbed = replaceWhenPhone(NATIONAL_PHONE, scrubbed, NATIONAL_PHONE_DIGITS);
    return scrubNamesWithAge(scrubbed);
  }

  /**
   * Every pattern here needs an ASCII digit or an "@" (an age, a number, an address), so a cell
   * with neither is returned as it is without running five regular expressions over it.
   */
  static boolean mayHoldIdentifier(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '@' || (c >= '0' && c <= '9')) {
        return true;
      }
    }
    return false;
  }

  private static String replaceWhenPhone(Pattern pattern, String text, int minimumDigits) {
    Matcher matcher = pattern.matcher(text);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      long digits = matcher.group().chars().filter(Character::isDigit).count();
      String replacement = digits >= minimumDigits && digits <= 15 ? PHONE : matcher.group();
      matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  private static String scrubNamesWithAge(String text) {
    Matcher matcher = NAME_WITH_AGE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String candidate = matcher.group(1);
      // A capitalised word opening the sentence ("Selon", "The") is not part of the name.
      String[] words = candidate.split("\\s+");
      int first = 0;
      while (first < words.length - 1 && LanguageDetector.isFunctionWord(words[first])) {
        first++;
      }
      String kept = String.join(" ", java.util.Arrays.copyOfRange(words, 0, first));
      String name = String.join(" ", java.util.Arrays.copyOfRange(words, first, words.length));
      // "Ciudad Juárez, 69, ..." is a place followed by a number, not a person and an age.
      String replacement = BorderCity.byName(name).isPresent() ? matcher.group()
          : (kept.isEmpty() ? "" : kept + " ") + NAME + matcher.group(2);
      matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    matcher.appendTail(out);
    return out.toString();
  }
}
