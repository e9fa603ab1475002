package org.retorno.streams.extract;

import org.retorno.avro.Place;
import org.retorno.avro.PlacePrecision;
import org.retorno.schemas.geo.BorderCity;

/**
 * A place the extractor can name: a border city, a place that must not be mistaken for one, a
 * state or a country, as the gazetteer's data file states it. Codes and coordinates are stored
 * only where they are known facts; unknown ones stay null rather than guessed.
 */
public record KnownPlace(String key, String name, Kind kind, Long geonamesId, String countryCode,
    String admin1Code, String admin2Code, Double latitude, Double longitude, BorderCity borderCity) {

  public enum Kind { BORDER_CITY, MEXICAN_CITY, US_CITY, FOREIGN_CITY, MEXICAN_STATE, US_STATE,
    COUNTRY }

  /** A stable key: the GeoNames id when known, else the ISO code, else the name. */
  static String keyOf(Kind kind, String name, Long geonamesId, String countryCode, String admin1Code) {
    if (geonamesId != null) {
      return "geonames:" + geonamesId;
    }
    return switch (kind) {
      case MEXICAN_STATE, US_STATE -> "admin1:" + admin1Code;
      case COUNTRY -> "country:" + countryCode;
      default -> "name:" + name;
    };
  }

  static KnownPlace border(BorderCity city) {
    return Gazetteer.border(city);
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
        .setAdmin2Code(admin2Code)
        .setLatitude(latitude)
        .setLongitude(longitude)
        .setPrecision(precision())
        .setInferred(inferenceNote != null)
        .setInferenceNote(inferenceNote)
        .build();
  }
}
