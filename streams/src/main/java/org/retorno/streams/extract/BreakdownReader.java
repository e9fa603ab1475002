package org.retorno.streams.extract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds subgroup breakdowns of a count: a total followed by a dash, colon, parenthesis or
 * "including" and a list of nationality counts. The parts are not separate events; they become
 * the claim's breakdown. A list that adds up to more than the total is not a breakdown of it.
 */
public final class BreakdownReader {
  private static final Pattern LEAD = Pattern.compile("\\G(?:\\s+[\\p{L}-]+){0,6}?\\s*(?:(\u2014|\u2013"
      + "|--|-|:|\\()|,\\s*(including|among them|of whom|incluidos|incluidas|incluyendo|entre ellos"
      + "|de los cuales|dont|parmi lesquels|parmi eux))\\s*");
  private static final Pattern NATIONALITY = Pattern.compile("\\G\\s+(\\p{L}+)");
  private static final Pattern SEPARATOR = Pattern.compile("\\G\\s*(?:,\\s*(?:and|y|et)?|and|y|et|;)\\s*");

  /** Breakdowns among {@code mentions} (those of one sentence, in text order). */
  List<Breakdown> read(String folded, int to, List<NumberMention> mentions) {
    List<Breakdown> found = new ArrayList<>();
    for (int i = 0; i < mentions.size(); i++) {
      NumberMention total = mentions.get(i);
      if (!total.isCount()) {
        continue;
      }
      Matcher lead = matcher(LEAD, folded, total.end(), to);
      if (!lead.lookingAt()) {
        continue;
      }
      boolean partial = lead.group(2) != null;
      int position = lead.end();
      Map<String, Long> parts = new LinkedHashMap<>();
      List<NumberMention> partMentions = new ArrayList<>();
      for (int j = i + 1; j < mentions.size(); j++) {
        NumberMention part = mentions.get(j);
        if (part.start() != position || !part.isCount()) {
          break;
        }
        Matcher nationality = matcher(NATIONALITY, folded, part.numberEnd(), to);
        String country = nationality.lookingAt() ? Nationalities.country(nationality.group(1)) : null;
        if (country == null) {
          break;
        }
        parts.merge(country, part.value(), Long::sum);
        partMentions.add(part);
        position = nationality.end();
        Matcher separator = matcher(SEPARATOR, folded, position, to);
        if (!separator.lookingAt()) {
          break;
        }
        position = separator.end();
      }
      long sum = parts.values().stream().mapToLong(Long::longValue).sum();
      boolean complete = sum == total.value();
      if (!parts.isEmpty() && sum <= total.value() && (complete || partial || parts.size() >= 2)) {
        found.add(new Breakdown(total, parts, partMentions));
        i += partMentions.size();
      }
    }
    return found;
  }

  private static Matcher matcher(Pattern p, String folded, int from, int to) {
    Matcher m = p.matcher(folded).region(from, to);
    m.useTransparentBounds(true).useAnchoringBounds(false);
    return m;
  }
}
