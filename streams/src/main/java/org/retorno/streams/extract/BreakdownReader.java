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
  private static final Pattern LEAD = Pattern.compile("\\G(?:\\s+[\\p{L}-]+){0,10}?\\s*(?:(\u2014|\u2013"
      + "|--|-|:|\\()|,\\s*(including|among them|of whom|incluidos|incluidas|incluyendo|entre ellos"
      + "|de los cuales|dont|parmi lesquels|parmi eux)|(,))\\s*");
  /** "21 migrants, including six children": a part of the count before it, not a count of its own. */
  private static final Pattern SUBGROUP_BEFORE = Pattern.compile("(?:,|\\(|\u2014|\u2013)\\s*(?:including"
      + "|among them|among whom|of whom|incluidos|incluidas|incluyendo|entre ellos|entre ellas|de los"
      + " cuales|de las cuales|dont|parmi eux|parmi elles|parmi lesquels|y entre ellos)\\s+$");
  private static final Pattern NATIONALITY = Pattern.compile("\\G\\s+(\\p{L}+)");
  private static final Pattern SEPARATOR = Pattern.compile("\\G\\s*(?:,\\s*(?:and|y|et)?|and|y|et|;)\\s*");

  /** Breakdowns among {@code mentions} (those of one sentence, in text order). */
  List<Breakdown> read(String folded, int to, List<NumberMention> mentions) {
    List<Breakdown> found = new ArrayList<>();
    for (int i = 0; i < mentions.size(); i++) {
      NumberMention total = mentions.get(i);
      if (!total.isCount() || i + 1 == mentions.size()) {
        continue; // the parts of a breakdown are counts after its total
      }
      Matcher lead = matcher(LEAD, folded, total.end(), to);
      if (!lead.lookingAt()) {
        continue;
      }
      boolean partial = lead.group(2) != null;
      boolean apposition = lead.group(3) != null; // "47 migrantes, 30 hondurenos y 17 salvadorenos,"
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
      boolean fits = apposition ? complete && parts.size() >= 2
          : complete || partial || parts.size() >= 2;
      if (!parts.isEmpty() && sum <= total.value() && fits) {
        found.add(new Breakdown(total, parts, partMentions));
        i += partMentions.size();
      }
    }
    return found;
  }

  /** Counts that name a part of an earlier count of their sentence ("including six children"). */
  List<NumberMention> subgroups(String folded, int sentenceStart, List<NumberMention> counts) {
    List<NumberMention> parts = new ArrayList<>();
    for (int i = 1; i < counts.size(); i++) {
      NumberMention part = counts.get(i);
      String before = folded.substring(Math.max(sentenceStart, part.start() - 25), part.start());
      if (StartFilter.find(SUBGROUP_BEFORE, before)) {
        parts.add(part);
      }
    }
    return parts;
  }

  private static Matcher matcher(Pattern p, String folded, int from, int to) {
    Matcher m = p.matcher(folded).region(from, to);
    m.useTransparentBounds(true).useAnchoringBounds(false);
    return m;
  }
}
