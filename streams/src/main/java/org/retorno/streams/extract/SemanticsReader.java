package org.retorno.streams.extract;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.retorno.avro.CountSemantics;

/**
 * What a count measures. A study's sample ("we interviewed 43", "of the 43 people interviewed")
 * is SAMPLE; a level ("pending", "waiting", "en espera") is STOCK; a running total ("so far",
 * "since January", "en total", "hasta la fecha") is CUMULATIVE; otherwise new events: INCREMENT.
 */
public final class SemanticsReader {
  private static final Pattern SAMPLE_BEFORE = Pattern.compile("\\b(?:interviewed|surveyed|spoke"
      + " (?:with|to)|polled|entrevistamos|entrevistaron|encuestamos|encuestaron|hablamos con"
      + "|interroge|sonde)\\s+(?:a\\s+|with\\s+|con\\s+)?(?:\\w+\\s+){0,1}$");
  private static final Pattern SAMPLE_AFTER = Pattern.compile("\\G[^,;.]{0,40}?\\b(?:interviewed"
      + "|surveyed|polled|respondents|entrevistad[oa]s|encuestad[oa]s|interrogee?s|sondee?s)\\b");
  private static final Pattern STOCK = Pattern.compile("\\b(?:pending|waiting|await(?:ing|s)?"
      + "|backlog|still (?:in|waiting)|stranded|living in|live in|en espera|esperan|esperando"
      + "|pendientes?|permanecen|varad[oa]s|viven|en attente|attendent|bloquee?s|vivent)\\b");
  private static final Pattern CUMULATIVE = Pattern.compile("\\b(?:so far|to date|thus far|since"
      + " (?:january|february|march|april|may|june|july|august|september|october|november|december"
      + "|the start|the beginning|(?:19|20)\\d\\d|it began|the program began|its launch)|in total"
      + "|since [\\w ]{1,30}? (?:began|started|was launched|took effect)|this year|as of"
      + "|by the end of|este ano|desde que|hasta el \\d+|cette annee"
      + "|depuis que|depuis le debut"
      + "|a total of|altogether|cumulative(?:ly)?|en total|un total de|hasta la fecha|hasta ahora"
      + "|en lo que va|desde (?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre"
      + "|octubre|noviembre|diciembre|el inicio|que (?:comenzo|inicio))|au total|jusqu'a present"
      + "|jusqu'ici|depuis (?:janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre"
      + "|novembre|decembre|le debut)|en tout)\\b");

  private static final int STOCK_WINDOW = 80;
  /** Substrings every match of the pattern of the same name contains. */
  private static final List<String> SAMPLE_STEMS = List.of("interview", "survey", "spoke", "polled",
      "respondents", "entrevist", "encuest", "hablamos", "interroge", "sonde");
  private static final List<String> STOCK_STEMS = List.of("pending", "waiting", "await", "backlog",
      "still", "stranded", "living in", "live in", "espera", "pendiente", "permanecen", "varad",
      "viven", "attente", "attendent", "bloque", "vivent");
  private static final List<String> CUMULATIVE_STEMS = List.of("far", "to date", "since", "total",
      "altogether", "cumulativ", "hasta", "en lo que va", "desde", "jusqu", "depuis", "en tout",
      "year", "as of", "by the end", "ano", "annee");

  public CountSemantics read(String sentence, int countStart, int countEnd) {
    return read(TextFolding.fold(sentence), 0, sentence.length(), countStart, countEnd);
  }

  CountSemantics read(String folded, int from, int to, int countStart, int countEnd) {
    // Each pattern runs only where a word it needs is (SAMPLE_STEMS, STOCK_STEMS, ...).
    if (TextFolding.containsAny(folded, from, to, SAMPLE_STEMS)) {
      String before = folded.substring(Math.max(from, countStart - 40), countStart);
      if (StartFilter.find(SAMPLE_BEFORE, before)) {
        return CountSemantics.SAMPLE;
      }
      Matcher after = SAMPLE_AFTER.matcher(folded).region(countEnd, to);
      after.useTransparentBounds(true);
      if (after.lookingAt()) {
        return CountSemantics.SAMPLE;
      }
    }
    // A level is stated next to its figure: "10,000 cases pending", "waiting in Tijuana are 12,000".
    int stockFrom = Math.max(from, countStart - STOCK_WINDOW);
    int stockTo = Math.min(to, countEnd + STOCK_WINDOW);
    if (TextFolding.containsAny(folded, stockFrom, stockTo, STOCK_STEMS)
        && StartFilter.find(STOCK, folded.substring(stockFrom, stockTo))) {
      return CountSemantics.STOCK;
    }
    if (TextFolding.containsAny(folded, from, to, CUMULATIVE_STEMS)
        && StartFilter.find(CUMULATIVE, folded.substring(from, to))) {
      return CountSemantics.CUMULATIVE;
    }
    return CountSemantics.INCREMENT;
  }
}
