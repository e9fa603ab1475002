package org.retorno.ingest.counts;

import java.util.Optional;
import java.util.regex.Pattern;
import org.retorno.ingest.InputRejectedException;
import org.retorno.ingest.Reason;

/**
 * A count as a table writes it: digits, optionally grouped by thousands. Counts are whole numbers,
 * which settles most cases: "16,714" can only be sixteen thousand (a decimal would not be a count),
 * and so can "1.234.567". "16.714" cannot be settled: in a Spanish-convention table it is 16714, in an
 * English one a malformed decimal. It is accepted only when the file declares its separator.
 */
final class CountValue {
  private static final Pattern COMMA_GROUPS = Pattern.compile("\\d{1,3}(,\\d{3})+");
  private static final Pattern DOT_GROUPS = Pattern.compile("\\d{1,3}(\\.\\d{3})+");
  private static final Pattern SPACE_GROUPS = Pattern.compile("\\d{1,3}([ \\u00a0\\u202f]\\d{3})+");
  private static final Pattern ONE_DOT_GROUP = Pattern.compile("\\d{1,3}\\.\\d{3}");
  private static final Pattern NEGATIVE = Pattern.compile("[-\\u2212]\\s*\\d[\\d.,\\s\\u00a0\\u202f]*");

  private CountValue() {}

  static long parse(String raw, Optional<ThousandsSeparator> declared) throws InputRejectedException {
    String value = raw.strip();
    if (isAsciiDigits(value)) {
      // Plain digits, as most counts are, without a regular expression (what the pattern \d+ matched: ASCII digits).
      return toLong(value);
    }
    if (NEGATIVE.matcher(value).matches()) {
      throw new InputRejectedException(Reason.NEGATIVE_VALUE);
    }
    if (declared.isPresent()) {
      Pattern groups = switch (declared.get()) {
        case DOT -> DOT_GROUPS;
        case COMMA -> COMMA_GROUPS;
        case SPACE -> SPACE_GROUPS;
      };
      if (groups.matcher(value).matches()) {
        return toLong(value.replaceAll("[^\\d]", ""));
      }
      throw new InputRejectedException(Reason.NON_NUMERIC_VALUE, null,
          "not a whole number with the declared thousands separator");
    }
    if (ONE_DOT_GROUP.matcher(value).matches()) {
      throw new InputRejectedException(Reason.AMBIGUOUS_NUMBER, null,
          "declare it with a '# thousands-separator: .' or ',' line before the header");
    }
    if (COMMA_GROUPS.matcher(value).matches() || DOT_GROUPS.matcher(value).matches()
        || SPACE_GROUPS.matcher(value).matches()) {
      return toLong(value.replaceAll("[^\\d]", ""));
    }
    throw new InputRejectedException(Reason.NON_NUMERIC_VALUE);
  }

  private static boolean isAsciiDigits(String value) {
    if (value.isEmpty()) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static long toLong(String digits) throws InputRejectedException {
    try {
      return Long.parseLong(digits);
    } catch (NumberFormatException e) {
      throw new InputRejectedException(Reason.NON_NUMERIC_VALUE, null, "too large");
    }
  }
}
