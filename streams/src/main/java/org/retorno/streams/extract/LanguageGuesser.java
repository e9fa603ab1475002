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
      String word = folded.substring(start, i);
      en += STOPWORDS.get("en").contains(word) ? 1 : 0;
      es += STOPWORDS.get("es").contains(word) ? 1 : 0;
      fr += STOPWORDS.get("fr").contains(word) ? 1 : 0;
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
