package org.retorno.ingest.text;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Month names and their usual abbreviations in English, Spanish and French. */
public final class MonthNames {
  private static final Map<String, Integer> MONTHS = new HashMap<>();

  static {
    String[][] names = {
        {"january", "jan", "enero", "ene", "janvier", "janv"},
        {"february", "feb", "febrero", "fevrier", "fevr", "fev"},
        {"march", "mar", "marzo", "mars"},
        {"april", "apr", "abril", "abr", "avril", "avr"},
        {"may", "mayo", "mai"},
        {"june", "jun", "junio", "juin"},
        {"july", "jul", "julio", "juillet", "juil"},
        {"august", "aug", "agosto", "ago", "aout"},
        {"september", "sep", "sept", "septiembre", "setiembre", "set", "septembre"},
        {"october", "oct", "octubre", "octobre"},
        {"november", "nov", "noviembre", "novembre"},
        {"december", "dec", "diciembre", "dic", "decembre"}};
    for (int month = 0; month < names.length; month++) {
      for (String name : names[month]) {
        MONTHS.put(name, month + 1);
      }
    }
  }

  private MonthNames() {}

  /** 1–12 for a month name or abbreviation, any case, accents or trailing dot; empty otherwise. */
  public static Optional<Integer> month(String word) {
    String folded = Normalizer.normalize(word, Normalizer.Form.NFD)
        .replaceAll("\\p{M}+", "")
        .toLowerCase(Locale.ROOT)
        .replaceAll("\\.$", "");
    return Optional.ofNullable(MONTHS.get(folded));
  }

  /** A regex alternative matching any month word (accents allowed), for use inside larger patterns. */
  public static final String WORD = "\\p{L}{3,10}\\.?";
}
