package org.retorno.streams.extract;

import static org.retorno.streams.extract.KnownPlace.Kind.FOREIGN_CITY;
import static org.retorno.streams.extract.KnownPlace.Kind.MEXICAN_CITY;
import static org.retorno.streams.extract.KnownPlace.Kind.US_CITY;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.retorno.schemas.geo.BorderCity;

/**
 * Names of places as written (folded: lower case, no accents) and what they stand for. Names
 * that need their surroundings to be read ("Nogales", "Juárez", "Matamoros", "Chihuahua",
 * "Mexico") map to an {@link Ambiguous} marker that {@link PlaceFinder} resolves.
 */
final class Gazetteer {
  enum Ambiguous { NOGALES, JUAREZ, MATAMOROS, CHIHUAHUA, MEXICO, TJ }

  // Places of the brief's "not the border cities" table (GeoNames ids from there).
  static final KnownPlace EL_PASO = KnownPlace.city(US_CITY, "El Paso, Texas", 5520993L, "US", "US-TX");
  static final KnownPlace SAN_DIEGO =
      KnownPlace.city(US_CITY, "San Diego, California", 5391811L, "US", "US-CA");
  static final KnownPlace CALEXICO =
      KnownPlace.city(US_CITY, "Calexico, California", 5332698L, "US", "US-CA");
  static final KnownPlace LAREDO_TX = KnownPlace.city(US_CITY, "Laredo, Texas", 4705349L, "US", "US-TX");
  static final KnownPlace BROWNSVILLE =
      KnownPlace.city(US_CITY, "Brownsville, Texas", 4676740L, "US", "US-TX");
  static final KnownPlace MCALLEN = KnownPlace.city(US_CITY, "McAllen, Texas", 4709796L, "US", "US-TX");
  static final KnownPlace EAGLE_PASS =
      KnownPlace.city(US_CITY, "Eagle Pass, Texas", 5520677L, "US", "US-TX");
  static final KnownPlace NOGALES_AZ =
      KnownPlace.city(US_CITY, "Nogales, Arizona", 5306611L, "US", "US-AZ");
  static final KnownPlace SAN_YSIDRO = KnownPlace.city(US_CITY, "San Ysidro, California", null, "US", "US-CA");
  static final KnownPlace HARLINGEN = KnownPlace.city(US_CITY, "Harlingen, Texas", null, "US", "US-TX");
  static final KnownPlace HIDALGO_TX = KnownPlace.city(US_CITY, "Hidalgo, Texas", null, "US", "US-TX");
  static final KnownPlace MATAMOROS_COAHUILA =
      KnownPlace.city(MEXICAN_CITY, "Matamoros, Coahuila", 3996426L, "MX", "MX-COA");
  static final KnownPlace NOGALES_VERACRUZ =
      KnownPlace.city(MEXICAN_CITY, "Nogales, Veracruz", 3522696L, "MX", "MX-VER");
  static final KnownPlace CHIHUAHUA_CITY =
      KnownPlace.city(MEXICAN_CITY, "Chihuahua", 4014338L, "MX", "MX-CHH");
  static final KnownPlace BENITO_JUAREZ_NL =
      KnownPlace.city(MEXICAN_CITY, "Ciudad Benito Juárez, Nuevo León", 4003757L, "MX", "MX-NLE");
  static final KnownPlace BENITO_JUAREZ_CDMX =
      KnownPlace.city(MEXICAN_CITY, "Benito Juárez, Mexico City", 3827406L, "MX", "MX-CMX");
  static final KnownPlace MONTERREY = KnownPlace.city(MEXICAN_CITY, "Monterrey", 3995465L, "MX", "MX-NLE");
  static final KnownPlace SAN_LUIS_RIO_COLORADO =
      KnownPlace.city(MEXICAN_CITY, "San Luis Río Colorado", 3985604L, "MX", "MX-SON");
  static final KnownPlace SAN_PEDRO_SULA =
      KnownPlace.city(FOREIGN_CITY, "San Pedro Sula", 3601782L, "HN", null);
  static final KnownPlace MEXICO_CITY = KnownPlace.city(MEXICAN_CITY, "Mexico City", null, "MX", "MX-CMX");

  static final KnownPlace MEXICO = KnownPlace.country("Mexico", "MX", 3996063L);
  static final KnownPlace UNITED_STATES = KnownPlace.country("United States", "US", 6252001L);

  private static final Map<String, Object> NAMES = new HashMap<>();
  private static final Map<String, KnownPlace> QUALIFIERS = new HashMap<>();
  private static final Map<String, KnownPlace> STATES_BY_CODE = new HashMap<>();

  static {
    for (BorderCity city : BorderCity.values()) {
      KnownPlace place = KnownPlace.border(city);
      for (String variant : city.foldedVariants()) {
        if (!variant.equals("juarez") && !variant.equals("matamoros") && !variant.equals("tj")) {
          NAMES.put(variant, place);
        }
      }
    }
    KnownPlace juarez = KnownPlace.border(BorderCity.CIUDAD_JUAREZ);
    names(juarez, "ciudad juarez", "cd. juarez", "cd juarez", "juarez, chihuahua", "cd. juarez, chih.");
    names(KnownPlace.border(BorderCity.NUEVO_LAREDO), "nuevo laredo", "nvo. laredo", "nvo laredo");
    names(KnownPlace.border(BorderCity.MATAMOROS), "h. matamoros", "heroica matamoros");
    names(KnownPlace.border(BorderCity.REYNOSA), "reynosa", "ciudad reynosa", "cd. reynosa");
    names(KnownPlace.border(BorderCity.NOGALES_SONORA), "heroica nogales", "h. nogales");
    NAMES.put("juarez", Ambiguous.JUAREZ);
    NAMES.put("matamoros", Ambiguous.MATAMOROS);
    NAMES.put("nogales", Ambiguous.NOGALES);
    NAMES.put("chihuahua", Ambiguous.CHIHUAHUA);
    NAMES.put("mexico", Ambiguous.MEXICO);
    NAMES.put("mexique", Ambiguous.MEXICO);
    NAMES.put("tj", Ambiguous.TJ);

    names(EL_PASO, "el paso");
    names(SAN_DIEGO, "san diego");
    names(CALEXICO, "calexico");
    names(LAREDO_TX, "laredo");
    names(BROWNSVILLE, "brownsville");
    names(MCALLEN, "mcallen", "mc allen");
    names(EAGLE_PASS, "eagle pass");
    names(NOGALES_AZ, "nogales, arizona", "nogales, ariz.", "nogales, az", "nogales arizona");
    names(SAN_YSIDRO, "san ysidro");
    names(HARLINGEN, "harlingen");
    names(HIDALGO_TX, "hidalgo, texas", "hidalgo, tx", "hidalgo, tex.");
    names(MATAMOROS_COAHUILA, "matamoros, coahuila", "matamoros, coah.");
    names(NOGALES_VERACRUZ, "nogales, veracruz", "nogales, ver.");
    names(CHIHUAHUA_CITY, "chihuahua city", "ciudad de chihuahua", "city of chihuahua",
        "chihuahua, chihuahua", "ville de chihuahua");
    names(BENITO_JUAREZ_NL, "ciudad benito juarez", "juarez, nuevo leon", "juarez, n.l.",
        "benito juarez, nuevo leon");
    names(BENITO_JUAREZ_CDMX, "benito juarez");
    names(MONTERREY, "monterrey");
    names(SAN_LUIS_RIO_COLORADO, "san luis rio colorado");
    names(SAN_PEDRO_SULA, "san pedro sula");
    names(MEXICO_CITY, "mexico city", "ciudad de mexico", "cdmx", "mexico, d.f.", "mexico df");

    mexicanState("Aguascalientes", "MX-AGU", "aguascalientes");
    mexicanState("Baja California", "MX-BCN", "baja california");
    mexicanState("Baja California Sur", "MX-BCS", "baja california sur");
    mexicanState("Campeche", "MX-CAM", "campeche");
    mexicanState("Chiapas", "MX-CHP", "chiapas");
    mexicanState("Chihuahua", "MX-CHH", "state of chihuahua", "estado de chihuahua",
        "chihuahua state");
    mexicanState("Coahuila", "MX-COA", "coahuila");
    mexicanState("Colima", "MX-COL", "colima");
    mexicanState("Durango", "MX-DUR", "durango");
    mexicanState("Guanajuato", "MX-GUA", "guanajuato");
    mexicanState("Guerrero", "MX-GRO", "state of guerrero", "estado de guerrero", "guerrero state");
    mexicanState("Hidalgo", "MX-HID", "state of hidalgo", "estado de hidalgo", "hidalgo state");
    mexicanState("Jalisco", "MX-JAL", "jalisco");
    mexicanState("México", "MX-MEX", "state of mexico", "estado de mexico", "edomex");
    mexicanState("Michoacán", "MX-MIC", "michoacan");
    mexicanState("Morelos", "MX-MOR", "state of morelos", "estado de morelos", "morelos state");
    mexicanState("Nayarit", "MX-NAY", "nayarit");
    mexicanState("Nuevo León", "MX-NLE", "nuevo leon");
    mexicanState("Oaxaca", "MX-OAX", "oaxaca");
    mexicanState("Puebla", "MX-PUE", "puebla");
    mexicanState("Querétaro", "MX-QUE", "queretaro");
    mexicanState("Quintana Roo", "MX-ROO", "quintana roo");
    mexicanState("San Luis Potosí", "MX-SLP", "san luis potosi");
    mexicanState("Sinaloa", "MX-SIN", "sinaloa");
    mexicanState("Sonora", "MX-SON", "sonora");
    mexicanState("Tabasco", "MX-TAB", "tabasco");
    mexicanState("Tamaulipas", "MX-TAM", "tamaulipas");
    mexicanState("Tlaxcala", "MX-TLA", "tlaxcala");
    mexicanState("Veracruz", "MX-VER", "veracruz");
    mexicanState("Yucatán", "MX-YUC", "yucatan");
    mexicanState("Zacatecas", "MX-ZAC", "zacatecas");

    // US states; names that are also common Spanish words or first names are left out.
    String[][] us = {
        {"Alabama", "AL"}, {"Alaska", "AK"}, {"Arizona", "AZ"}, {"Arkansas", "AR"},
        {"California", "CA"}, {"Connecticut", "CT"}, {"Delaware", "DE"}, {"Florida", "FL"},
        {"Hawaii", "HI"}, {"Idaho", "ID"}, {"Illinois", "IL"}, {"Indiana", "IN"}, {"Iowa", "IA"},
        {"Kansas", "KS"}, {"Kentucky", "KY"}, {"Louisiana", "LA"}, {"Maine", "ME"},
        {"Maryland", "MD"}, {"Massachusetts", "MA"}, {"Michigan", "MI"}, {"Minnesota", "MN"},
        {"Mississippi", "MS"}, {"Missouri", "MO"}, {"Nebraska", "NE"}, {"New Hampshire", "NH"},
        {"New Jersey", "NJ"}, {"New Mexico", "NM"}, {"New York", "NY"}, {"North Carolina", "NC"},
        {"North Dakota", "ND"}, {"Ohio", "OH"}, {"Oklahoma", "OK"}, {"Oregon", "OR"},
        {"Pennsylvania", "PA"}, {"Rhode Island", "RI"}, {"South Carolina", "SC"},
        {"South Dakota", "SD"}, {"Tennessee", "TN"}, {"Texas", "TX"}, {"Utah", "UT"},
        {"Vermont", "VT"}, {"Wisconsin", "WI"}, {"Wyoming", "WY"}};
    for (String[] state : us) {
      KnownPlace place = KnownPlace.state(state[0], "US-" + state[1]);
      STATES_BY_CODE.put(place.admin1Code(), place);
      NAMES.put(TextFolding.fold(state[0]), place);
    }
    names(KnownPlace.state("New Mexico", "US-NM"), "nuevo mexico", "nouveau-mexique");

    names(MEXICO, "republica mexicana");
    names(UNITED_STATES, "united states", "estados unidos", "ee.uu.", "eeuu", "etats-unis", "usa",
        "united states of america");
    country("Honduras", "HN", "honduras");
    country("Guatemala", "GT", "guatemala");
    country("El Salvador", "SV", "el salvador");
    country("Nicaragua", "NI", "nicaragua");
    country("Cuba", "CU", "cuba");
    country("Venezuela", "VE", "venezuela");
    country("Ecuador", "EC", "ecuador", "equateur");
    country("Colombia", "CO", "colombia", "colombie");
    country("Haiti", "HT", "haiti");
    country("Brazil", "BR", "brazil", "brasil", "bresil");
    country("Peru", "PE", "peru", "perou");
    country("Belize", "BZ", "belize", "belice");
    country("Costa Rica", "CR", "costa rica");
    country("Panama", "PA", "panama");
    country("Dominican Republic", "DO", "dominican republic", "republica dominicana",
        "republique dominicaine");

    qualifier(STATES_BY_CODE.get("MX-SON"), "sonora", "son.");
    qualifier(STATES_BY_CODE.get("US-AZ"), "arizona", "ariz.", "az");
    qualifier(STATES_BY_CODE.get("MX-VER"), "veracruz", "ver.");
    qualifier(STATES_BY_CODE.get("MX-COA"), "coahuila", "coah.");
    qualifier(STATES_BY_CODE.get("MX-NLE"), "nuevo leon", "n.l.", "n. l.");
    qualifier(STATES_BY_CODE.get("MX-CHH"), "chihuahua", "chih.");
    qualifier(STATES_BY_CODE.get("US-TX"), "texas", "tex.", "tx");
    qualifier(STATES_BY_CODE.get("US-CA"), "california", "calif.", "ca");
    qualifier(STATES_BY_CODE.get("MX-BCN"), "baja california", "b.c.", "b. c.");
    qualifier(STATES_BY_CODE.get("MX-TAM"), "tamaulipas", "tamps.", "tamps");
    qualifier(MEXICO, "mexico", "mexique", "mex.");
    qualifier(UNITED_STATES, "usa", "u.s.", "estados unidos", "ee.uu.");
  }

  /**
   * Names grouped by first letter, each group one pattern tried only at the start of a word:
   * one alternation of every name, tried at every position, cost a third of the extractor's time.
   */
  private static final Map<Character, Pattern> NAMES_BY_INITIAL = NAMES.keySet().stream()
      .collect(Collectors.groupingBy(name -> name.charAt(0))).entrySet().stream()
      .collect(Collectors.toMap(Map.Entry::getKey, e -> alternation(e.getValue())));
  static final Pattern QUALIFIER_PATTERN = Pattern.compile("\\G\\s*,?\\s*"
      + alternation(QUALIFIERS.keySet()).pattern());

  private Gazetteer() {}

  /** The pattern for names starting with {@code initial} (folded), or null. */
  static Pattern namesStartingWith(char initial) {
    return NAMES_BY_INITIAL.get(initial);
  }

  /** A {@link KnownPlace} or an {@link Ambiguous} marker, or null. */
  static Object lookup(String foldedName) {
    return NAMES.get(foldedName.replaceAll("\\s+", " "));
  }

  static KnownPlace qualifier(String foldedName) {
    return QUALIFIERS.get(foldedName.replaceAll("\\s+", " "));
  }

  static KnownPlace state(String admin1Code) {
    return STATES_BY_CODE.get(admin1Code);
  }

  private static void names(KnownPlace place, String... variants) {
    for (String variant : variants) {
      NAMES.put(variant, place);
    }
  }

  private static void mexicanState(String name, String code, String... variants) {
    KnownPlace place = KnownPlace.state(name, code);
    STATES_BY_CODE.put(code, place);
    names(place, variants);
  }

  private static void country(String name, String code, String... variants) {
    names(KnownPlace.country(name, code, null), variants);
  }

  private static void qualifier(KnownPlace place, String... variants) {
    for (String variant : variants) {
      QUALIFIERS.put(variant, place);
    }
  }

  /** Longest names first, spaces matching any run of white space, whole words only. */
  private static Pattern alternation(java.util.Collection<String> names) {
    List<String> sorted = names.stream()
        .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(s -> s))
        .toList();
    String body = sorted.stream()
        .map(name -> Pattern.quote(name).replace(" ", "\\E\\s+\\Q"))
        .collect(Collectors.joining("|"));
    return Pattern.compile("(?<![\\p{L}\\p{N}])(" + body + ")(?![\\p{L}\\p{N}])");
  }
}
