package org.retorno.streams.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes personal data from a sentence before it is stored as evidence: e-mail addresses,
 * A-numbers, phone numbers and personal names become [EMAIL], [A-NUMBER], [PHONE], [NAME].
 * Without a named-entity model, names are found by cues: an honorific ("Sr.", "Dr."), a speech
 * verb ("said Gascon"), an age ("Mejía, 31,"), a common given name or surname of the
 * {@link NameLexicon} ("Mejía's family"), or two or more capitalised words in a row that are
 * not a known place, organisation, nationality, month or sentence opener.
 */
public final class EvidenceScrubber {
  private static final Pattern SENTENCE_END = Pattern.compile("[.!?]\\s");
  private static final Pattern URL_WORD = Pattern.compile("\\p{L}+");
  static final Pattern TOKEN = Pattern.compile("\\p{L}[\\p{L}\\p{M}'\u2019-]*");
  /** Titles written with a full stop ("Sr.", "Dr."). */
  private static final Pattern HONORIFIC = Pattern.compile("(?:mr|mrs|ms|dr|sr|sra|srta|lic|ing|mme"
      + "|mlle|m|rev|fr|sgt|lt|capt|gen|prof)");
  /** Titles written as words ("Padre", "Doña"): a capitalised word after them is a name. */
  private static final Pattern TITLE_WORD = Pattern.compile("(?:don|dona|padre|father|sister|hermana"
      + "|pastor|reverend|senor|senora|senorita|monsieur|madame|mademoiselle|soeur|pere|madre|brother"
      + "|hermano|doctor|doctora|licenciado|licenciada|profesor|profesora|professor)");
  private static final Pattern SPEECH_BEFORE = Pattern.compile("\\b(?:said|says|told|dijo|declaro"
      + "|explico|conto|relato|according to|segun|selon|a declare|a dit|named|called|llamad[oa]"
      + "|nommee?|identified as|identificad[oa] como)\\s+$");
  private static final Pattern SPEECH_AFTER = Pattern.compile("^,?\\s+(?:said|says|told|dijo|declaro"
      + "|explico|a dit|a declare)\\b|^,\\s*\\d{1,2}\\s*,");
  private static final Set<String> SAINTS = Set.of("san", "santa", "santo", "sao", "saint",
      "sainte", "st");
  private static final Set<String> PARTICLES = Set.of("de", "del", "la", "las", "los", "van", "von",
      "da", "dos", "das", "di", "du", "le", "y", "e", "bin", "al", "el");
  private static final Set<String> KNOWN = Set.of(
      // organisations and the words they are made of
      "organization", "organisation", "organizacion", "international", "internacional", "institute",
      "instituto", "institut", "national", "nacional", "department", "departamento", "ministry",
      "ministerio", "secretaria", "secretariat", "agency", "agencia", "office", "oficina",
      "commission", "comision", "committee", "comite", "council", "consejo", "court", "corte",
      "tribunal", "police", "policia", "patrol", "patrulla", "border", "frontera", "customs",
      "protection", "proteccion", "protocols", "protocolos", "protocol", "program", "programa",
      "programme", "migration", "migracion", "migrations", "immigration", "inmigracion",
      "enforcement", "security", "seguridad", "homeland", "state", "states", "united", "nations",
      "naciones", "unidas", "unies", "refugee", "refugees", "refugiados", "refugies", "rights",
      "derechos", "human", "humanos", "droits", "center", "centre", "centro", "network", "red",
      "coalition", "alliance", "alianza", "foundation", "fundacion", "church", "iglesia", "casa",
      "albergue", "shelter", "hospital", "university", "universidad", "press", "news", "times",
      "post", "journal", "tribune", "wire", "reuters", "associated", "agence", "government",
      "gobierno", "gouvernement", "federal", "municipal", "army", "guard", "guardia", "service",
      "services", "servicio", "justice", "justicia", "law", "project", "initiative", "watch",
      "amnesty", "first", "lab", "society", "association", "asociacion", "fund", "fondo", "bureau",
      "board", "administration", "house", "senate", "congress", "congreso", "embassy", "embajada",
      "consulate", "consulado", "observatory", "commissioner", "representative", "general",
      "ledger", "courier", "hoy", "migrant", "migrants", "migrantes", "remain", "quedate",
      "mexico", "mexican", "american", "americas", "central", "latin", "america", "europe",
      "president", "presidente", "governor", "gobernador", "mayor", "alcalde", "secretary",
      "minister", "chief", "director", "directora", "officials", "spokesman", "spokeswoman",
      "vocero", "vocera", "excellency", "travel", "advisory", "relief", "caritas", "otro", "lado",
      "kino", "annunciation", "assistance", "asistencia", "voluntary", "return", "retorno",
      "hrw", "aclu", "cbp", "ice", "dhs", "doj", "eoir", "uscis", "inm", "comar", "iom",
      "oim", "unhcr", "acnur", "unicef", "acled", "gdelt", "trac", "msf", "cndh", "mpp", "avr",
      "god", "i", "u.s", "us", "un", "ee", "uu",
      // months and weekdays
      "january", "february", "march", "april", "may", "june", "july", "august", "september",
      "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
      "sept", "oct", "nov", "dec", "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio",
      "agosto", "septiembre", "octubre", "noviembre", "diciembre", "monday", "tuesday",
      "wednesday", "thursday", "friday", "saturday", "sunday", "lunes", "martes", "miercoles",
      "jueves", "viernes", "sabado", "domingo");
  private static final Set<String> OPENERS = Set.of("the", "a", "an", "in", "on", "at", "of", "for",
      "to", "from", "with", "by", "as", "after", "before", "according", "it", "this", "that",
      "these", "those", "there", "he", "she", "they", "we", "el", "la", "los", "las", "un", "una",
      "en", "de", "del", "por", "para", "con", "segun", "le", "les", "des", "une", "au", "aux", "du",
      "selon", "dans", "but", "and", "y", "et", "pero", "mais", "however", "meanwhile", "also",
      "advocates", "authorities", "autoridades", "since", "while", "when", "more", "most", "some",
      "many", "several", "across", "officials", "lawyers", "his", "her", "their", "our", "your",
      "its", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "no",
      "not", "below", "first", "second", "finally", "similarly", "given", "people", "returnees", "mpp", "dear", "sincerely", "se", "ce", "ces", "il",
      "ils", "elle", "elles", "nous", "es", "fue", "fueron", "hay", "ayer", "hoy");

  public String scrub(String sentence) {
    return scrub(sentence, new PlaceFinder().find(sentence), false);
  }

  /**
   * {@code places} are the places found in {@code sentence} (offsets into it). In a headline
   * ({@code headline}) the capitalised-run rule, which would read Title Case as names, is off
   * when seven in ten longer words are capitalised (of three or more; of six or more in body text).
   */
  String scrub(String sentence, List<PlaceMention> places, boolean headline) {
    return scrubWith(sentence, places, titleCase(sentence, headline ? 3 : 6));
  }

  private String scrubWith(String sentence, List<PlaceMention> places, boolean runsAreNotNames) {
    List<int[]> spans = new ArrayList<>(); // start, end, kind
    markIdentifiers(sentence, spans);
    markNames(sentence, places, runsAreNotNames, spans);
    return replace(sentence, spans);
  }

  private static String replace(String sentence, List<int[]> spans) {
    spans.sort(Comparator.comparingInt(s -> s[0]));
    StringBuilder out = new StringBuilder(sentence.length());
    int at = 0;
    for (int[] span : spans) {
      if (span[0] < at) {
        continue;
      }
      out.append(sentence, at, span[0]);
      out.append(switch (span[2]) {
        case 0 -> "[EMAIL]";
        case 1 -> "[A-NUMBER]";
        case 2 -> "[PHONE]";
        default -> "[NAME]";
      });
      at = span[1];
    }
    out.append(sentence, at, sentence.length());
    return out.toString();
  }

  /**
   * Text that is not a sentence but may carry personal data (a source's name, a count's words):
   * identifiers always, names only where cued or common (no capitalised-run rule: "Noticias
   * Telemundo" is an outlet).
   */
  public String scrubMetadata(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    return scrubWith(text, new PlaceFinder().find(text), true);
  }

  /** A URL keeps its shape; identifiers and common names in it become typed markers such as [NAME]. */
  public String scrubUrl(String url) {
    if (url == null || url.isEmpty()) {
      return url;
    }
    String identifiersGone = scrubIdentifiers(url);
    Matcher m = URL_WORD.matcher(identifiersGone);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String word = TextFolding.fold(m.group());
      m.appendReplacement(out, NameLexicon.contains(word) && !isKnownWord(word) ? "NAME" : "$0");
    }
    m.appendTail(out);
    return out.toString();
  }

  /** E-mail addresses, A-numbers and phone numbers only. */
  public String scrubIdentifiers(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    List<int[]> spans = new ArrayList<>();
    markIdentifiers(text, spans);
    return replace(text, spans);
  }

  /** E-mail addresses, A-numbers and phones, each pattern only where its marks are. */
  private static void markIdentifiers(String text, List<int[]> spans) {
    PersonalData.Marks marks = PersonalData.Marks.of(text, 0, text.length());
    if (marks.email()) {
      mark(PersonalData.EMAIL, text, 0, spans);
    }
    if (marks.aNumber()) {
      mark(PersonalData.A_NUMBER, text, 1, spans);
    }
    if (marks.cuedPhone()) {
      markGroup(PersonalData.CUED_PHONE, text, 2, spans);
    }
    if (marks.phone()) {
      mark(PersonalData.PHONE, text, 2, spans);
    }
  }

  static boolean isKnownWord(String folded) {
    return KNOWN.contains(folded);
  }

  private static void markGroup(Pattern p, String sentence, int kind, List<int[]> spans) {
    Matcher m = p.matcher(sentence);
    while (m.find()) {
      spans.add(new int[] {m.start(1), m.end(1), kind});
    }
  }

  private static void mark(Pattern p, String sentence, int kind, List<int[]> spans) {
    Matcher m = p.matcher(sentence);
    while (m.find()) {
      spans.add(new int[] {m.start(), m.end(), kind});
    }
  }

  private record Word(int start, int end, String folded, boolean capitalised, boolean known,
      boolean opener) {}

  private static void markNames(String sentence, List<PlaceMention> places, boolean headline,
      List<int[]> spans) {
    List<Word> words = words(sentence, places);
    String folded = TextFolding.fold(sentence);
    int i = 0;
    while (i < words.size()) {
      Word w = words.get(i);
      boolean honorific = w.capitalised() && (HONORIFIC.matcher(w.folded()).matches()
          && w.end() < sentence.length() && sentence.charAt(w.end()) == '.'
          || TITLE_WORD.matcher(w.folded()).matches() && i + 1 < words.size()
          && words.get(i + 1).capitalised() && adjacent(sentence, w, words.get(i + 1)));
      if (honorific || w.capitalised() && !w.known()) {
        int j = i + (honorific ? 1 : 0);
        int last = -1;
        int k = j;
        while (k < words.size()) {
          Word next = words.get(k);
          if (k > j && !adjacent(sentence, words.get(k - 1), next)) {
            break;
          }
          if (next.capitalised() && (honorific || !next.known())) {
            last = k;
            k++;
          } else if (last == k - 1 && particlesLeadToName(sentence, words, k)) {
            k++;
            while (PARTICLES.contains(words.get(k).folded())) {
              k++;
            }
          } else {
            break;
          }
        }
        int first = j;
        if (last >= first) {
          int count = last - first + 1;
          Word a = words.get(first);
          Word b = words.get(last);
          boolean cued = honorific || cued(folded, a.start(), b.end());
          boolean common = false;
          for (int n = first; n <= last; n++) {
            common |= words.get(n).capitalised() && NameLexicon.contains(words.get(n).folded());
          }
          // "San Fernando", "Santa Ana", "San Antonio Express-News": a saint's name is a place's.
          boolean saint = !honorific && SAINTS.contains(a.folded());
          if (!saint && (cued || common || count >= 2 && !headline)) {
            spans.add(new int[] {a.start(), withoutPossessive(sentence, b), 3});
          }
          i = Math.max(i + 1, last + 1);
          continue;
        }
      }
      i++;
    }
  }

  /** "de la" in "María de la Luz": lower-case particles between two parts of a name. */
  private static boolean particlesLeadToName(String sentence, List<Word> words, int k) {
    int i = k;
    while (i < words.size() && PARTICLES.contains(words.get(i).folded())
        && !words.get(i).capitalised()) {
      if (!adjacent(sentence, words.get(i - 1), words.get(i))) {
        return false;
      }
      i++;
    }
    return i > k && i < words.size() && adjacent(sentence, words.get(i - 1), words.get(i))
        && words.get(i).capitalised() && !words.get(i).known();
  }

  private static boolean cued(String folded, int start, int end) {
    String before = folded.substring(Math.max(0, start - 25), start);
    String after = folded.substring(end, Math.min(folded.length(), end + 12));
    return StartFilter.find(SPEECH_BEFORE, before) || StartFilter.find(SPEECH_AFTER, after);
  }

  private static int withoutPossessive(String sentence, Word w) {
    String text = sentence.substring(w.start(), w.end());
    if (text.endsWith("'s") || text.endsWith("\u2019s")) {
      return w.end() - 2;
    }
    return w.end();
  }

  private static boolean adjacent(String sentence, Word a, Word b) {
    String between = sentence.substring(a.end(), b.start());
    return between.equals(" ") || between.equals("\u00A0");
  }

  private static List<Word> words(String sentence, List<PlaceMention> places) {
    List<Word> words = new ArrayList<>();
    boolean atOpening = true;
    int previousEnd = 0;
    for (int[] token : tokens(sentence)) {
      int start = token[0];
      int end = token[1];
      String gap = sentence.substring(previousEnd, start);
      boolean opener = atOpening || gap.contains("\u2014") || gap.contains(":") || gap.contains("\"")
          || gap.contains("\u201C") || SENTENCE_END.matcher(gap).find();
      String text = sentence.substring(start, end);
      String bare = text.endsWith("'s") || text.endsWith("\u2019s") ? text.substring(0, text.length() - 2)
          : text;
      String folded = TextFolding.fold(bare);
      boolean capitalised = Character.isUpperCase(text.charAt(0));
      boolean known = inPlace(places, start, end) || KNOWN.contains(folded)
          || Nationalities.country(folded) != null || NumberWords.word(folded) != null
          || acronym(bare) || opener && OPENERS.contains(folded);
      words.add(new Word(start, end, folded, capitalised, known, opener));
      atOpening = false;
      previousEnd = end;
    }
    return words;
  }

  /**
   * The spans {@link #TOKEN} finds, read by hand as the regex reads them (code point by code
   * point, a failed start one char further): this runs on every word of every claim's sentence.
   */
  static List<int[]> tokens(String sentence) {
    List<int[]> tokens = new ArrayList<>();
    int length = sentence.length();
    int i = 0;
    while (i < length) {
      int first = sentence.codePointAt(i);
      if (!Character.isLetter(first)) {
        i++;
        continue;
      }
      int end = i + Character.charCount(first);
      while (end < length) {
        int c = sentence.codePointAt(end);
        if (!(Character.isLetter(c) || isMark(c) || c == '\'' || c == '\u2019' || c == '-')) {
          break;
        }
        end += Character.charCount(c);
      }
      tokens.add(new int[] {i, end});
      i = end;
    }
    return tokens;
  }

  private static boolean isMark(int c) {
    int type = Character.getType(c);
    return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
        || type == Character.COMBINING_SPACING_MARK;
  }

  private static boolean acronym(String word) {
    if (word.length() > 3) {
      return false;
    }
    for (int i = 0; i < word.length(); i++) {
      if (!Character.isUpperCase(word.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean inPlace(List<PlaceMention> places, int start, int end) {
    for (PlaceMention place : places) {
      if (start >= place.start() && start < place.end()) {
        return true;
      }
    }
    return false;
  }

  /** Title Case: at least {@code minimum} longer words, seven in ten of them capitalised. */
  private static boolean titleCase(String sentence, int minimum) {
    int longer = 0;
    int capitalised = 0;
    for (int[] token : tokens(sentence)) {
      if (token[1] - token[0] > 3) {
        longer++;
        if (Character.isUpperCase(sentence.charAt(token[0]))) {
          capitalised++;
        }
      }
    }
    return longer >= minimum && capitalised * 10 >= longer * 7;
  }
}
