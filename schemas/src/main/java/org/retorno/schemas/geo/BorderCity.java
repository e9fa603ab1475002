package org.retorno.schemas.geo;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.retorno.avro.Place;
import org.retorno.avro.PlacePrecision;

/**
 * The eight Mexican border cities where MPP returnees waited, with their reference codes
 * (GeoNames, ISO 3166-2, INEGI municipality) and the US court or port that heard their cases.
 */
public enum BorderCity {
  CIUDAD_JUAREZ(4013708L, "Ciudad Juárez", "MX-CHH", "08037", 31.72024, -106.46084, "El Paso",
      List.of("ciudad juarez", "cd juarez", "cd. juarez", "juarez", "juarez, chih", "juarez, chih.",
          "juarez chihuahua", "ciudad juarez, chihuahua")),
  TIJUANA(3981609L, "Tijuana", "MX-BCN", "02004", 32.5027, -117.00371, "San Ysidro",
      List.of("tijuana", "tj", "tijuana, baja california", "tijuana, b.c.")),
  MEXICALI(3996069L, "Mexicali", "MX-BCN", "02002", 32.62781, -115.45446, "Calexico",
      List.of("mexicali", "mexicali, baja california", "mexicali, b.c.")),
  NUEVO_LAREDO(3522551L, "Nuevo Laredo", "MX-TAM", "28027", 27.47629, -99.51639, "Laredo",
      List.of("nuevo laredo", "nvo. laredo", "nvo laredo", "nuevo laredo, tamaulipas")),
  MATAMOROS(3523466L, "Matamoros", "MX-TAM", "28022", 25.87972, -97.50417, "Brownsville",
      List.of("matamoros", "h. matamoros", "heroica matamoros", "matamoros, tamaulipas", "matamoros, tamps.")),
  REYNOSA(3520339L, "Reynosa", "MX-TAM", "28032", 26.0806, -98.2884, "McAllen",
      List.of("reynosa", "reynosa, tamaulipas", "cd. reynosa")),
  PIEDRAS_NEGRAS(3992619L, "Piedras Negras", "MX-COA", "05025", 28.70, -100.52, "Eagle Pass",
      List.of("piedras negras", "piedras negras, coahuila")),
  NOGALES_SONORA(4004886L, "Nogales", "MX-SON", "26043", 31.30862, -110.94217, "Nogales, Arizona",
      List.of("nogales, sonora", "heroica nogales", "h. nogales", "nogales sonora", "nogales, son."));

  private final long geonamesId;
  private final String displayName;
  private final String admin1Code;
  private final String inegiCode;
  private final double latitude;
  private final double longitude;
  private final String usTwin;
  private final List<String> foldedVariants;

  BorderCity(long geonamesId, String displayName, String admin1Code, String inegiCode,
      double latitude, double longitude, String usTwin, List<String> variants) {
    this.geonamesId = geonamesId;
    this.displayName = displayName;
    this.admin1Code = admin1Code;
    this.inegiCode = inegiCode;
    this.latitude = latitude;
    this.longitude = longitude;
    this.usTwin = usTwin;
    this.foldedVariants = variants.stream().map(BorderCity::fold).toList();
  }

  public long geonamesId() { return geonamesId; }
  public String displayName() { return displayName; }
  public String admin1Code() { return admin1Code; }
  public String inegiCode() { return inegiCode; }
  public double latitude() { return latitude; }
  public double longitude() { return longitude; }
  /** The US city whose immigration court or port heard this city's MPP cases. */
  public String usTwin() { return usTwin; }
  /** Spelling variants, lower case, accents removed. */
  public List<String> foldedVariants() { return foldedVariants; }

  /** A city-precision place for this city; {@code inferredFrom} non-null marks it as inferred. */
  public Place toPlace(String inferredFrom) {
    return Place.newBuilder()
        .setGeonamesId(geonamesId)
        .setName(displayName)
        .setCountryCode("MX")
        .setAdmin1Code(admin1Code)
        .setAdmin2Code(inegiCode)
        .setLatitude(latitude)
        .setLongitude(longitude)
        .setPrecision(PlacePrecision.CITY)
        .setInferred(inferredFrom != null)
        .setInferenceNote(inferredFrom)
        .build();
  }

  public Place toPlace() {
    return toPlace(null);
  }

  public static Optional<BorderCity> byGeonamesId(long id) {
    for (BorderCity city : values()) {
      if (city.geonamesId == id) {
        return Optional.of(city);
      }
    }
    return Optional.empty();
  }

  /**
   * Resolves a place name as written in a table cell ("Cd. Juárez", "Nvo. Laredo"). A bare
   * "Nogales" is not resolved: Nogales, Arizona and Nogales, Veracruz exist too.
   */
  public static Optional<BorderCity> byName(String name) {
    String folded = fold(name);
    for (BorderCity city : values()) {
      if (city.foldedVariants.contains(folded)) {
        return Optional.of(city);
      }
    }
    return Optional.empty();
  }

  /**
   * Lower case, accents removed, inner whitespace collapsed. One pass instead of two regular
   * expressions: every table row folds its place names, and the regexes were a tenth of ingest.
   */
  public static String fold(String text) {
    String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
    StringBuilder out = new StringBuilder(decomposed.length());
    boolean afterSpace = false;
    for (int i = 0; i < decomposed.length(); ) {
      int codePoint = decomposed.codePointAt(i);
      i += Character.charCount(codePoint);
      if (isMark(codePoint)) {
        continue;
      }
      if (isRegexSpace(codePoint)) {
        if (!afterSpace) {
          out.append(' ');
        }
        afterSpace = true;
        continue;
      }
      afterSpace = false;
      out.appendCodePoint(codePoint);
    }
    return out.toString().toLowerCase(Locale.ROOT).strip();
  }

  private static boolean isMark(int codePoint) {
    int type = Character.getType(codePoint);
    return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
        || type == Character.COMBINING_SPACING_MARK;
  }

  /** What {@code \\s} matches in a Java regular expression without flags. */
  private static boolean isRegexSpace(int codePoint) {
    return codePoint == ' ' || codePoint == '\t' || codePoint == '\n' || codePoint == 0x0B
        || codePoint == '\f' || codePoint == '\r';
  }
}
