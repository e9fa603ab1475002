package org.retorno.streams.extract;

import java.util.HashMap;
import java.util.Map;

/**
 * Numbers written as words in English, Spanish and French, up to the thousands: "seventy",
 * "setenta y dos", "soixante-dix", "quatre-vingt-dix-sept", "two thousand five hundred".
 * Words are folded (no accents). Articles ("un", "una", "une", "a") are not numbers on their own.
 */
final class NumberWords {
  static final int HUNDRED = -100;
  static final int THOUSAND = -1000;
  private static final Map<String, Integer> WORDS = new HashMap<>();
  /** Values that only count after a connector or inside a compound ("treinta y un", "vingt et un"). */
  private static final Map<String, Integer> AFTER_CONNECTOR = Map.of("un", 1, "una", 1, "une", 1,
      "uno", 1, "onze", 11);

  static {
    put(1, "one", "uno");
    put(2, "two", "dos", "deux");
    put(3, "three", "tres", "trois");
    put(4, "four", "cuatro", "quatre");
    put(5, "five", "cinco", "cinq");
    put(6, "six", "seis");
    put(7, "seven", "siete", "sept");
    put(8, "eight", "ocho", "huit");
    put(9, "nine", "nueve", "neuf");
    put(10, "ten", "diez", "dix");
    put(11, "eleven", "once", "onze");
    put(12, "twelve", "doce", "douze");
    put(13, "thirteen", "trece", "treize");
    put(14, "fourteen", "catorce", "quatorze");
    put(15, "fifteen", "quince", "quinze");
    put(16, "sixteen", "dieciseis", "seize");
    put(17, "seventeen", "diecisiete");
    put(18, "eighteen", "dieciocho");
    put(19, "nineteen", "diecinueve");
    put(20, "twenty", "veinte", "vingt", "vingts");
    put(21, "veintiuno", "veintiun", "veintiuna");
    put(22, "veintidos");
    put(23, "veintitres");
    put(24, "veinticuatro");
    put(25, "veinticinco");
    put(26, "veintiseis");
    put(27, "veintisiete");
    put(28, "veintiocho");
    put(29, "veintinueve");
    put(30, "thirty", "treinta", "trente");
    put(40, "forty", "cuarenta", "quarante");
    put(50, "fifty", "cincuenta", "cinquante");
    put(60, "sixty", "sesenta", "soixante");
    put(70, "seventy", "setenta");
    put(80, "eighty", "ochenta");
    put(90, "ninety", "noventa");
    put(100, "cien", "ciento");
    put(200, "doscientos", "doscientas");
    put(300, "trescientos", "trescientas");
    put(400, "cuatrocientos", "cuatrocientas");
    put(500, "quinientos", "quinientas");
    put(600, "seiscientos", "seiscientas");
    put(700, "setecientos", "setecientas");
    put(800, "ochocientos", "ochocientas");
    put(900, "novecientos", "novecientas");
    put(HUNDRED, "hundred", "cent", "cents");
    put(THOUSAND, "thousand", "mil", "mille");
  }

  /** Most words are no number word: they are not cut out and looked up. */
  private static final WordGate GATE = new WordGate(WORDS.keySet());

  private NumberWords() {}

  /** False only when {@code [start, end)} of {@code folded} is no number word. */
  static boolean mayBeWord(String folded, int start, int end) {
    return GATE.mayContain(folded, start, end);
  }

  private static void put(int value, String... words) {
    for (String word : words) {
      WORDS.put(word, value);
    }
  }

  /** The value of one folded word (HUNDRED and THOUSAND are multipliers), or null. */
  static Integer word(String folded) {
    return WORDS.get(folded);
  }

  static boolean isConnector(String folded) {
    return folded.equals("and") || folded.equals("y") || folded.equals("et");
  }

  /** A word that only counts after a connector: "un" in "treinta y un". */
  static Integer afterConnector(String folded) {
    return AFTER_CONNECTOR.get(folded);
  }

  /** Accumulates words left to right; refuses a word that cannot continue the number. */
  static final class Builder {
    private long total;
    private long current;
    private long lastAdded = Long.MAX_VALUE;
    private int previousWord;
    private int words;

    boolean add(int value) {
      if (value == HUNDRED) {
        current = (current == 0 ? 1 : current) * 100;
        lastAdded = 100;
      } else if (value == THOUSAND) {
        if (total > 0) {
          return false;
        }
        total = (current == 0 ? 1 : current) * 1000;
        current = 0;
        lastAdded = 1000;
      } else if (value == 20 && previousWord == 4 && current % 100 == 4) {
        current += 76; // quatre-vingt: 4 x 20
        lastAdded = 20;
      } else if (fits(value)) {
        current += value;
        lastAdded = value;
      } else {
        return false;
      }
      previousWord = value;
      words++;
      return true;
    }

    private boolean fits(int value) {
      if (words == 0) {
        return true;
      }
      long rest = current % 100;
      if ((rest == 60 || rest == 80) && value >= 10 && value <= 19) {
        return true; // soixante-dix, quatre-vingt-onze
      }
      if (value >= 100) {
        return current == 0 && lastAdded >= 1000;
      }
      long order = value >= 10 ? 100 : 10;
      return lastAdded > value && current % order == 0 || lastAdded >= 100 && rest == 0;
    }

    boolean isEmpty() {
      return words == 0;
    }

    long value() {
      return total + current;
    }
  }
}
