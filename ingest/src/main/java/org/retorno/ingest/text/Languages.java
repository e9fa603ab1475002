package org.retorno.ingest.text;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Language tags as sources write them ("en-US", "es_MX", "EN") reduced to ISO 639-1. */
public final class Languages {
  private static final Pattern TAG = Pattern.compile("([a-zA-Z]{2})(?:[-_][a-zA-Z0-9]{1,8})*");

  private Languages() {}

  /** @return the lower-case two-letter code, or null when the value is not a language tag */
  public static String iso639_1(String tag) {
    if (tag == null) {
      return null;
    }
    Matcher matcher = TAG.matcher(tag.strip());
    return matcher.matches() ? matcher.group(1).toLowerCase(Locale.ROOT) : null;
  }

  /** The first of the candidates that is a language tag, in ISO 639-1; null when none is. */
  public static String firstOf(String... candidates) {
    for (String candidate : candidates) {
      String code = iso639_1(candidate);
      if (code != null) {
        return code;
      }
    }
    return null;
  }
}
