package org.retorno.schemas.geo;

import java.util.Optional;

/**
 * US immigration courts and ports that heard MPP cases, and the Mexican city whose returnees they
 * heard. A count reported for a US court maps to a Mexican city only through this table, and the
 * resulting place is always marked as inferred.
 */
public enum HearingLocation {
  EL_PASO("El Paso", BorderCity.CIUDAD_JUAREZ),
  SAN_YSIDRO("San Ysidro", BorderCity.TIJUANA),
  SAN_DIEGO("San Diego", BorderCity.TIJUANA),
  CALEXICO("Calexico", BorderCity.MEXICALI),
  LAREDO("Laredo", BorderCity.NUEVO_LAREDO),
  BROWNSVILLE("Brownsville", BorderCity.MATAMOROS),
  HARLINGEN("Harlingen", BorderCity.MATAMOROS),
  MCALLEN("McAllen", BorderCity.REYNOSA),
  HIDALGO("Hidalgo", BorderCity.REYNOSA),
  EAGLE_PASS("Eagle Pass", BorderCity.PIEDRAS_NEGRAS),
  NOGALES_ARIZONA("Nogales, Arizona", BorderCity.NOGALES_SONORA);

  private final String usName;
  private final BorderCity mexicanCity;

  HearingLocation(String usName, BorderCity mexicanCity) {
    this.usName = usName;
    this.mexicanCity = mexicanCity;
  }

  public String usName() { return usName; }
  public BorderCity mexicanCity() { return mexicanCity; }

  /** The note stored on an inferred place, so analysts can see why a count landed in a city. */
  public String inferenceNote() {
    return "mapped from US hearing location " + usName + " via the MPP hearing-location table";
  }

  public static Optional<HearingLocation> byName(String name) {
    String folded = BorderCity.fold(name).replaceAll("[.]", "");
    for (HearingLocation location : values()) {
      if (location == NOGALES_ARIZONA) {
        if (folded.matches("nogales,? (az|ariz|arizona)")) {
          return Optional.of(location);
        }
        continue;
      }
      String own = BorderCity.fold(location.usName);
      if (folded.equals(own) || folded.matches(java.util.regex.Pattern.quote(own)
          + ",? (tx|texas|ca|calif|california)( (court|port|immigration court))?")
          || folded.equals(own + " court") || folded.equals(own + " immigration court")) {
        return Optional.of(location);
      }
    }
    return Optional.empty();
  }
}
