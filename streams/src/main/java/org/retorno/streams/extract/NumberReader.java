package org.retorno.streams.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.retorno.avro.CountKind;

/**
 * Reads numbers in a sentence and decides which are counts of people or events. Numerals with
 * either thousands convention ("16,714", "16.714"), number words (EN/ES/FR), approximate
 * ("about", "cerca de", "environ"), minimum ("at least", "más de", "plus de"), ranges ("50 to 60",
 * "entre 50 y 60", "50-60") and vague amounts ("dozens" = 12, "hundreds" = 100). Ages, years,
 * percentages, money, times, dates, phone numbers, case numbers and footnote markers are numbers
 * but not counts; so is any number not followed by a person or event noun ("30 organizations").
 */
public final class NumberReader {
  static final String NO_NOUN = "no person or event noun";
  private static final int TAIL = 30;
  private static final Pattern SPACES = Pattern.compile("[ \u00A0\u202F]");
  private static final Pattern GROUP_SEPARATOR = Pattern.compile("[.,]");
  private static final Pattern NUMERAL = Pattern.compile("(?<![\\p{L}\\p{N}])\\d+(?:[.,]\\d+)*");
  /** French thousands groups: "1 500", "3\u202F000" (space, no-break or narrow no-break space). */
  private static final Pattern SPACE_GROUPS = Pattern.compile("\\G(?:[ \u00A0\u202F]\\d{3})+(?![\\d.,]?\\d)");
  private static final Pattern WORD = Pattern.compile("\\p{L}+");
  /** ACLED's conservative reading: dozens are 12, hundreds 100, thousands 1,000. */
  private static final Map<String, Long> VAGUE_WORDS = Map.of("dozens", 12L, "decenas", 12L,
      "dizaines", 12L, "hundreds", 100L, "cientos", 100L, "centenas", 100L, "centaines", 100L,
      "thousands", 1000L, "miles", 1000L, "milliers", 1000L);
  private static final Set<String> ARTICLES = Set.of("a", "one", "una", "une", "un");
  private static final WordGate VAGUE_OR_ARTICLE = new WordGate(
      java.util.stream.Stream.concat(VAGUE_WORDS.keySet().stream(), ARTICLES.stream()).toList());
  private static final Map<String, Long> COLLECTIVE_VALUES = Map.ofEntries(
      Map.entry("dozen", 12L), Map.entry("docena", 12L), Map.entry("douzaine", 12L),
      Map.entry("decena", 10L), Map.entry("dizaine", 10L), Map.entry("vingtaine", 20L),
      Map.entry("veintena", 20L), Map.entry("trentaine", 30L), Map.entry("treintena", 30L),
      Map.entry("quarantaine", 40L), Map.entry("cinquantaine", 50L), Map.entry("centaine", 100L),
      Map.entry("centenar", 100L), Map.entry("millier", 1000L), Map.entry("millar", 1000L));
  private static final Pattern URL = Pattern.compile("(?:https?://|www\\.)\\S+");
  private static final Pattern APPROXIMATE_BEFORE = Pattern.compile("\\b(?:about|approximately|approx\\."
      + "|nearly|almost|roughly|some|around|an estimated|estimated|close to|up to|as many as"
      + "|cerca de|alrededor de|unos|unas|aproximadamente|casi|hasta|environ|pres de|quelque"
      + "|presque|approximativement|pas loin de|jusqu'a)\\s+$");
  private static final Pattern MINIMUM_BEFORE = Pattern.compile("\\b(?:at least|more than|over"
      + "|upwards of|no fewer than|no less than|not less than|mas de|al menos|por lo menos"
      + "|cuando menos|plus de|au moins|pas moins de)\\s+$");
  private static final Pattern BETWEEN_BEFORE = Pattern.compile("\\b(?:between|entre|de|from)\\s+$");
  private static final Pattern RANGE_JOIN = Pattern.compile("\\G\\s*(?:(-|\u2013)|(to|a|al|à|y|and|et|or|o|ou)\\b)\\s*");
  private static final Pattern BACK_REFERENCE_BEFORE = Pattern.compile("\\b(?:the|these|those|this"
      + "|that|el|los|las|este|estos|estas|esos|esas|ese|le|les|ces|ce|cette)\\s+(?:(?:group|grupo"
      + "|groupe)\\s+(?:of|de)\\s+)?$");
  private static final Pattern GROUP_BEFORE = Pattern.compile(
      "\\b(?:group|grupo|groupe|total|batch|contingent|contingente)\\s+(?:of|de)\\s+$");
  private static final Pattern MONEY_BEFORE = Pattern.compile("(?:[$\u20AC\u00A3]|us\\$|usd|mxn|mx\\$)\\s*$");
  private static final Pattern MONEY_AFTER = Pattern.compile("^\\s*(?:pesos|dollars?|dolares|usd|mxn"
      + "|euros?|dlls?\\b|dls\\b|lempiras|quetzales|bucks)");
  private static final Pattern PERCENT_AFTER = Pattern.compile(
      "^\\s*(?:%|percent\\b|per cent\\b|por ciento\\b|pour cent\\b|porciento\\b|pct\\b)");
  private static final Pattern PERCENT_BASE_BEFORE = Pattern.compile("(?:%|\\bpercent|\\bper cent"
      + "|\\bpor ciento|\\bpour cent)\\s+(?:of|de|des|du)\\s+(?:(?:the|los|las|les|ces|these|those)\\s+)?$");
  private static final Pattern TIME_AFTER = Pattern.compile(
      "^(?::\\d\\d|\\s*(?:a\\.?\\s?m\\b\\.?|p\\.?\\s?m\\b\\.?|h\\d\\d|h\\b|hrs?\\b|horas\\b|heures\\b|o'clock\\b))");
  private static final Pattern TIME_BEFORE = Pattern.compile("\\b(?:a las|a la|at|vers|a)\\s+$");
  private static final Pattern AGE_AFTER = Pattern.compile("^(?:\\s*|-)(?:years?[\\s-]+old|year-old"
      + "|-year|anos\\b|ans\\b|yo\\b)");
  private static final Pattern AGE_BEFORE = Pattern.compile(
      "\\b(?:aged|age|ages|edad de|de edad|agee?s? de|a los|la edad de)\\s*$");
  /** Words after which a number is a reference, not a count ("case 12", "No. 45", "I-10"). */
  private static final List<String> REFERENCE_WORDS = List.of("no.", "nos.", "num.", "case", "caso",
      "expediente", "file", "docket", "article", "articulo", "section", "page", "pagina", "p.",
      "pp.", "note", "nota", "footnote", "vol.", "chapter", "number", "numero", "form",
      "formulario", "i-", "route", "highway", "carretera", "km", "bus", "flight", "vuelo", "vol");
  private static final Pattern THOUSAND_AFTER = Pattern.compile("\\G\\s+(mil|mille|thousand)\\b");

  private static final Set<String> NOUNS = Set.of(
      "people", "persons", "person", "individuals", "individual", "migrants", "migrant",
      "immigrants", "asylum", "asylum-seekers", "asylum-seeker", "seekers", "refugees", "refugee",
      "returnees", "returnee", "deportees", "families", "family", "children", "child", "kids",
      "minors", "minor", "teenagers", "teens", "women", "woman", "men", "man", "girls", "girl",
      "boys", "boy", "adults", "members", "applicants", "travelers", "travellers", "passengers",
      "nationals", "foreigners", "victims", "victim", "others", "cases", "case", "orders", "order",
      "kidnappings", "kidnapping", "abductions", "homicides", "murders", "killings", "assaults",
      "attacks", "robberies", "threats", "disappearances", "extortions", "rapes", "deaths",
      "returns", "removals", "deportations", "complaints", "americans", "youths", "parents",
      "personas", "persona", "individuos", "migrantes", "inmigrantes", "solicitantes",
      "solicitante", "refugiados", "refugiadas", "retornados", "retornadas", "deportados",
      "repatriados", "familias", "ninos", "ninas", "menores", "adolescentes", "mujeres", "mujer",
      "hombres", "hombre", "adultos", "integrantes", "miembros", "connacionales", "extranjeros",
      "victimas", "otros", "otras", "casos", "ordenes", "secuestros", "homicidios", "asesinatos",
      "robos", "asaltos", "amenazas", "desapariciones", "denuncias", "devoluciones", "retornos",
      "deportaciones", "muertes", "centroamericanos", "centroamericanas", "jovenes", "viajeros",
      "pasajeros", "personnes", "individus", "immigres", "demandeurs", "demandeuses",
      "requerants", "refugies", "familles", "enfants", "mineurs", "femmes", "hommes", "adultes",
      "victimes", "autres", "cas", "ordonnances", "enlevements", "meurtres", "agressions",
      "menaces", "disparitions", "plaintes", "retours", "expulsions", "renvois", "morts", "deces",
      "ressortissants", "etrangers", "jeunes", "passagers", "centramericains", "exiles",
      "journalists", "journalist", "reporters", "activists", "volunteers", "workers", "lawyers",
      "defenders", "priests", "periodistas", "activistas", "defensores", "voluntarios",
      "trabajadores", "abogados", "quejas", "journalistes", "militants", "benevoles", "avocats",
      "travailleurs");
  private static final Set<String> MODIFIERS = Set.of(
      "more", "other", "additional", "new", "young", "unaccompanied", "undocumented", "central",
      "foreign", "vulnerable", "pregnant", "lgbt", "lgbtq", "lgbti", "indigenous", "mpp",
      "reported", "confirmed", "documented", "alleged", "attempted", "separate", "different",
      "registered", "female", "male", "transgender", "trans", "elderly", "latin", "mas", "nuevos",
      "nuevas", "pequenos", "nouveaux", "nouvelles", "petits", "such", "de", "d'", "in", "absentia",
      "removal", "deportation", "kidnapped", "abducted", "missing", "disappeared", "murdered",
      "detained", "stranded", "deported", "expelled", "returned", "injured", "wounded",
      "deportacion", "expulsion");
  private static final Set<String> VERBS_AFTER = Set.of(
      "were", "was", "are", "is", "have", "had", "has", "said", "remain", "remained", "fueron",
      "fue", "han", "habian", "son", "estan", "dijeron", "permanecen", "ont", "sont", "furent",
      "avaient", "etaient", "restent", "more");
  private static final Set<String> OF = Set.of("of", "de", "des", "du", "d'", "among", "entre");
  private static final Set<String> PRONOUNS = Set.of("them", "those", "these", "ellos", "ellas",
      "eux", "elles", "whom", "us", "ustedes");
  private static final Set<String> DETERMINERS = Set.of("the", "los", "las", "les", "their", "sus",
      "leurs", "these", "those", "estos", "estas", "ces", "la", "el");

  public List<NumberMention> read(String sentence) {
    return read(sentence, TextFolding.fold(sentence), 0, sentence.length());
  }

  /** Numbers in {@code [from, to)}, counts and non-counts, in text order. */
  List<NumberMention> read(String original, String folded, int from, int to) {
    List<int[]> excluded = new ArrayList<>();
    List<String> excludedWhy = new ArrayList<>();
    List<int[]> raw = new ArrayList<>(); // numberStart, numberEnd, value, isWord
    // Dates, identifiers and numerals all need a digit; most sentences have none.
    int digits = digits(folded, from, to);
    if (digits > 0) {
      exclude(DateReader.calendarSpans(folded, from, to), "date", excluded, excludedWhy);
      // Each identifier pattern runs only where its marks are (PersonalData.Marks).
      PersonalData.Marks marks = PersonalData.Marks.of(original, from, to);
      if (TextFolding.contains(folded, from, to, "://") || TextFolding.contains(folded, from, to, "www.")) {
        exclude(spans(URL, folded, from, to), "URL", excluded, excludedWhy);
      }
      if (marks.email()) {
        exclude(spans(PersonalData.EMAIL, original, from, to), "e-mail address", excluded,
            excludedWhy);
      }
      if (marks.aNumber()) {
        exclude(spans(PersonalData.A_NUMBER, original, from, to), "A-number", excluded, excludedWhy);
      }
      if (marks.phone()) {
        exclude(spans(PersonalData.PHONE, original, from, to), "phone number", excluded, excludedWhy);
      }
      if (marks.cuedPhone()) {
        exclude(groupSpans(PersonalData.CUED_PHONE, original, from, to), "phone number", excluded,
            excludedWhy);
      }
      StartFilter.Finder m = StartFilter.finder(NUMERAL, folded, from, to);
      while (m.find()) {
        int end = spaceGroupsEnd(folded, m.start(), m.end(), to, excluded);
        String numeral = folded.substring(m.start(), end);
        Long value = numeralValue(end > m.end() ? SPACES.matcher(numeral).replaceAll("") : numeral);
        raw.add(new int[] {m.start(), end,
            value == null ? -1 : (int) Math.min(value, Integer.MAX_VALUE), 0});
        if (end > m.end()) {
          m.skipTo(end);
        }
      }
    }
    List<NumberMention> found = new ArrayList<>();
    List<int[]> tokens = tokens(folded, from, to);
    readWords(folded, tokens, raw);
    raw.sort(Comparator.comparingInt(r -> r[0]));

    int consumedUntil = -1;
    for (int i = 0; i < raw.size(); i++) {
      int[] r = raw.get(i);
      if (r[0] < consumedUntil) {
        continue;
      }
      NumberMention mention = classify(original, folded, from, to, r, raw, i, excluded, excludedWhy);
      found.add(mention);
      consumedUntil = mention.numberEnd();
    }
    readVague(original, folded, to, tokens, found);
    found.sort(Comparator.comparingInt(NumberMention::start));
    return found;
  }

  private NumberMention classify(String original, String folded, int from, int to, int[] r,
      List<int[]> raw, int index, List<int[]> excluded, List<String> excludedWhy) {
    int numberStart = r[0];
    int numberEnd = r[1];
    long value = r[2];
    boolean word = r[3] == 1;
    String before = folded.substring(Math.max(from, numberStart - 40), numberStart);
    String after = folded.substring(numberEnd, Math.min(to, numberEnd + 40));
    String reason = null;
    for (int e = 0; e < excluded.size() && reason == null; e++) {
      int[] span = excluded.get(e);
      if (numberStart < span[1] && numberEnd > span[0]) {
        reason = excludedWhy.get(e);
      }
    }
    if (reason == null && !word) {
      reason = numeralReason(original, folded, from, numberStart, numberEnd, value, before, after);
    }
    if (reason == null && (StartFilter.find(AGE_AFTER, after) || tail(AGE_BEFORE, before).find())) {
      reason = "age";
    }
    if (reason == null && ageAfterName(original, folded, from, to, numberStart, numberEnd)) {
      reason = "age";
    }
    if (reason == null && tail(TIME_BEFORE, before).find() && StartFilter.find(TIME_AFTER, after)) {
      reason = "time";
    }
    if (reason == null && value == 0) {
      reason = "zero";
    }
    if (reason == null && tail(PERCENT_BASE_BEFORE, before).find()) {
      reason = "base of a percentage"; // "70 percent of the 2,500 people": 2,500 were not all harmed
    }
    if (reason != null) {
      return mention(original, numberStart, numberEnd, numberStart, numberEnd, value,
          CountKind.EXACT, null, null, reason, false);
    }
    if (!word) {
      Matcher thousand = THOUSAND_AFTER.matcher(folded).region(numberEnd, to);
      thousand.useTransparentBounds(true);
      if (thousand.lookingAt()) {
        value *= 1000;
        numberEnd = thousand.end();
      }
    }

    int start = numberStart;
    int end = numberEnd;
    CountKind kind = CountKind.EXACT;
    Long low = null;
    Long high = null;
    int[] second = rangeEnd(folded, to, raw, index, numberEnd, before);
    // Most numbers are no count: the noun after them says so before their kind is worth reading.
    boolean group = tail(GROUP_BEFORE, before).find();
    String nounReason = nounReason(folded, second != null ? second[1] : numberEnd, to, group,
        !word && isYearLike(value, original, numberStart, numberEnd));
    if (nounReason != null) {
      if (lineStartFootnote(original, folded, from, numberStart, numberEnd, to)) {
        nounReason = "footnote marker";
      }
      return mention(original, numberStart, numberEnd, numberStart, numberEnd, value,
          CountKind.EXACT, null, null, nounReason, false);
    }
    if (second != null) {
      kind = CountKind.RANGE;
      low = value;
      high = (long) second[2];
      end = second[1];
      StartFilter.Finder between = tail(BETWEEN_BEFORE, before);
      if (between.find()) {
        start = numberStart - (before.length() - between.start());
      }
    } else {
      StartFilter.Finder approx = tail(APPROXIMATE_BEFORE, before);
      StartFilter.Finder minimum = tail(MINIMUM_BEFORE, before);
      if (approx.find()) {
        kind = CountKind.APPROXIMATE;
        start = numberStart - (before.length() - approx.start());
      } else if (minimum.find()) {
        kind = CountKind.MINIMUM;
        start = numberStart - (before.length() - minimum.start());
      }
    }
    boolean backReference = tail(BACK_REFERENCE_BEFORE, before).find();
    return mention(original, start, end, numberStart, end, value, kind, low, high, null,
        backReference);
  }

  private static String numeralReason(String original, String folded, int from, int numberStart,
      int numberEnd, long value, String before, String after) {
    if (value < 0) {
      return "decimal or malformed number";
    }
    if (StartFilter.find(AGE_AFTER, after)) {
      return "age";
    }
    char previous = numberStart > 0 ? folded.charAt(numberStart - 1) : ' ';
    char next = numberEnd < folded.length() ? folded.charAt(numberEnd) : ' ';
    if (Character.isLetter(next) && !StartFilter.find(AGE_AFTER, after)) {
      return "ordinal or identifier";
    }
    if (previous == '/' || previous == '#' || previous == '-' && numberStart - 1 > from
        && Character.isLetterOrDigit(folded.charAt(numberStart - 2))
        || next == '/' || next == '-' && numberEnd + 1 < folded.length()
        && Character.isLetter(folded.charAt(numberEnd + 1))) {
      return "identifier";
    }
    if (previous == ':' && numberStart - 2 >= 0 && Character.isDigit(folded.charAt(numberStart - 2))) {
      return "time or reference";
    }
    boolean gluedQuote = (previous == '"' || previous == '\'') && numberStart - 2 >= from
        && !Character.isWhitespace(folded.charAt(numberStart - 2));
    if ((".,;:!?)]".indexOf(previous) >= 0 || gluedQuote) && numberStart > from) {
      return "footnote marker";
    }
    if (StartFilter.find(PERCENT_AFTER, after)) {
      return "percentage";
    }
    if (tail(MONEY_BEFORE, before).find() || StartFilter.find(MONEY_AFTER, after)) {
      return "money";
    }
    if (StartFilter.find(TIME_AFTER, after)) {
      return "time";
    }
    if (referenceBefore(before)) {
      return "case or reference number";
    }
    return null;
  }

  /**
   * Where "1 500" ends when its groups are thousands: the first group has one to three digits and
   * no separator, and no date, phone or identifier is touched ("July 4 200 migrants" stays apart).
   */
  private static int spaceGroupsEnd(String folded, int start, int end, int to, List<int[]> excluded) {
    if (end - start > 3 || end >= to || !Character.isSpaceChar(folded.charAt(end))) {
      return end;
    }
    for (int i = start; i < end; i++) {
      if (!Character.isDigit(folded.charAt(i))) {
        return end;
      }
    }
    Matcher groups = SPACE_GROUPS.matcher(folded).region(end, to);
    groups.useTransparentBounds(true);
    if (!groups.lookingAt()) {
      return end;
    }
    for (int[] span : excluded) {
      if (start < span[1] && groups.end() > span[0]) {
        return end;
      }
    }
    return groups.end();
  }

  private static boolean isYearLike(long value, String original, int start, int end) {
    return value >= 1900 && value <= 2099 && end - start == 4;
  }

  /** "Jorge Mejía, 31, said": a number set off by commas right after a capitalised word. */
  private static boolean ageAfterName(String original, String folded, int from, int to, int start,
      int end) {
    int i = start - 1;
    while (i >= from && original.charAt(i) == ' ') {
      i--;
    }
    if (i < from || original.charAt(i) != ',') {
      return false;
    }
    int j = end;
    while (j < to && original.charAt(j) == ' ') {
      j++;
    }
    if (j >= to || original.charAt(j) != ',') {
      return false;
    }
    int k = i - 1;
    while (k >= from && Character.isLetter(original.charAt(k))) {
      k--;
    }
    return k + 1 < i && Character.isUpperCase(original.charAt(k + 1))
        && Gazetteer.lookup(folded.substring(k + 1, i)) == null;
  }

  /** "1 Peter Orsi, ...": a number opening a line, followed by a capitalised non-noun. */
  private static boolean lineStartFootnote(String original, String folded, int from, int start,
      int end, int to) {
    boolean lineStart = start == from || folded.charAt(start - 1) == '\n';
    if (!lineStart || end + 1 >= to || original.charAt(end) != ' ') {
      return false;
    }
    return Character.isUpperCase(original.charAt(end + 1));
  }

  /** Null when a person or event noun follows (allowing a few modifiers), else the reason. */
  private static String nounReason(String folded, int end, int to, boolean group, boolean yearLike) {
    Matcher w = WORD.matcher(folded).region(end, to);
    int position = end;
    boolean afterOf = false;
    for (int i = 0; i < 6; i++) {
      if (!w.find() || !onlySpace(folded, position, w.start(), i == 0 || afterOf)) {
        break;
      }
      String token = w.group();
      int tokenEnd = w.end();
      if (tokenEnd < to && folded.charAt(tokenEnd) == '-') {
        Matcher hyphenated = WORD.matcher(folded).region(tokenEnd + 1, to);
        if (hyphenated.lookingAt() && NOUNS.contains(token + "-" + hyphenated.group())) {
          return null;
        }
      }
      position = tokenEnd;
      if (NOUNS.contains(token) || Nationalities.country(token) != null) {
        return null;
      }
      if (yearLike) {
        return "year";
      }
      if (i == 0 && VERBS_AFTER.contains(token)) {
        return null;
      }
      if (OF.contains(token) && (i == 0 || afterOf)) {
        afterOf = true;
        continue;
      }
      if (afterOf && PRONOUNS.contains(token)) {
        return null;
      }
      if (afterOf && DETERMINERS.contains(token) || MODIFIERS.contains(token)) {
        continue;
      }
      break;
    }
    if (yearLike) {
      return "year";
    }
    if (group && (position == end || !Character.isLetter(nextNonSpace(folded, end, to)))) {
      return null;
    }
    return NO_NOUN;
  }

  private static char nextNonSpace(String folded, int at, int to) {
    for (int i = at; i < to; i++) {
      if (!Character.isWhitespace(folded.charAt(i))) {
        return folded.charAt(i);
      }
    }
    return ' ';
  }

  /** Words of a noun phrase are separated by spaces (a hyphen or apostrophe inside a word). */
  private static boolean onlySpace(String folded, int from, int to, boolean first) {
    for (int i = from; i < to; i++) {
      char c = folded.charAt(i);
      if (!Character.isWhitespace(c) && c != '-' && c != '\'') {
        return false;
      }
    }
    return true;
  }

  private static int[] rangeEnd(String folded, int to, List<int[]> raw, int index, int numberEnd,
      String before) {
    if (index + 1 >= raw.size()) {
      return null;
    }
    int[] next = raw.get(index + 1);
    Matcher join = RANGE_JOIN.matcher(folded).region(numberEnd, to);
    join.useTransparentBounds(true);
    if (!join.lookingAt() || join.end() != next[0] || next[2] <= raw.get(index)[2]) {
      return null;
    }
    String connector = join.group(2);
    if (connector != null && Set.of("y", "and", "et").contains(connector)
        && !tail(BETWEEN_BEFORE, before).find()) {
      return null;
    }
    if (connector != null && Set.of("a", "al", "à").contains(connector)
        && !tail(BETWEEN_BEFORE, before).find() && raw.get(index)[3] == 1) {
      return null;
    }
    return next;
  }

  /** Runs of letters in {@code [from, to)}: one pass serves number words and vague amounts. */
  private static List<int[]> tokens(String folded, int from, int to) {
    List<int[]> tokens = new ArrayList<>();
    int i = from;
    while (i < to) {
      if (Character.isLetter(folded.charAt(i))) {
        int start = i;
        while (i < to && Character.isLetter(folded.charAt(i))) {
          i++;
        }
        tokens.add(new int[] {start, i});
      } else {
        i++;
      }
    }
    return tokens;
  }

  private static void readWords(String folded, List<int[]> tokens, List<int[]> raw) {
    int i = 0;
    while (i < tokens.size()) {
      int[] span = tokens.get(i);
      if (!NumberWords.mayBeWord(folded, span[0], span[1])
          && !(span[1] - span[0] == 1 && folded.charAt(span[0]) == 'a')) {
        i++; // neither a number word nor "a" ("a hundred")
        continue;
      }
      String token = text(folded, tokens.get(i));
      Integer first = NumberWords.word(token);
      if (first == null && !(token.equals("a") && i + 1 < tokens.size()
          && multiplier(text(folded, tokens.get(i + 1))))) {
        i++;
        continue;
      }
      NumberWords.Builder builder = new NumberWords.Builder();
      int j = i;
      if (first == null) {
        j++; // "a hundred"
      }
      int lastEnd = -1;
      int lastIndex = -1;
      while (j < tokens.size()) {
        String t = text(folded, tokens.get(j));
        if (lastEnd >= 0 && !joinable(folded, lastEnd, tokens.get(j)[0])) {
          break;
        }
        Integer value = NumberWords.word(t);
        if (value == null && NumberWords.isConnector(t) && !builder.isEmpty() && j + 1 < tokens.size()
            && joinable(folded, tokens.get(j)[1], tokens.get(j + 1)[0])) {
          String nextToken = text(folded, tokens.get(j + 1));
          Integer nextValue = NumberWords.word(nextToken);
          if (nextValue == null) {
            nextValue = NumberWords.afterConnector(nextToken);
          }
          if (nextValue != null && nextValue > 0 && builder.add(nextValue)) {
            lastEnd = tokens.get(j + 1)[1];
            lastIndex = j + 1;
            j += 2;
            continue;
          }
          break;
        }
        if (value == null || !builder.add(value)) {
          break;
        }
        lastEnd = tokens.get(j)[1];
        lastIndex = j;
        j++;
      }
      if (lastIndex < 0) {
        i++;
        continue;
      }
      raw.add(new int[] {tokens.get(i)[0], lastEnd, (int) builder.value(), 1});
      i = lastIndex + 1;
    }
  }

  private static boolean multiplier(String token) {
    Integer v = NumberWords.word(token);
    return v != null && (v == NumberWords.HUNDRED || v == NumberWords.THOUSAND);
  }

  private static boolean joinable(String folded, int from, int to) {
    if (to - from > 3) {
      return false;
    }
    for (int i = from; i < to; i++) {
      char c = folded.charAt(i);
      if (c != ' ' && c != '-') {
        return false;
      }
    }
    return true;
  }

  /** "dozens", "cientos", "une dizaine": vague and collective amounts, read from the tokens. */
  private static void readVague(String original, String folded, int to, List<int[]> tokens,
      List<NumberMention> found) {
    for (int i = 0; i < tokens.size(); i++) {
      int[] token = tokens.get(i);
      if (!VAGUE_OR_ARTICLE.mayContain(folded, token[0], token[1])) {
        continue;
      }
      String word = text(folded, token);
      Long vague = VAGUE_WORDS.get(word);
      if (vague != null) {
        found.add(mention(original, token[0], token[1], token[0], token[1], vague, CountKind.VAGUE,
            vague, null, nounReason(folded, token[1], to, false, false), false));
        continue;
      }
      if (ARTICLES.contains(word) && i + 1 < tokens.size()
          && blank(folded, token[1], tokens.get(i + 1)[0])) {
        int[] next = tokens.get(i + 1);
        Long value = COLLECTIVE_VALUES.get(text(folded, next));
        if (value != null) {
          found.add(mention(original, token[0], next[1], token[0], next[1], value,
              CountKind.APPROXIMATE, null, null, nounReason(folded, next[1], to, false, false), false));
        }
      }
    }
  }

  private static boolean blank(String folded, int from, int to) {
    if (from == to) {
      return false;
    }
    for (int i = from; i < to; i++) {
      if (!Character.isWhitespace(folded.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static NumberMention mention(String original, int start, int end, int numberStart,
      int numberEnd, long value, CountKind kind, Long low, Long high, String reason,
      boolean backReference) {
    return new NumberMention(start, end, numberStart, numberEnd, value, kind, low, high,
        original.substring(start, end), reason, backReference);
  }

  /** The value of "16,714", "16.714", "70"; null for decimals such as "2.5" or "1,234.5". */
  static Long numeralValue(String numeral) {
    if (numeral.length() > 15) {
      return null;
    }
    if (numeral.indexOf('.') < 0 && numeral.indexOf(',') < 0) {
      return numeral.length() > 12 ? null : Long.parseLong(numeral);
    }
    String[] groups = GROUP_SEPARATOR.split(numeral);
    char separator = numeral.charAt(groups[0].length());
    if (groups[0].isEmpty() || groups[0].length() > 3) {
      return null;
    }
    for (int i = 1; i < groups.length; i++) {
      if (groups[i].length() != 3) {
        return null;
      }
    }
    if (numeral.indexOf(separator == '.' ? ',' : '.') >= 0) {
      return null;
    }
    return Long.parseLong(numeral.replace(String.valueOf(separator), ""));
  }

  private static int digits(String folded, int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      char c = folded.charAt(i);
      if (c >= '0' && c <= '9') {
        n++;
      }
    }
    return n;
  }

  /**
   * Whether {@code before} ends (but for white space) with a reference word that starts a word,
   * or with "#", "n°", "nº". A word list rather than a pattern: this runs for every numeral.
   */
  private static boolean referenceBefore(String before) {
    int end = before.length();
    while (end > 0 && Character.isWhitespace(before.charAt(end - 1))) {
      end--;
    }
    if (end == 0) {
      return false;
    }
    char last = before.charAt(end - 1);
    if (last == '#' || (last == '\u00B0' || last == '\u00BA') && end >= 2
        && before.charAt(end - 2) == 'n') {
      return true;
    }
    for (String word : REFERENCE_WORDS) {
      int at = end - word.length();
      if (at >= 0 && before.startsWith(word, at) && (at == 0 || !wordChar(before.charAt(at - 1)))) {
        return true;
      }
    }
    return false;
  }

  private static boolean wordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }

  /**
   * A matcher of a pattern that must end where {@code before} ends, searching only its last
   * {@link #TAIL} characters: every such phrase is shorter, and a search from the start of the
   * 40 characters would try the pattern at positions that cannot end it.
   */
  private static StartFilter.Finder tail(Pattern p, String before) {
    return StartFilter.finder(p, before, Math.max(0, before.length() - TAIL), before.length());
  }

  private static String text(String folded, int[] span) {
    return folded.substring(span[0], span[1]);
  }

  private static List<int[]> spans(Pattern p, String text, int from, int to) {
    List<int[]> spans = new ArrayList<>();
    Matcher m = p.matcher(text).region(from, to);
    m.useTransparentBounds(true);
    while (m.find()) {
      spans.add(new int[] {m.start(), m.end()});
    }
    return spans;
  }

  private static List<int[]> groupSpans(Pattern p, String text, int from, int to) {
    List<int[]> spans = new ArrayList<>();
    Matcher m = p.matcher(text).region(from, to);
    m.useTransparentBounds(true);
    while (m.find()) {
      spans.add(new int[] {m.start(1), m.end(1)});
    }
    return spans;
  }

  private static void exclude(List<int[]> spans, String why, List<int[]> excluded,
      List<String> excludedWhy) {
    for (int[] span : spans) {
      excluded.add(span);
      excludedWhy.add(why);
    }
  }
}
