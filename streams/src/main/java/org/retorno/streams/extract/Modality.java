package org.retorno.streams.extract;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides whether a cue is asserted as a fact. Negation ("no reportaron secuestros", "were not
 * kidnapped", "denied"), modality and the future ("could", "will", "plans to", "podría",
 * "se espera", "pourrait", "next month"), conditions ("if", "si") and questions all block a claim,
 * when they stand in the same clause as the cue or its count.
 */
public final class Modality {
  private static final Pattern CLAUSE_BOUNDARY = Pattern.compile(";|,\\s+(?:but|and|while|whereas"
      + "|although|though|pero|y|mientras|aunque|mais|et|alors que|tandis que|where|who|which|donde"
      + "|quienes|ou|qui)\\b|\\s(?:but|pero|mais|whereas|although|aunque|mientras que|tandis que)\\s");
  /** Words that negate their clause ("n't" is read apart). */
  private static final Set<String> NEGATION = Set.of("not", "never", "none", "nobody", "neither",
      "nor", "no", "ningun", "ninguno", "ninguna", "nadie", "nunca", "jamas", "tampoco", "pas",
      "jamais", "aucun", "aucune", "nullement", "denied", "deny", "denies", "denying", "nego",
      "negaron", "niega", "niegan", "desmintio", "desmintieron", "dementi", "dementent");
  /** Words that make their clause a possibility, a plan, a condition or a fear, not a fact. */
  private static final Set<String> MODAL = Set.of("will", "would", "could", "might", "shall",
      "should", "must", "may", "can", "cannot", "if", "unless", "whether", "risk", "risks",
      "podria", "podrian", "podra", "podran", "puede", "pueden", "deberia", "deberian", "debera",
      "deberan", "habra", "iria", "irian", "planea", "planean", "planeaba", "preve", "preven", "si",
      "riesgo", "pourrait", "pourraient", "pourra", "pourront", "peut", "peuvent", "devrait",
      "devraient", "devra", "devront", "seront", "sera", "seran", "prevoit", "prevu", "prevue",
      "risque", "proximamente", "prochainement", "tomorrow", "demain", "fear", "fears", "feared",
      "fearing", "afraid", "temen", "temian", "temor", "miedo", "craignent", "craignaient", "craint",
      "peur");
  /** Most words are neither negations nor modals: they are not cut out and looked up. */
  private static final WordGate NEGATION_GATE = new WordGate(NEGATION);
  private static final WordGate MODAL_GATE = new WordGate(MODAL);
  /** Phrases that do the same; run only where one of {@link #PHRASE_STEMS} occurs. */
  private static final Pattern MODAL_PHRASE = Pattern.compile("\\b(?:going to|plans? to|planned to"
      + "|planning to|intends? to|intended to|expects? to|expected to|is expected|are expected"
      + "|scheduled to|set to|about to|at risk|threaten(?:ed|s)? to|van a|va a|se espera"
      + "|espera que|esperan que|en caso de|a punto de|amenazaron con|va etre|vont etre|menace de"
      + "|next week|next month|next year|in the coming|coming weeks|la proxima semana"
      + "|el proximo mes|proximas semanas|le mois prochain|la semaine prochaine"
      + "|prochaines semaines)\\b");
  private static final List<String> PHRASE_STEMS = List.of("going to", "plan", "intend", "expect",
      "scheduled", "set to", "about to", "threaten", "at risk", "va a", "van a", "espera", "en caso",
      "a punto", "amenazaron", "etre", "menace", "next ", "coming", "proxim", "prochain");
  /** "was never solved", "no ha sido esclarecido": the inquiry is negated, not the event. */
  private static final Pattern INQUIRY_AFTER = Pattern.compile("\\G(?:\\s+\\w+){0,2}?\\s+(?:solved"
      + "|investigated|prosecuted|punished|resolved|charged|arrested|identified|found|esclarecid[oa]s?"
      + "|resuelt[oa]s?|castigad[oa]s?|investigad[oa]s?|identificad[oa]s?|elucidee?s?|resolue?s?"
      + "|punie?s?|identifiee?s?)\\b");
  /** "3 migrants who disappeared": a relative pronoun between the count and its cue. */
  private static final Pattern RELATIVE_PRONOUN = Pattern.compile(
      "\\b(?:who|that|which|que|quienes|qui|lesquels|lesquelles)\\b");
  /** Spanish future tense, read on the original text: the accent tells "devolverán" from "para". */
  private static final Pattern SPANISH_FUTURE = Pattern.compile(
      "(?iu)\\b\\p{L}+(?:ará|erá|irá|arán|erán|irán)\\b");
  private static final Pattern POSSESSIVE_BEFORE_WILL = Pattern.compile(
      "(?:their|his|her|own|free|against|good|ill)\\s+$");

  public boolean asserted(String sentence, int cueStart, int cueEnd, int countStart, int countEnd) {
    return asserted(sentence, TextFolding.fold(sentence), 0, sentence.length(), cueStart, cueEnd,
        countStart, countEnd);
  }

  /** True when nothing in the clause of the cue and its count negates or hedges it. */
  boolean asserted(String original, String folded, int from, int to, int cueStart, int cueEnd,
      int countStart, int countEnd) {
    return asserted(original, folded, from, to, clauseBoundaries(folded, from, to), cueStart,
        cueEnd, countStart, countEnd);
  }

  /**
   * The clause boundaries of {@code [from, to)}, each {start, end}, in text order: found once a
   * sentence, they serve every cue of it.
   */
  static List<int[]> clauseBoundaries(String folded, int from, int to) {
    List<int[]> boundaries = new java.util.ArrayList<>();
    StartFilter.Finder b = StartFilter.finder(CLAUSE_BOUNDARY, folded, from, to);
    while (b.find()) {
      boundaries.add(new int[] {b.start(), b.end()});
    }
    return boundaries;
  }

  /** As above, with the sentence's {@link #clauseBoundaries}. */
  boolean asserted(String original, String folded, int from, int to, List<int[]> boundaries,
      int cueStart, int cueEnd, int countStart, int countEnd) {
    if (endsWithQuestion(original, from, to)) {
      return false;
    }
    int left = Math.min(cueStart, countStart);
    int right = Math.max(cueEnd, countEnd);
    int clauseStart = from;
    int clauseEnd = to;
    for (int[] b : boundaries) {
      if (b[1] <= left) {
        clauseStart = b[1];
      } else if (b[0] >= right) {
        clauseEnd = b[0];
        break;
      }
    }
    // "Relatives of 3 migrants who disappeared ... can call": what a relative clause says about
    // its group holds whatever the main clause does, and only its own hedges count.
    if (countEnd <= cueStart) {
      StartFilter.Finder pronoun = StartFilter.finder(RELATIVE_PRONOUN, folded, countEnd, cueStart);
      if (pronoun.find()) {
        clauseStart = Math.max(clauseStart, pronoun.start());
        clauseEnd = Math.min(clauseEnd, cueEnd);
      }
    }
    return !negated(folded, clauseStart, clauseEnd, cueStart, cueEnd)
        && !hedged(original, folded, clauseStart, clauseEnd, cueStart, cueEnd)
        && !(hasAccentedA(original, clauseStart, clauseEnd)
        && hedged(SPANISH_FUTURE, original, clauseStart, clauseEnd, cueStart, cueEnd));
  }

  private static boolean negated(String folded, int from, int to, int cueStart, int cueEnd) {
    int i = from;
    while (i < to) {
      if (!Character.isLetter(folded.charAt(i))) {
        i++;
        continue;
      }
      int start = i;
      while (i < to && Character.isLetter(folded.charAt(i))) {
        i++;
      }
      if (start < cueEnd && i > cueStart) {
        continue;
      }
      if (!NEGATION_GATE.mayContain(folded, start, i) && !(i - start == 1 && folded.charAt(start) == 't')) {
        continue;
      }
      String word = folded.substring(start, i);
      boolean negation = NEGATION.contains(word) && !(word.equals("no") && caseNumber(folded, i, to))
          || word.equals("t") && start >= 2 && folded.charAt(start - 1) == '\''
          && folded.charAt(start - 2) == 'n';
      if (!negation) {
        continue;
      }
      Matcher inquiry = INQUIRY_AFTER.matcher(folded).region(i, to);
      inquiry.useTransparentBounds(true);
      if (start >= cueEnd && inquiry.lookingAt()) {
        continue; // "was never solved": the inquiry is negated, not the event
      }
      return true;
    }
    return false;
  }

  /** "No. 45": the abbreviation of number, not a negation. */
  private static boolean caseNumber(String folded, int end, int to) {
    int i = end;
    if (i >= to || folded.charAt(i) != '.') {
      return false;
    }
    i++;
    while (i < to && Character.isWhitespace(folded.charAt(i))) {
      i++;
    }
    return i < to && Character.isDigit(folded.charAt(i));
  }

  private static boolean hedged(String original, String folded, int from, int to, int cueStart,
      int cueEnd) {
    int i = from;
    while (i < to) {
      if (!Character.isLetter(folded.charAt(i))) {
        i++;
        continue;
      }
      int start = i;
      while (i < to && Character.isLetter(folded.charAt(i))) {
        i++;
      }
      if (start < cueEnd && i > cueStart) {
        continue; // the marker is the cue itself: "threatened to" is a threat
      }
      if (!MODAL_GATE.mayContain(folded, start, i)) {
        continue;
      }
      String word = folded.substring(start, i);
      if (!MODAL.contains(word)) {
        continue;
      }
      if (word.equals("may") && Character.isUpperCase(original.charAt(start))) {
        continue; // the month
      }
      if (word.equals("will") && StartFilter.find(POSSESSIVE_BEFORE_WILL,
          folded.substring(Math.max(from, start - 12), start))) {
        continue; // "against their will"
      }
      return true;
    }
    return TextFolding.containsAny(folded, from, to, PHRASE_STEMS)
        && hedged(MODAL_PHRASE, folded, from, to, cueStart, cueEnd);
  }

  private static boolean hedged(Pattern p, String text, int from, int to, int cueStart, int cueEnd) {
    StartFilter.Finder m = StartFilter.finder(p, text, from, to);
    while (m.find()) {
      if (m.start() < cueEnd && m.end() > cueStart) {
        continue; // the marker is the cue itself: "threatened to" is a threat
      }
      return true;
    }
    return false;
  }

  private static boolean hasAccentedA(String original, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = original.charAt(i);
      if (c == '\u00E1' || c == '\u00C1') {
        return true;
      }
    }
    return false;
  }

  private static boolean endsWithQuestion(String original, int from, int to) {
    for (int i = to - 1; i >= from; i--) {
      char c = original.charAt(i);
      if (c == '?') {
        return true;
      }
      if (!Character.isWhitespace(c) && "\"'\u201D\u2019)".indexOf(c) < 0) {
        return false;
      }
    }
    return false;
  }
}
