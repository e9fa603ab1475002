package org.retorno.streams.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.retorno.schemas.geo.BorderCity;
import org.retorno.schemas.geo.HearingLocation;

/**
 * Finds places in a span of text with the traps of the border in mind: "Laredo" is Texas,
 * "Nuevo Laredo" is Mexico; a bare "Nogales" is Sonora only when Sonora or Mexico is in view;
 * "Chihuahua" alone is the state; "Juárez, Nuevo León" and "Benito Juárez" are not Ciudad Juárez;
 * "Remain in Mexico" is a policy, not a place.
 */
public final class PlaceFinder {
  private static final Pattern POLICY_BEFORE_MEXICO = Pattern.compile(
      "(?:remain|wait|quedate|quedarse|permanecer|esperar|rester|attendre)\\s+(?:in|en|au)\\s+$");
  private static final Pattern GULF_BEFORE_MEXICO = Pattern.compile("(?:gulf|golfo|golfe)\\s+(?:of|de|du)\\s+$");
  private static final Pattern STREET_BEFORE = Pattern.compile(
      "(?:avenida|av\\.|calle|blvd\\.?|boulevard|bulevar|colonia|col\\.|avenue|street|calzada|puente|"
          + "benito|izucar\\s+de|rue)\\s+$");
  private static final Pattern STREET_AFTER = Pattern.compile("^\\s+(?:avenue|street|st\\.|ave\\.|boulevard)");
  private static final Pattern CITY_BEFORE = Pattern.compile(
      "(?:ciudad\\s+de|city\\s+of|ville\\s+de|capital\\s+(?:of|de))\\s+$");
  private static final Pattern CITY_AFTER = Pattern.compile("^\\s+city\\b");
  private static final Pattern MEXICO_CONTEXT = Pattern.compile(
      "\\b(?:sonora|mexico|mexican|mexicana?s?|mexicaine?s?|mexique)\\b");
  private static final Pattern COURT_OR_PORT = Pattern.compile(
      "\\b(?:court|courts|courtroom|tent court|immigration court|port of entry|port|ports|"
          + "corte|cortes|tribunal|tribunales|tribunaux|puerto|garita|audiencias?|hearings?|judges?|jueces"
          + "|juez|juges?|immigration)\\b");
  private static final int CONTEXT = 50;
  private static final SentenceSplitter SPLITTER = new SentenceSplitter();
  /** The hearing-location table read once per US place rather than once per mention. */
  private static final java.util.Map<String, java.util.Optional<HearingLocation>> HEARING_BY_PLACE =
      new java.util.concurrent.ConcurrentHashMap<>();

  public List<PlaceMention> find(String text) {
    return find(text, TextFolding.fold(text), 0, text.length(), null);
  }

  /**
   * Places in {@code [from, to)}. {@code nogalesHint} is the document's reading of a bare
   * "Nogales" (from an explicit "Nogales, Sonora" elsewhere), or null.
   */
  List<PlaceMention> find(String original, String folded, int from, int to, KnownPlace nogalesHint) {
    List<PlaceMention> found = new ArrayList<>();
    int skipUntil = -1;
    for (int at = from; at < to; at++) {
      char initial = folded.charAt(at);
      if (at < skipUntil || !Character.isLetter(initial)
          || at > 0 && Character.isLetterOrDigit(folded.charAt(at - 1))) {
        continue;
      }
      int wordEnd = at;
      while (wordEnd < to && Character.isLetter(folded.charAt(wordEnd))) {
        wordEnd++;
      }
      if (!Gazetteer.startsAName(folded, at, wordEnd)) {
        at = wordEnd - 1;
        continue;
      }
      Pattern names = Gazetteer.namesStartingWith(initial);
      if (names == null) {
        continue;
      }
      Matcher m = names.matcher(folded).region(at, to);
      m.useTransparentBounds(true).useAnchoringBounds(false);
      if (!m.lookingAt()) {
        continue;
      }
      int start = m.start();
      Object entry = Gazetteer.lookup(m.group(1));
      if (entry == null) {
        continue;
      }
      int end = m.end();
      KnownPlace qualifier = null;
      if (!(entry instanceof KnownPlace kp && !kp.isCity()) && Gazetteer.mayQualify(folded, end, to)) {
        Matcher q = Gazetteer.QUALIFIER_PATTERN.matcher(folded).region(end, to);
        q.useTransparentBounds(true).useAnchoringBounds(false);
        if (q.lookingAt()) {
          qualifier = Gazetteer.qualifier(q.group(1));
          end = q.end();
        }
      }
      KnownPlace place = entry instanceof KnownPlace kp ? kp
          : resolve((Gazetteer.Ambiguous) entry, original, folded, start, m.end(), qualifier,
              from, to, nogalesHint);
      if (place == null) {
        continue;
      }
      if (qualifier != null && place.isCity() && !consistent(place, qualifier)) {
        end = m.end(); // "Laredo, Mexico" is not one place: leave "Mexico" to be read on its own
      }
      skipUntil = end;
      at = end - 1;
      found.add(new PlaceMention(start, end, place, hearingLocation(place, folded, start, end)));
    }
    return found;
  }

  /**
   * The reading of a bare "Nogales" that the document itself settles ("Nogales, Sonora" in one
   * sentence, or a bare Nogales with Mexico in view in its own sentence), or null. Read sentence
   * by sentence: the whole document is not one sentence's context.
   */
  KnownPlace nogalesHint(String original, String folded) {
    return folded.contains("nogales") ? nogalesHint(original, folded, SPLITTER.split(original)) : null;
  }

  /** As above, with the text's sentences already split (the extractor has them). */
  KnownPlace nogalesHint(String original, String folded, List<Sentence> sentences) {
    if (!folded.contains("nogales")) {
      return null;
    }
    for (Sentence sentence : sentences) {
      if (!TextFolding.contains(folded, sentence.start(), sentence.end(), "nogales")) {
        continue;
      }
      for (PlaceMention mention : find(original, folded, sentence.start(), sentence.end(), null)) {
        KnownPlace place = mention.place();
        if (place.borderCity() == BorderCity.NOGALES_SONORA || place == Gazetteer.NOGALES_AZ
            || place == Gazetteer.NOGALES_VERACRUZ) {
          return place;
        }
      }
    }
    return null;
  }

  private static KnownPlace resolve(Gazetteer.Ambiguous name, String original, String folded,
      int start, int end, KnownPlace qualifier, int from, int to, KnownPlace nogalesHint) {
    String before = folded.substring(Math.max(0, start - 25), start);
    String after = folded.substring(end, Math.min(folded.length(), end + 12));
    String qualifierCode = qualifier == null ? null
        : qualifier.admin1Code() != null ? qualifier.admin1Code() : qualifier.countryCode();
    return switch (name) {
      case TJ -> original.startsWith("TJ", start) ? KnownPlace.border(BorderCity.TIJUANA) : null;
      case MEXICO -> StartFilter.find(POLICY_BEFORE_MEXICO, before)
          || StartFilter.find(GULF_BEFORE_MEXICO, before) ? null : Gazetteer.MEXICO;
      case JUAREZ -> {
        if (StartFilter.find(STREET_BEFORE, before) || StartFilter.find(STREET_AFTER, after)) {
          yield null;
        }
        yield "MX-NLE".equals(qualifierCode) ? Gazetteer.BENITO_JUAREZ_NL
            : KnownPlace.border(BorderCity.CIUDAD_JUAREZ);
      }
      case MATAMOROS -> {
        if (StartFilter.find(STREET_BEFORE, before)) {
          yield null;
        }
        yield "MX-COA".equals(qualifierCode) ? Gazetteer.MATAMOROS_COAHUILA
            : KnownPlace.border(BorderCity.MATAMOROS);
      }
      case CHIHUAHUA -> StartFilter.find(CITY_BEFORE, before) || StartFilter.find(CITY_AFTER, after)
          || "MX-CHH".equals(qualifierCode) ? Gazetteer.CHIHUAHUA_CITY : Gazetteer.state("MX-CHH");
      case NOGALES -> {
        if (qualifierCode != null) {
          yield switch (qualifierCode) {
            case "MX-SON", "MX" -> KnownPlace.border(BorderCity.NOGALES_SONORA);
            case "US-AZ", "US" -> Gazetteer.NOGALES_AZ;
            case "MX-VER" -> Gazetteer.NOGALES_VERACRUZ;
            default -> null;
          };
        }
        String sentence = folded.substring(from, to);
        if (StartFilter.find(MEXICO_CONTEXT, withoutPolicyNames(sentence))) {
          yield KnownPlace.border(BorderCity.NOGALES_SONORA);
        }
        yield nogalesHint;
      }
    };
  }

  private static String withoutPolicyNames(String folded) {
    return folded.replace("remain in mexico", "").replace("quedate en mexico", "");
  }

  private static boolean consistent(KnownPlace city, KnownPlace qualifier) {
    if (qualifier.admin1Code() != null) {
      return qualifier.admin1Code().equals(city.admin1Code());
    }
    return qualifier.countryCode().equals(city.countryCode());
  }

  private static HearingLocation hearingLocation(KnownPlace place, String folded, int start, int end) {
    if (place.kind() != KnownPlace.Kind.US_CITY) {
      return null;
    }
    String around = folded.substring(Math.max(0, start - CONTEXT), start) + " "
        + folded.substring(end, Math.min(folded.length(), end + CONTEXT));
    if (!StartFilter.find(COURT_OR_PORT, around)) {
      return null;
    }
    return HEARING_BY_PLACE.computeIfAbsent(place.key(),
        key -> HearingLocation.byName(place.name())).orElse(null);
  }
}
