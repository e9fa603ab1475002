package org.retorno.streams.extract;

import java.util.Map;
import java.util.Set;

/**
 * Tells English, Spanish and French apart by their commonest words. Feeds often declare one
 * language for every item; a text that is clearly in another language is labelled as what it is.
 */
final class LanguageGuesser {
  private static final Map<String, Set<String>> STOPWORDS = Map.of(
      "en", Set.of("the", "and", "of", "to", "were", "was", "said", "with", "for", "from", "that",
          "by", "their", "on", "is", "are", "who", "had", "been", "have"),
      "es", Set.of("el", "los", "las", "que", "y", "fueron", "del", "por", "con", "una", "para",
          "su", "sus", "se", "al", "como", "mas", "pero", "entre", "segun"),
      "fr", Set.of("le", "les", "des", "et", "du", "une", "ont", "sont", "au", "aux", "pour", "dans",
          "qui", "est", "sur", "par", "ete", "leur", "leurs", "selon"));
  /** For each stopword, the languages it belongs to (1 English, 2 Spanish, 4 French): one lookup a word. */
  private static final Map<String, Integer> LANGUAGES = new java.util.HashMap<>();

  static {
    int bit = 1;
    for (String language : java.util.List.of("en", "es", "fr")) {
      for (String word : STOPWORDS.get(language)) {
        LANGUAGES.merge(word, bit, (a, b) -> a | b);
      }
      bit <<= 1;
    }
  }

  /** Longer words are no stopword: they are not looked up. */
  private static final int MAX_STOPWORD =
      LANGUAGES.keySet().stream().mapToInt(String::length).max().orElse(0);

  private static final WordGate STOPWORD_GATE = new WordGate(LANGUAGES.keySet());
  private static final int SAMPLE = 3000;
  private static final int MINIMUM_HITS = 3;

  private LanguageGuesser() {}

  /** The language of the text, or {@code declared} when the text does not say clearly. */
  static String guess(String folded, String declared) {
    int en = 0;
    int es = 0;
    int fr = 0;
    int end = Math.min(folded.length(), SAMPLE);
    int i = 0;
    while (i < end) {
      if (!Character.isLetter(folded.charAt(i))) {
        i++;
        continue;
      }
      int start = i;
      while (i < end && Character.isLetter(folded.charAt(i))) {
        i++;
      }
      if (i - start > MAX_STOPWORD || !STOPWORD_GATE.mayContain(folded, start, i)) {
        continue;
      }
      Integer languages = LANGUAGES.get(folded.substring(start, i));
      if (languages != null) {
        en += languages & 1;
        es += (languages >> 1) & 1;
        fr += (languages >> 2) & 1;
      }
    }
    String best = en >= es && en >= fr ? "en" : es >= fr ? "es" : "fr";
    int top = Math.max(en, Math.max(es, fr));
    int second = en + es + fr - top - Math.min(en, Math.min(es, fr));
    if (top >= MINIMUM_HITS && top >= 2 * second) {
      return best;
    }
    return declared;
  }
}
