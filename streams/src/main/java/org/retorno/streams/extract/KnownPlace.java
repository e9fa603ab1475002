package org.retorno.streams.extract;

import org.retorno.avro.Place;
import org.retorno.avro.PlacePrecision;
import org.retorno.schemas.geo.BorderCity;

/**
 * A place the extractor can name: a border city, a place that must not be mistaken for one, a
 * state or a country. Codes are stored only where they are known facts (GeoNames ids from the
 * brief's tables; ISO 3166-2 codes for states); unknown ones stay null rather than guessed.
 */
public record KnownPlace(String key, String name, Kind kind, Long geonamesId, String countryCode,
    String admin1Code, BorderCity borderCity) {

  public enum Kind { BORDER_CITY, MEXICAN_CITY, US_CITY, FOREIGN_CITY, MEXICAN_STATE, US_STATE,
    COUNTRY }

  static KnownPlace border(BorderCity city) {
    return new KnownPlace("geonames:" + city.geonamesId(), city.displayName(), Kind.BORDER_CITY,
        city.geonamesId(), "MX", city.admin1Code(), city);
  }

  static KnownPlace city(Kind kind, String name, Long geonamesId, String countryCode,
      String admin1Code) {
    String key = geonamesId != null ? "geonames:" + geonamesId : "name:" + name;
    return new KnownPlace(key, name, kind, geonamesId, countryCode, admin1Code, null);
  }

  static KnownPlace state(String name, String admin1Code) {
    return new KnownPlace("admin1:" + admin1Code, name,
        admin1Code.startsWith("MX-") ? Kind.MEXICAN_STATE : Kind.US_STATE, null,
        admin1Code.substring(0, 2), admin1Code, null);
  }

  static KnownPlace country(String name, String countryCode, Long geonamesId) {
    return new KnownPlace("country:" + countryCode, name, Kind.COUNTRY, geonamesId, countryCode,
        null, null);
  }

  public PlacePrecision precision() {
    return switch (kind) {
      case BORDER_CITY, MEXICAN_CITY, US_CITY, FOREIGN_CITY -> PlacePrecision.CITY;
      case MEXICAN_STATE, US_STATE -> PlacePrecision.STATE;
      case COUNTRY -> PlacePrecision.COUNTRY;
    };
  }

  public boolean isCity() {
    return precision() == PlacePrecision.CITY;
  }

  public boolean inMexico() {
    return "MX".equals(countryCode);
  }

  /** The Avro place; {@code inferenceNote} non-null marks it as inferred. */
  public Place toPlace(String inferenceNote) {
    if (borderCity != null) {
      return borderCity.toPlace(inferenceNote);
    }
    return Place.newBuilder()
        .setGeonamesId(geonamesId)
        .setName(name)
        .setCountryCode(countryCode)
        .setAdmin1Code(admin1Code)
        .setPrecision(precision())
        .setInferred(inferenceNote != null)
        .setInferenceNote(inferenceNote)
        .build();
  }
}
