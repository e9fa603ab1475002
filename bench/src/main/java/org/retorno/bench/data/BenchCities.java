package org.retorno.bench.data;

import java.util.ArrayList;
import java.util.List;
import org.retorno.avro.Place;
import org.retorno.avro.PlacePrecision;
import org.retorno.schemas.geo.BorderCity;

/**
 * The places synthetic rows are counted at: the eight real border cities first, then synthetic
 * cities for the scaling runs. The topology counts any place with a GeoNames id at city precision
 * ({@code Countable.atCity}), so synthetic ids far above GeoNames' border cities serve as well.
 */
public final class BenchCities {
  /** Synthetic ids start here, clear of every real GeoNames id the gazetteer knows. */
  static final long SYNTHETIC_ID_BASE = 90_000_000L;
  /** Synthetic cities belong to no real state: an ISO 3166-2 look-alike that no real code uses. */
  static final String SYNTHETIC_ADMIN1 = "MX-SYNTHETIC";

  private BenchCities() {}

  public static List<Place> first(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("bench cities: need at least one city, got " + count);
    }
    List<Place> places = new ArrayList<>(count);
    for (BorderCity city : BorderCity.values()) {
      if (places.size() == count) {
        return places;
      }
      places.add(city.toPlace());
    }
    for (int i = places.size(); i < count; i++) {
      places.add(Place.newBuilder()
          .setGeonamesId(SYNTHETIC_ID_BASE + i)
          .setName("Synthetic city " + i)
          .setCountryCode("MX")
          .setAdmin1Code(SYNTHETIC_ADMIN1)
          .setAdmin2Code(String.format("%05d", i % 100_000))
          .setLatitude(25.0 + (i % 800) / 100.0)
          .setLongitude(-110.0 + (i % 1200) / 100.0)
          .setPrecision(PlacePrecision.CITY)
          .setInferred(false)
          .setInferenceNote(null)
          .build());
    }
    return places;
  }
}
