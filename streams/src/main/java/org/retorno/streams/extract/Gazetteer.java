package org.retorno.streams.extract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.retorno.schemas.geo.BorderCity;

/**
 * Names of places as written (folded: lower case, no accents) and what they stand for, read from
 * the data files in {@code /extract/gazetteer/}: {@code places.tsv} (the places, with GeoNames
 * facts), {@code ambiguous.tsv} (names that need their surroundings: "Nogales", "Juárez") and
 * {@code qualifiers.tsv} (", Sonora", ", Texas"). Names that need context map to an
 * {@link Ambiguous} marker that {@link PlaceFinder} resolves.
 */
final class Gazetteer {
  enum Ambiguous { NOGALES, JUAREZ, MATAMOROS, CHIHUAHUA, MEXICO, TJ }

  static final String PLACES = "/extract/gazetteer/places.tsv";
  static final String AMBIGUOUS = "/extract/gazetteer/ambiguous.tsv";
  static final String QUALIFIERS = "/extract/gazetteer/qualifiers.tsv";

  private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");
  private static final Map<String, KnownPlace> BY_KEY = new LinkedHashMap<>();
  private static final Map<String, Object> NAMES = new HashMap<>();
  private static final Map<String, KnownPlace> QUALIFIER_NAMES = new HashMap<>();
  private static final Map<String, KnownPlace> BY_CODE = new HashMap<>();
  private static final Map<BorderCity, KnownPlace> BORDER = new EnumMap<>(BorderCity.class);

  static {
    for (String[] row : rows(PLACES, 9)) {
      KnownPlace place = place(row);
      if (BY_KEY.putIfAbsent(place.key(), place) != null) {
        throw new IllegalStateException(PLACES + ": " + place.key() + " is listed twice");
      }
      if (place.borderCity() != null) {
        BORDER.put(place.borderCity(), place);
      }
      if (place.kind() == KnownPlace.Kind.COUNTRY) {
        BY_CODE.put(place.countryCode(), place);
      } else if (place.kind() == KnownPlace.Kind.MEXICAN_STATE || place.kind() == KnownPlace.Kind.US_STATE) {
        BY_CODE.put(place.admin1Code(), place);
      }
      for (String name : row[8].split("\\|")) {
        addName(PLACES, name, place);
      }
    }
    for (String[] row : rows(AMBIGUOUS, 2)) {
      addName(AMBIGUOUS, row[0], Ambiguous.valueOf(row[1]));
    }
    for (String[] row : rows(QUALIFIERS, 2)) {
      KnownPlace place = BY_CODE.get(row[0]);
      if (place == null) {
        throw new IllegalStateException(QUALIFIERS + ": no state or country " + row[0] + " in " + PLACES);
      }
      for (String name : row[1].split("\\|")) {
        QUALIFIER_NAMES.put(normal(name), place);
      }
    }
    if (BORDER.size() != BorderCity.values().length) {
      throw new IllegalStateException(PLACES + ": every border city needs a line");
    }
  }

  // Places the finder's context rules name; their facts come from the data file.
  static final KnownPlace NOGALES_AZ = byGeonamesId(5306611L);
  static final KnownPlace MATAMOROS_COAHUILA = byGeonamesId(3996426L);
  static final KnownPlace NOGALES_VERACRUZ = byGeonamesId(3522696L);
  static final KnownPlace CHIHUAHUA_CITY = byGeonamesId(4014338L);
  static final KnownPlace BENITO_JUAREZ_NL = byGeonamesId(4003757L);
  static final KnownPlace MEXICO = BY_CODE.get("MX");

  /**
   * Names grouped by first letter, each group one pattern tried only at the start of a word:
   * one alternation of every name, tried at every position, cost a third of the extractor's time.
   */
  private static final Map<Character, Pattern> NAMES_BY_INITIAL = NAMES.keySet().stream()
      .collect(Collectors.groupingBy(name -> name.charAt(0))).entrySet().stream()
      .collect(Collectors.toMap(Map.Entry::getKey, e -> alternation(e.getValue())));
  /**
   * The same by ASCII initial, without boxing the initial for every word of a text (a list, not an
   * array: StartFilterTest reads every Pattern and Pattern[] constant of the package).
   */
  private static final List<Pattern> NAMES_BY_ASCII_INITIAL = java.util.Arrays.asList(
      java.util.stream.IntStream.range(0, 128).mapToObj(c -> NAMES_BY_INITIAL.get((char) c))
          .toArray(Pattern[]::new));

  /** The first word of every name ("nuevo" of "nuevo laredo"): most words start none. */
  private static final java.util.Set<String> FIRST_WORDS = NAMES.keySet().stream()
      .map(Gazetteer::firstWord).collect(Collectors.toUnmodifiableSet());
  static final Pattern QUALIFIER_PATTERN = Pattern.compile("\\G\\s*,?\\s*"
      + alternation(QUALIFIER_NAMES.keySet()).pattern());

  /**
   * The first characters of the qualifier names: the qualifier pattern is tried after every place,
   * and most places are followed by a word no qualifier starts with.
   */
  private static final String QUALIFIER_INITIALS = QUALIFIER_NAMES.keySet().stream()
      .map(name -> name.substring(0, 1)).distinct().sorted().collect(Collectors.joining());

  /** Whether the gap before a qualifier could hold a name's first character (then no gate). */
  private static final boolean INITIAL_IN_GAP =
      QUALIFIER_INITIALS.chars().anyMatch(c -> c == ',' || isSpace((char) c));
  /**
   * The openings ({@link TextFolding#opening}) of the first words of three letters or more: most
   * words of a text open with none, and are not looked up at all.
   */
  private static final java.util.BitSet FIRST_WORD_OPENINGS = new java.util.BitSet();

  static {
    FIRST_WORDS.stream().filter(w -> w.length() >= 3)
        .forEach(w -> FIRST_WORD_OPENINGS.set(TextFolding.opening(w, 0)));
  }

  private Gazetteer() {}

  /**
   * False only when {@link #QUALIFIER_PATTERN} cannot match at {@code at}: past its white space
   * and comma, read as the pattern reads them, no qualifier name can start.
   */
  static boolean mayQualify(String folded, int at, int to) {
    if (INITIAL_IN_GAP) {
      return true;
    }
    int i = at;
    while (i < to && isSpace(folded.charAt(i))) {
      i++;
    }
    if (i < to && folded.charAt(i) == ',') {
      i++;
    }
    while (i < to && isSpace(folded.charAt(i))) {
      i++;
    }
    return i < to && QUALIFIER_INITIALS.indexOf(folded.charAt(i)) >= 0;
  }

  /** The characters of the regex {@code \s}. */
  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
  }

  /** The pattern for names starting with {@code initial} (folded), or null. */
  static Pattern namesStartingWith(char initial) {
    return initial < 128 ? NAMES_BY_ASCII_INITIAL.get(initial) : NAMES_BY_INITIAL.get(initial);
  }

  /** Whether some name starts with the word {@code [start, end)} of {@code folded}. */
  static boolean startsAName(String folded, int start, int end) {
    if (end - start >= 3 && !FIRST_WORD_OPENINGS.get(TextFolding.opening(folded, start))) {
      return false;
    }
    return FIRST_WORDS.contains(folded.substring(start, end));
  }

  /** The first words of the names (for tests). */
  static java.util.Set<String> firstWords() {
    return FIRST_WORDS;
  }

  private static String firstWord(String name) {
    int end = 0;
    while (end < name.length() && Character.isLetter(name.charAt(end))) {
      end++;
    }
    return name.substring(0, end);
  }

  /** A {@link KnownPlace} or an {@link Ambiguous} marker, or null. */
  static Object lookup(String foldedName) {
    return NAMES.get(normal(foldedName));
  }

  static KnownPlace qualifier(String foldedName) {
    return QUALIFIER_NAMES.get(normal(foldedName));
  }

  /** A state by its ISO 3166-2 code, or a country by its ISO 3166-1 code; null if not listed. */
  static KnownPlace state(String code) {
    return BY_CODE.get(code);
  }

  static KnownPlace border(BorderCity city) {
    return BORDER.get(city);
  }

  /** Every place of the data file, in file order. */
  static Collection<KnownPlace> places() {
    return BY_KEY.values();
  }

  /** Every written name and what it stands for. */
  static Map<String, Object> names() {
    return Map.copyOf(NAMES);
  }

  static KnownPlace byGeonamesId(long id) {
    KnownPlace place = BY_KEY.get("geonames:" + id);
    if (place == null) {
      throw new IllegalStateException(PLACES + ": GeoNames id " + id + " is missing");
    }
    return place;
  }

  private static KnownPlace place(String[] row) {
    KnownPlace.Kind kind = KnownPlace.Kind.valueOf(row[0]);
    String name = row[1];
    Long geonamesId = row[2].isEmpty() ? null : Long.valueOf(row[2]);
    String country = empty(row[3]);
    String admin1 = empty(row[4]);
    BorderCity city = kind == KnownPlace.Kind.BORDER_CITY
        ? BorderCity.byGeonamesId(geonamesId).orElseThrow(() -> new IllegalStateException(
            PLACES + ": " + name + " is not a border city of the schemas' BorderCity"))
        : null;
    return new KnownPlace(KnownPlace.keyOf(kind, name, geonamesId, country, admin1), name, kind,
        geonamesId, country, admin1, empty(row[5]), row[6].isEmpty() ? null : Double.valueOf(row[6]),
        row[7].isEmpty() ? null : Double.valueOf(row[7]), city);
  }

  private static void addName(String file, String name, Object meaning) {
    String normal = normal(name);
    Object before = NAMES.putIfAbsent(normal, meaning);
    if (before != null && !before.equals(meaning)) {
      throw new IllegalStateException(file + ": '" + normal + "' names two places");
    }
  }

  /** Folded, stripped, each run of white space one space; most names already are. */
  private static String normal(String name) {
    String folded = TextFolding.fold(name.strip());
    for (int i = 0; i < folded.length(); i++) {
      char c = folded.charAt(i);
      if (Character.isWhitespace(c) && (c != ' ' || i + 1 < folded.length()
          && Character.isWhitespace(folded.charAt(i + 1)))) {
        return WHITE_SPACE.matcher(folded).replaceAll(" ");
      }
    }
    return folded;
  }

  private static String empty(String cell) {
    return cell.isEmpty() ? null : cell;
  }

  /** Lines of a tab-separated resource, comments and blank lines left out. */
  static List<String[]> rows(String resource, int columns) {
    List<String[]> rows = new ArrayList<>();
    try (InputStream in = Gazetteer.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("gazetteer resource " + resource + " is missing");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      int number = 0;
      while ((line = reader.readLine()) != null) {
        number++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] cells = line.split("\t", -1);
        if (cells.length != columns) {
          throw new IllegalStateException(resource + " line " + number + ": " + cells.length
              + " columns, expected " + columns);
        }
        rows.add(cells);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot read gazetteer resource " + resource, e);
    }
    return rows;
  }

  /** Longest names first, spaces matching any run of white space, whole words only. */
  private static Pattern alternation(Collection<String> names) {
    List<String> sorted = names.stream()
        .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(s -> s))
        .toList();
    String body = sorted.stream()
        .map(name -> Pattern.quote(name).replace(" ", "\\E\\s+\\Q"))
        .collect(Collectors.joining("|"));
    return Pattern.compile("(?<![\\p{L}\\p{N}])(" + body + ")(?![\\p{L}\\p{N}])");
  }
}
