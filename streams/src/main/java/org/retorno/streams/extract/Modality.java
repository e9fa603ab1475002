package org.retorno.streams.extract;

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
  private static final Pattern NEGATION = Pattern.compile("\\b(?:not|never|none|nobody|neither|nor"
      + "|no(?!\\.\\s*\\d)|ningun[oa]?|nadie|nunca|jamas|tampoco|pas|jamais|aucune?|nullement"
      + "|denied|deny|denies|denying|nego|negaron|niega|niegan|desmintio|desmintieron|dementi"
      + "|dementent)\\b|n't\\b");
  private static final Pattern MODAL = Pattern.compile("\\b(?:will|would|could|might|shall|should"
      + "|must|may|can|cannot|going to|plans? to|planned to|planning to|intends? to|intended to"
      + "|expects? to|expected to|is expected|are expected|scheduled to|set to|about to|if|unless"
      + "|whether|risks?|at risk|threaten(?:ed|s)? to|podria|podrian|podra|podran|puede|pueden"
      + "|deberia|deberian|debera|deberan|habra|van a|va a|iria|irian|planea|planean|planeaba|preve"
      + "|preven|se espera|espera que|esperan que|si|en caso de|a punto de|riesgo|amenazaron con"
      + "|pourrait|pourraient|pourra|pourront|peut|peuvent|devrait|devraient|devra|devront|seront"
      + "|sera|seran|va etre|vont etre|prevoit|prevu|prevue|risque|menace de|next week|next month"
      + "|next year|in the coming|coming weeks|la proxima semana|el proximo mes|proximamente"
      + "|proximas semanas|le mois prochain|la semaine prochaine|prochainement|prochaines semaines"
      + "|tomorrow|demain|fears?|feared|fearing|afraid|temen|temian|temor|miedo|craignent|craignaient"
      + "|craint|peur)\\b");
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
    if (endsWithQuestion(original, from, to)) {
      return false;
    }
    int left = Math.min(cueStart, countStart);
    int right = Math.max(cueEnd, countEnd);
    int clauseStart = from;
    int clauseEnd = to;
    Matcher b = CLAUSE_BOUNDARY.matcher(folded).region(from, to);
    b.useTransparentBounds(true);
    while (b.find()) {
      if (b.end() <= left) {
        clauseStart = b.end();
      } else if (b.start() >= right) {
        clauseEnd = b.start();
        break;
      }
    }
    // "Relatives of 3 migrants who disappeared ... can call": what a relative clause says about
    // its group holds whatever the main clause does, and only its own hedges count.
    if (countEnd <= cueStart) {
      Matcher pronoun = RELATIVE_PRONOUN.matcher(folded).region(countEnd, cueStart);
      if (pronoun.find()) {
        clauseStart = Math.max(clauseStart, pronoun.start());
        clauseEnd = Math.min(clauseEnd, cueEnd);
      }
    }
    return !negated(original, folded, clauseStart, clauseEnd, cueStart, cueEnd)
        && !hedged(MODAL, original, folded, clauseStart, clauseEnd, cueStart, cueEnd)
        && !hedged(SPANISH_FUTURE, original, original, clauseStart, clauseEnd, cueStart, cueEnd);
  }

  private static boolean negated(String original, String folded, int from, int to, int cueStart,
      int cueEnd) {
    Matcher m = NEGATION.matcher(folded).region(from, to);
    m.useTransparentBounds(true);
    while (m.find()) {
      if (m.start() < cueEnd && m.end() > cueStart) {
        continue;
      }
      Matcher inquiry = INQUIRY_AFTER.matcher(folded).region(m.end(), to);
      inquiry.useTransparentBounds(true);
      if (m.start() >= cueEnd && inquiry.lookingAt()) {
        continue;
      }
      return true;
    }
    return false;
  }

  private static boolean hedged(Pattern p, String original, String text, int from, int to,
      int cueStart, int cueEnd) {
    Matcher m = p.matcher(text).region(from, to);
    m.useTransparentBounds(true);
    while (m.find()) {
      if (m.start() < cueEnd && m.end() > cueStart) {
        continue; // the marker is the cue itself: "threatened to" is a threat
      }
      String word = m.group();
      if (word.equals("may") && Character.isUpperCase(original.charAt(m.start()))) {
        continue; // the month
      }
      if (word.equals("will") && POSSESSIVE_BEFORE_WILL.matcher(
          text.substring(Math.max(from, m.start() - 12), m.start())).find()) {
        continue; // "against their will"
      }
      return true;
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
