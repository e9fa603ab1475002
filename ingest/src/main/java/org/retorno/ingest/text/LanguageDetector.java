package org.retorno.ingest.text;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells English, Spanish and French apart by their function words. Each word of the text found in a
 * language's list scores for that language; a word shared by several lists ("de", "la", "en") is
 * split between them, so the words only one language uses decide. Returns null when the text has
 * too few function words, or when the best language does not clearly lead.
 */
public final class LanguageDetector {
  /** Fewer function words than this is not a profile, e.g. a headline or a list of names. */
  static final double MINIMUM_SCORE = 3.0;
  /** The best language must score this many times the runner-up. */
  static final double MINIMUM_LEAD = 1.5;
  private static final int MAXIMUM_WORDS = 5_000;
  private static final Pattern WORD = Pattern.compile("[\\p{L}']+");

  private static final Map<String, Set<String>> STOP_WORDS = Map.of(
      "en", Set.of("the", "of", "and", "to", "in", "is", "that", "for", "it", "with", "was", "on",
          "as", "are", "be", "by", "this", "at", "from", "or", "have", "an", "they", "which", "were",
          "their", "has", "been", "who", "would", "there", "had", "not", "but", "what", "when",
          "said", "will", "into", "its", "them", "these", "than", "other", "we", "our", "after"),
      "es", Set.of("el", "la", "de", "que", "y", "en", "los", "las", "del", "se", "por", "un",
          "una", "con", "no", "para", "es", "al", "lo", "como", "más", "pero", "sus", "su", "le",
          "ha", "fue", "son", "entre", "sin", "sobre", "también", "este", "esta", "fueron", "desde",
          "donde", "hasta", "muy", "ya", "porque", "cuando", "bajo", "según", "otros", "nos"),
      "fr", Set.of("le", "la", "les", "de", "des", "du", "et", "en", "un", "une", "est", "que",
          "qui", "dans", "pour", "pas", "au", "aux", "sur", "avec", "ce", "ces", "par", "il", "elle",
          "ont", "sont", "été", "ne", "plus", "mais", "ou", "leur", "leurs", "son", "sa", "se",
          "nous", "vous", "selon", "dont", "cette", "aussi", "sans", "entre", "était", "ils"));

  private static final Map<String, Map<String, Double>> WEIGHTS = weights();

  private LanguageDetector() {}

  /** @return "en", "es", "fr", or null when unsure */
  public static String detect(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    Map<String, Double> scores = new HashMap<>();
    Matcher words = WORD.matcher(Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT));
    int seen = 0;
    while (words.find() && seen++ < MAXIMUM_WORDS) {
      Map<String, Double> weights = WEIGHTS.get(words.group());
      if (weights != null) {
        weights.forEach((language, weight) -> scores.merge(language, weight, Double::sum));
      }
    }
    List<Map.Entry<String, Double>> ranked = scores.entrySet().stream()
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
        .toList();
    if (ranked.isEmpty() || ranked.get(0).getValue() < MINIMUM_SCORE) {
      return null;
    }
    double runnerUp = ranked.size() > 1 ? ranked.get(1).getValue() : 0.0;
    return ranked.get(0).getValue() >= MINIMUM_LEAD * runnerUp ? ranked.get(0).getKey() : null;
  }

  /** Whether the word (any case) is a function word of English, Spanish or French. */
  public static boolean isFunctionWord(String word) {
    return WEIGHTS.containsKey(word.toLowerCase(Locale.ROOT));
  }

  private static Map<String, Map<String, Double>> weights() {
    Map<String, Map<String, Double>> byWord = new HashMap<>();
    STOP_WORDS.forEach((language, words) ->
        words.forEach(word -> byWord.computeIfAbsent(word, w -> new HashMap<>()).put(language, 0.0)));
    byWord.values().forEach(languages -> languages.replaceAll((language, zero) -> 1.0 / languages.size()));
    return byWord;
  }
}
