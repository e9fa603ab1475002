package org.retorno.streams.extract;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a count sits in its sentence apart from the main clause: inside an aside (", which houses
 * 150 people,") it describes something else and belongs to no cue outside the aside; after "and"
 * with only a place of its own ("and five in Reynosa") it shares the verb of the claim before it.
 */
final class Asides {
  private static final Pattern ASIDE_OPENER = Pattern.compile("\\G\\s*(?:which|who|whose|where"
      + "|que|quienes|donde|cuyo|cuya|qui|ou|dont|lequel|laquelle)\\b");
  private static final Pattern GAP_BEFORE = Pattern.compile("(?:,\\s*|\\s)(?:and|y|e|et)\\s+$");
  private static final Pattern GAP_AFTER = Pattern.compile(
      "\\G\\s+(?:(?:more|others?|mas|otros|otras|autres)\\s+)?(?:in|en|a|au|at)\\s+(?:the\\s+)?");

  private Asides() {}

  /** True when the count is inside a comma-delimited relative aside that the cue is not in. */
  static boolean separates(String folded, Sentence s, NumberMention count, CueMention cue) {
    int comma = folded.lastIndexOf(',', count.start() - 1);
    if (comma < s.start()) {
      return false;
    }
    Matcher opener = ASIDE_OPENER.matcher(folded).region(comma + 1, count.start());
    opener.useTransparentBounds(true);
    if (!opener.lookingAt()) {
      return false;
    }
    int close = folded.indexOf(',', count.end());
    if (close < 0 || close >= s.end()) {
      return false; // an aside that runs to the end of the sentence is its last clause
    }
    return cue.start() < comma || cue.start() > close;
  }

  /** The place of "and five in Reynosa" when the count is gapped that way, or null. */
  static PlaceMention gappedPlace(String folded, Sentence s, NumberMention count,
      List<PlaceMention> places) {
    String before = folded.substring(Math.max(s.start(), count.start() - 12), count.start());
    if (!StartFilter.find(GAP_BEFORE, before)) {
      return null;
    }
    Matcher after = GAP_AFTER.matcher(folded).region(count.end(), s.end());
    after.useTransparentBounds(true);
    if (!after.lookingAt()) {
      return null;
    }
    for (PlaceMention place : places) {
      if (place.start() == after.end() && place.place().isCity()) {
        return place;
      }
    }
    return null;
  }
}
