package org.retorno.streams.extract;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.retorno.avro.Category;

/**
 * Finds category cues (EN/ES/FR, on folded text). Returns to Mexico count as MPP returns only with
 * MPP named in the sentence or a Mexican destination right after the verb; a return "home" is AVR
 * only with a bus or flight, or with IOM / voluntary return in view. Sexual assault is
 * SEXUAL_VIOLENCE, not ASSAULT. A harm done by police is also POLICE_ABUSE.
 */
public final class CategoryCues {
  private static final Pattern MPP_CONTEXT = Pattern.compile("\\bmpp\\b|remain in mexico|migrant "
      + "protection protocols?|protocolos? de proteccion a(?:l)? migrantes?|quedate en mexico"
      + "|permanecer en mexico|protocoles? de protection des migrants|rester au mexique|\\bppm\\b");
  private static final Pattern AVR_CONTEXT = Pattern.compile("\\b(?:iom|oim|voluntary|voluntarily"
      + "|voluntari[oa]s?|voluntariamente|voluntaire|volontairement|avr|retorno asistido"
      + "|retour volontaire|aide au retour)\\b");
  private static final Pattern RETURN_VERB = Pattern.compile("\\b(?:returned|returning|sent back|sent"
      + "|pushed back|devuelt[oa]s?|devolvio|devolvieron|retornad[oa]s?|retornaron|regresad[oa]s?"
      + "|enviad[oa]s?(?: de (?:regreso|vuelta))?|renvoye(?:e|s|es)?|retourne(?:e|s|es)?"
      + "|reconduit(?:e|s|es)?)\\b");
  private static final Pattern PARTICIPLE = Pattern.compile("(?:ed|ent|t|[oa]s?|e|es|ee|ees)$");
  private static final Pattern MPP_PLACEMENT = Pattern.compile("\\b(?:enrolled|placed|processed|put"
      + "|inscrit[oa]s?|incorporad[oa]s?|inscrite?s?|placee?s?)\\s+(?:in|into|under|en|al|dans|sous)"
      + "\\s+(?:the\\s+|el\\s+|los\\s+|le\\s+|les\\s+)?(?:mpp|remain in mexico|migrant protection "
      + "protocols|protocolos de proteccion a migrantes|(?:programa )?quedate en mexico|protocoles de "
      + "protection des migrants)\\b");
  private static final Pattern HOME_RIGHT_AFTER = Pattern.compile("\\G\\s+(?:back\\s+)?(?:home\\b|to "
      + "their (?:home )?countr|to their countries|a sus? pais|de regreso a sus? pais|dans leurs? pays"
      + "|chez eux)");
  private static final Pattern DESTINATION_BEFORE = Pattern.compile(
      "(?:^|\\s)(?:to|into|a|al|a la|au|hacia|vers|across the border to)\\s+(?:the\\s+)?$");
  private static final int DESTINATION_REACH = 100;
  private static final Pattern AVR_ENROLLMENT = Pattern.compile("\\b(?:entered|enrolled|signed up"
      + "|registered|accepted|admitted|joined|se inscribieron|inscrit[oa]s|ingresaron|ingresad[oa]s"
      + "|incorporad[oa]s|registrad[oa]s|inscrite?s?|enregistree?s?)\\b(?:\\s+(?:in|into|for|to|en|al|a"
      + "|au|dans))?[^;]{0,60}?(?:assisted voluntary return|voluntary return|\\bavr\\b|retorno "
      + "(?:voluntario )?asistido|retorno voluntario|retour volontaire|aide au retour)");
  private static final String HOME = "(?:home\\b|countries of origin|countr(?:y|ies) of origin"
      + "|their (?:home )?countr(?:y|ies)|sus? pais(?:es)?|leurs? pays|pays d'origine|chez eux|honduras"
      + "|guatemala|el salvador|nicaragua|cuba\\b|venezuela|ecuador|haiti|san pedro sula)";
  private static final Pattern AVR_TRANSPORT = Pattern.compile("\\b(?:bused|bussed|buses|busses|flown"
      + "|flew|sent back on (?:buses|a bus|flights?|planes?|a charter)|sent home|en autobus(?:es)?"
      + "|en camion(?:es)?|en avion|en (?:un )?vuelo|en bus|par avion|par bus|en autocar)\\b[^;]{0,160}?" + HOME);
  private static final Pattern AVR_RETURN = Pattern.compile("\\b(?:returned|return|sent back"
      + "|repatriated|repatriad[oa]s|repatrio|repatriaron|retornad[oa]s?|regresad[oa]s?|regresaron"
      + "|retornaron|volvieron|enviad[oa]s? de (?:regreso|vuelta)|rapatriee?s?|renvoyee?s?"
      + "|retournee?s?|return of|retorno de)\\b[^;]{0,100}?" + HOME);
  /** Repatriation is a return home by itself; with IOM or a voluntary return in view it is AVR. */
  private static final Pattern AVR_REPATRIATION = Pattern.compile("\\b(?:repatriated|repatriad[oa]s"
      + "|repatrio|repatriaron|rapatrie(?:e|s|es)?|a rapatrie|ont rapatrie)\\b");
  private static final Pattern AVR_OF = Pattern.compile(
      "\\b(?:assisted voluntary return|retorno asistido|retour volontaire(?: assiste)?) (?:of|de)\\b");
  private static final Pattern IN_ABSENTIA = Pattern.compile(
      "\\b(?:in absentia|in abstentia|en ausencia|en rebeldia|par contumace|en leur absence)\\b");
  private static final Pattern REFOULEMENT = Pattern.compile("(?<!non-|non |no )\\b(?:refoulement"
      + "|refouled|refoulee?s?|devolucion(?:es)? forzadas?)\\b|\\b(?:returned|sent|deported|expelled"
      + "|devuelt[oa]s|deportad[oa]s|expulsad[oa]s|renvoyee?s?|expulsee?s?|deportee?s?)\\b[^;]{0,60}?\\b(?:where they (?:fear|feared|face"
      + "|faced)|donde temen|donde enfrentan|ou ils craignent|ou elles craignent)");
  private static final Pattern SEXUAL_VIOLENCE = Pattern.compile("\\b(?:sexual(?:ly)? (?:assault\\w*"
      + "|abus\\w*|violence|attack\\w*)|assaulted sexually|rape[ds]?|raping|violad[oa]s?"
      + "|violacion(?:es)?|violencia sexual|abusad[oa]s? sexualmente|abusos? sexual(?:es)?"
      + "|agresion(?:es)? sexual(?:es)?|violee?s?|viols?|violences? sexuelles?"
      + "|agressions? sexuelles?)\\b");
  private static final Pattern[] HARMS = {
      Pattern.compile("\\b(?:kidnap\\w*|abduct\\w*|snatched|secuestr\\w*|plagiad[oa]s|privad[oa]s? de (?:la|su)"
          + " libertad|enlevee?s?|enlevements?|kidnappee?s?)\\b"),
      Pattern.compile("\\b(?:extort\\w*|extorsion\\w*|extorquee?s?|extorqu\\w*|cobro de piso)\\b"),
      SEXUAL_VIOLENCE,
      Pattern.compile("\\b(?:assault(?:ed|s)?|beaten|beat up|attacked|agredid[oa]s|agresion(?:es)?"
          + "|golpead[oa]s|golpizas?|atacad[oa]s|agressee?s?|agressions?|battue?s?|roue(?:e|s|es)? de"
          + " coups)\\b"),
      Pattern.compile("\\b(?:killed|murder\\w*|slain|shot dead|shot to death|shot and killed|gunned down"
          + "|stabbed to death|homicid\\w*|asesinad[oa]s?|asesinatos?|mataron"
          + "|ultimad[oa]s|tuee?s?|assassinee?s?|meurtres?)\\b"),
      Pattern.compile("\\b(?:disappeared|disappearances?|went missing|(?:are|were|remain|reported|been)"
          + " missing|desaparecid[oa]s|desaparecieron|desaparicion(?:es)?|disparue?s?|disparitions?)\\b"),
      Pattern.compile("\\b(?:robbed|robber(?:y|ies)|mugged|asaltad[oa]s|asaltos?|robad[oa]s|robos?"
          + "|atracad[oa]s|volee?s|devalise\\w*|depouillee?s?)\\b"),
      Pattern.compile("\\b(?:threatened|threats?|amenazad[oa]s|amenazas?|amenazaron|menacee?s?)\\b"),
      Pattern.compile("\\b(?:police (?:abuse|brutality|misconduct)|abusos? polici\\w*|abusos? de (?:la )?"
          + "policia|violences? policieres?|bavures? policieres?|brutalidad policia\\w*)\\b")};
  private static final Category[] HARM_CATEGORIES = {Category.KIDNAPPING, Category.EXTORTION,
      Category.SEXUAL_VIOLENCE, Category.ASSAULT, Category.HOMICIDE, Category.DISAPPEARANCE,
      Category.ROBBERY, Category.THREAT, Category.POLICE_ABUSE};
  /**
   * Substrings without which a pattern cannot match: checking them first spares most sentences
   * most patterns (a regular expression of alternatives is tried at every position). Each list
   * must cover every alternative of its pattern; CategoryCuesGateTest compares with and without.
   */
  private static final Map<Pattern, String[]> STEMS = new IdentityHashMap<>();

  static {
    stems(RETURN_VERB, "return", "sent", "pushed", "devuel", "devolv", "retorna", "regresad",
        "enviad", "renvoy", "retourn", "reconduit");
    stems(MPP_PLACEMENT, "mpp", "remain in mexico", "migrant protection", "protocolos de proteccion",
        "quedate en mexico", "protocoles de protection");
    stems(AVR_ENROLLMENT, "voluntary return", "avr", "retorno", "retour volontaire", "aide au retour");
    stems(AVR_TRANSPORT, "bus", "flown", "flew", "sent back on", "sent home", "camion", "avion",
        "vuelo", "autocar");
    stems(AVR_RETURN, "return", "sent back", "repatri", "retorn", "regres", "volvieron", "enviad",
        "rapatri", "renvoy", "retourn");
    stems(AVR_REPATRIATION, "repatri", "rapatri");
    stems(AVR_OF, "assisted voluntary return", "retorno asistido", "retour volontaire");
    stems(IN_ABSENTIA, "absentia", "abstentia", "ausencia", "rebeldia", "contumace", "absence");
    stems(REFOULEMENT, "refoul", "devolucion", "where they", "donde temen", "donde enfrentan",
        "craignent");
    stems(MPP_CONTEXT, "mpp", "remain in mexico", "migrant protection", "de proteccion a",
        "quedate en mexico", "permanecer en mexico", "de protection des migrants",
        "rester au mexique", "ppm");
    stems(AVR_CONTEXT, "iom", "oim", "volunt", "volont", "avr", "retorno asistido",
        "retour volontaire", "aide au retour");
    stems(HARMS[0], "kidnap", "abduct", "snatched", "secuestr", "plagiad", "privad", "enlev");
    stems(HARMS[1], "extor", "cobro de piso");
    stems(HARMS[2], "sexual", "sexuel", "rape", "raping", "viol");
    stems(HARMS[3], "assault", "beat", "attacked", "agredid", "agresion", "golpe", "golpiz",
        "atacad", "agress", "battu", "roue");
    stems(HARMS[4], "killed", "murder", "slain", "shot", "gunned down", "stabbed", "homicid",
        "asesin", "mataron", "ultimad", "tue", "assassin", "meurtre");
    stems(HARMS[5], "disappear", "missing", "desapar", "dispar");
    stems(HARMS[6], "robb", "mugged", "asalt", "robad", "robo", "atracad", "vole", "devalis",
        "depouill");
    stems(HARMS[7], "threat", "amenaz", "menace");
    stems(HARMS[8], "polic");
  }

  private final boolean gated;
  private static final String POLICE = "(?:police|policemen|policeman|police officers?|officers?|cops?"
      + "|policias?|policiacos?|agentes?|agents?|municipales|federales|guardia nacional|national guard"
      + "|policiers?|gendarmes?)";
  private static final Pattern POLICE_BEFORE = Pattern.compile("\\b" + POLICE
      + "(?:\\s+(?:municipales|federales|estatales|municipaux))?\\s+(?:\\w+\\s+){0,2}$");
  private static final Pattern POLICE_AFTER = Pattern.compile("\\G\\s*(?:\\w+\\s+){0,2}?(?:by|por|par)"
      + "\\s+(?:the\\s+|la\\s+|los\\s+|las\\s+|les\\s+|des\\s+|un\\s+|une\\s+)?(?:\\w+\\s+)?" + POLICE
      + "\\b|\\G\\s+(?:policial(?:es)?|policiere?s?)\\b");
  /** "Police reported 6 robberies": the police are the source of the figure, not the culprits. */
  private static final Pattern REPORTING = Pattern.compile("\\b(?:said|say|says|reported|report"
      + "|reports|recorded|registered|counted|documented|confirmed|investigat\\w*|rescued|found"
      + "|dijo|dijeron|informo|informaron|reporto|reportaron|registro|registraron|confirmo|rescataron"
      + "|investiga\\w*|a dit|ont dit|signale|ont signale|enquet\\w*)\\b");
  /** "Two state police officers were arrested for kidnapping": the police did it. */
  private static final Pattern POLICE_CHARGED_BEFORE = Pattern.compile("\\b" + POLICE
      + "(?:\\s+(?:municipales|federales|estatales|municipaux|federaux))?\\s+(?:were|was|fueron|fue|ont ete"
      + "|a ete|sont)\\s+(?:arrested|detained|charged|accused|detenid[oa]s|arrestad[oa]s|acusad[oa]s"
      + "|arretes|accuses|inculpes)\\s+(?:for|of|with|over|por|de|pour|d')\\s+$");
  /** "who had been returned", "que fueron devueltos": a pronoun and auxiliaries only. */
  static final Pattern RELATIVE_BEFORE = Pattern.compile("(\\p{L}+)\\s+(?:who|that|which|que"
      + "|quienes|qui|lesquels|lesquelles)\\s+(?:(?:had|have|has|been|were|was|are|is|be|being|already"
      + "|recently|previously|later|fueron|han|habian|sido|ya|ont|ete|avaient|etaient|sont|deja)\\s+)"
      + "{0,3}$");
  /** "raped in Tijuana after being returned": background to the news, not the news. */
  private static final Pattern BACKGROUND_BEFORE = Pattern.compile("\\b(?:after|before|since|upon"
      + "|tras|despues de|antes de|apres|avant d'|avant de)\\s+(?:being|having been|they were"
      + "|they had been|they'd been|ser|haber sido|sido|avoir ete|etre)\\s+$");
  /** After these, "that"/"que" opens reported speech, not a relative clause. */
  private static final java.util.Set<String> SPEECH_VERBS = java.util.Set.of("said", "says", "reported",
      "announced", "stated", "noted", "added", "confirmed", "informo", "dijo", "senalo", "indico",
      "explico", "confirmo", "aseguro", "anuncio", "agrego", "dit", "declare", "affirme", "indique",
      "annonce", "precise");
  private static final Pattern AUXILIARY_BEFORE = Pattern.compile("\\b(?:were|was|been|be|being|are"
      + "|is|have|has|had|got|get|fueron|fue|sido|son|es|seran|estan|ont|ete|sont|etaient|furent"
      + "|a)\\s+(?:\\w+\\s+)?$");

  public CategoryCues() {
    this(true);
  }

  /** {@code gated} false runs every pattern on every sentence (for the test of the gates). */
  CategoryCues(boolean gated) {
    this.gated = gated;
  }

  private static void stems(Pattern p, String... stems) {
    STEMS.put(p, stems);
  }

  /** False only when the sentence lacks every substring a match of {@code p} needs. */
  private boolean mayMatch(Pattern p, Substrings sentence) {
    if (!gated) {
      return true;
    }
    for (String stem : STEMS.get(p)) {
      if (sentence.contains(stem)) {
        return true;
      }
    }
    return false;
  }

  public List<CueMention> find(String sentence, List<PlaceMention> places) {
    return find(TextFolding.fold(sentence), 0, sentence.length(), places);
  }

  /** Cues in {@code [from, to)} of the folded text; {@code places} are those found in that span. */
  List<CueMention> find(String folded, int from, int to, List<PlaceMention> places) {
    List<CueMention> cues = new ArrayList<>();
    Substrings sentence = new Substrings(folded.substring(from, to));
    boolean mppContext = mayMatch(MPP_CONTEXT, sentence)
        && StartFilter.find(MPP_CONTEXT, sentence.text());
    boolean avrContext = mayMatch(AVR_CONTEXT, sentence)
        && StartFilter.find(AVR_CONTEXT, sentence.text());

    StartFilter.Finder m = StartFilter.finder(RETURN_VERB, folded, from,
        mayMatch(RETURN_VERB, sentence) ? to : from);
    while (m.find()) {
      if (matcher(HOME_RIGHT_AFTER, folded, m.end(), to).lookingAt()) {
        continue;
      }
      if (mppContext || mexicanDestinationAfter(folded, m.end(), to, places)) {
        cues.add(cue(folded, from, m.start(), m.end(), Category.MPP_RETURN, true));
      }
    }
    addAll(cues, folded, from, to, sentence, MPP_PLACEMENT, Category.MPP_RETURN);
    addAll(cues, folded, from, to, sentence, AVR_ENROLLMENT, Category.AVR_ENROLLMENT);
    List<int[]> departures = new ArrayList<>();
    addFirstWord(cues, folded, from, to, sentence, AVR_TRANSPORT, Category.AVR_DEPARTURE, departures);
    if (avrContext) {
      addFirstWord(cues, folded, from, to, sentence, AVR_RETURN, Category.AVR_DEPARTURE, departures);
      StartFilter.Finder r = StartFilter.finder(AVR_REPATRIATION, folded, from,
          mayMatch(AVR_REPATRIATION, sentence) ? to : from);
      while (r.find()) {
        int at = r.start();
        if (departures.stream().noneMatch(d -> at >= d[0] && at < d[1])) {
          departures.add(new int[] {r.start(), r.end()});
          cues.add(cue(folded, from, r.start(), r.end(), Category.AVR_DEPARTURE, false));
        }
      }
    }
    // "sent back on buses to their home countries" is a departure, not a return to Mexico.
    cues.removeIf(c -> c.category() == Category.MPP_RETURN && departures.stream()
        .anyMatch(d -> c.start() >= d[0] && c.start() < d[1]));
    addAll(cues, folded, from, to, sentence, AVR_OF, Category.AVR_DEPARTURE);
    addAll(cues, folded, from, to, sentence, IN_ABSENTIA, Category.IN_ABSENTIA_ORDER);
    addFirstWord(cues, folded, from, to, sentence, REFOULEMENT, Category.REFOULEMENT,
        new ArrayList<>());

    List<CueMention> harms = new ArrayList<>();
    for (int i = 0; i < HARMS.length; i++) {
      addAll(harms, folded, from, to, sentence, HARMS[i], HARM_CATEGORIES[i]);
    }
    harms.removeIf(h -> h.category() == Category.ASSAULT && harms.stream().anyMatch(s ->
        s.category() == Category.SEXUAL_VIOLENCE && s.start() <= h.end() && h.start() <= s.end()));
    List<CueMention> byPolice = new ArrayList<>();
    for (CueMention harm : harms) {
      if (harm.category() != Category.POLICE_ABUSE && byPolice(folded, from, to, harm)) {
        byPolice.add(new CueMention(harm.start(), harm.end(), Category.POLICE_ABUSE,
            harm.relativeClause(), harm.bareParticiple()));
      }
    }
    cues.addAll(harms);
    cues.addAll(byPolice);
    cues.sort(java.util.Comparator.comparingInt(CueMention::start));
    return cues;
  }

  /**
   * "returned to Tijuana", "returned 500 asylum seekers to Ciudad Juárez": a Mexican place after
   * "to" / "a" / "au" in the same clause, within a short distance of the verb.
   */
  private static boolean mexicanDestinationAfter(String folded, int at, int to,
      List<PlaceMention> places) {
    for (PlaceMention place : places) {
      if (place.start() < at || place.start() > at + DESTINATION_REACH || !place.place().inMexico()) {
        continue;
      }
      String between = folded.substring(at, place.start());
      if (between.indexOf(';') >= 0 || between.contains(", ")) {
        continue;
      }
      if (StartFilter.find(DESTINATION_BEFORE, between)) {
        return true;
      }
    }
    return false;
  }

  private static boolean byPolice(String folded, int from, int to, CueMention harm) {
    String before = folded.substring(Math.max(from, harm.start() - 45), harm.start());
    StartFilter.Finder police = StartFilter.finder(POLICE_BEFORE, before, 0, before.length());
    if (police.find() && !StartFilter.find(REPORTING, before.substring(police.start()))
        || StartFilter.find(POLICE_CHARGED_BEFORE,
            folded.substring(Math.max(from, harm.start() - 70), harm.start()))) {
      return true;
    }
    return matcher(POLICE_AFTER, folded, harm.end(), Math.min(to, harm.end() + 60)).lookingAt();
  }

  private void addAll(List<CueMention> cues, String folded, int from, int to, Substrings sentence,
      Pattern p, Category category) {
    if (!mayMatch(p, sentence)) {
      return;
    }
    StartFilter.Finder m = StartFilter.finder(p, folded, from, to);
    while (m.find()) {
      cues.add(cue(folded, from, m.start(), m.end(), category, false));
    }
  }

  /** For long patterns the cue is the verb that opens them, so modality is read around it. */
  private void addFirstWord(List<CueMention> cues, String folded, int from, int to,
      Substrings sentence, Pattern p, Category category, List<int[]> fullSpans) {
    if (!mayMatch(p, sentence)) {
      return;
    }
    StartFilter.Finder m = StartFilter.finder(p, folded, from, to);
    while (m.find()) {
      fullSpans.add(new int[] {m.start(), m.end()});
      int end = m.start();
      while (end < m.end() && Character.isLetter(folded.charAt(end))) {
        end++;
      }
      cues.add(cue(folded, from, m.start(), end, category, false));
    }
  }

  private static CueMention cue(String folded, int from, int start, int end, Category category,
      boolean participleMatters) {
    String before = folded.substring(Math.max(from, start - 40), start);
    String pronounAfter = relativeBefore(before);
    boolean relative = pronounAfter != null && !SPEECH_VERBS.contains(pronounAfter)
        || StartFilter.find(BACKGROUND_BEFORE, before);
    boolean bare = participleMatters && StartFilter.find(PARTICIPLE, firstWord(folded, start, end))
        && !StartFilter.find(AUXILIARY_BEFORE, before);
    return new CueMention(start, end, category, relative, bare);
  }

  /**
   * The word before the pronoun of {@link #RELATIVE_BEFORE}'s first match in {@code before}, or
   * null. Tried only where a word starts: a match inside a word would also match from the word's
   * start (its letters run on to the same space), so the first match never starts inside one.
   */
  static String relativeBefore(String before) {
    Matcher r = RELATIVE_BEFORE.matcher(before);
    for (int i = 0; i < before.length(); i++) {
      if (!Character.isLetter(before.codePointAt(i))
          || i > 0 && Character.isLetter(before.codePointBefore(i))) {
        continue;
      }
      if (r.region(i, before.length()).lookingAt()) {
        return r.group(1);
      }
    }
    return null;
  }

  private static String firstWord(String folded, int start, int end) {
    int i = start;
    while (i < end && Character.isLetter(folded.charAt(i))) {
      i++;
    }
    return folded.substring(start, i);
  }

  private static Matcher matcher(Pattern p, String folded, int from, int to) {
    Matcher m = p.matcher(folded).region(from, to);
    m.useTransparentBounds(true).useAnchoringBounds(false);
    return m;
  }
}
