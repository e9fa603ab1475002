package org.retorno.streams.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.retorno.avro.Place;
import org.retorno.schemas.geo.BorderCity;
import org.retorno.schemas.geo.HearingLocation;

/** The gazetteer's data files agree with the brief's tables and with the schemas' BorderCity. */
class GazetteerDataTest {

  @ParameterizedTest
  @EnumSource(BorderCity.class)
  void eachBorderCityLineStatesTheFactsOfBorderCity(BorderCity city) {
    KnownPlace place = Gazetteer.byGeonamesId(city.geonamesId());

    assertThat(place.kind()).isEqualTo(KnownPlace.Kind.BORDER_CITY);
    assertThat(place.borderCity()).isEqualTo(city);
    assertThat(place.name()).isEqualTo(city.displayName());
    assertThat(place.countryCode()).isEqualTo("MX");
    assertThat(place.admin1Code()).isEqualTo(city.admin1Code());
    assertThat(place.admin2Code()).isEqualTo(city.inegiCode());
    assertThat(place.latitude()).isEqualTo(city.latitude());
    assertThat(place.longitude()).isEqualTo(city.longitude());
    assertThat(place.toPlace(null)).isEqualTo(city.toPlace());
  }

  @ParameterizedTest
  @EnumSource(BorderCity.class)
  void everySpellingBorderCityKnowsIsReadAsThatCityOrNeedsContext(BorderCity city) {
    for (String variant : city.foldedVariants()) {
      Object meaning = Gazetteer.lookup(variant);
      assertThat(meaning).as(variant).isIn(Gazetteer.border(city), Gazetteer.Ambiguous.JUAREZ,
          Gazetteer.Ambiguous.MATAMOROS, Gazetteer.Ambiguous.TJ);
    }
  }

  /** The brief's table of places that are not the border cities, as the file must state them. */
  @ParameterizedTest(name = "{1}")
  @CsvSource(delimiter = '|', textBlock = """
      5520993 | El Paso, Texas                    | US | US-TX  | US_CITY
      5391811 | San Diego, California             | US | US-CA  | US_CITY
      5332698 | Calexico, California              | US | US-CA  | US_CITY
      4705349 | Laredo, Texas                     | US | US-TX  | US_CITY
      4676740 | Brownsville, Texas                | US | US-TX  | US_CITY
      4709796 | McAllen, Texas                    | US | US-TX  | US_CITY
      5520677 | Eagle Pass, Texas                 | US | US-TX  | US_CITY
      5306611 | Nogales, Arizona                  | US | US-AZ  | US_CITY
      3996426 | Matamoros, Coahuila               | MX | MX-COA | MEXICAN_CITY
      3522696 | Nogales, Veracruz                 | MX | MX-VER | MEXICAN_CITY
      4014338 | Chihuahua                         | MX | MX-CHH | MEXICAN_CITY
      4003757 | Ciudad Benito Juárez, Nuevo León  | MX | MX-NLE | MEXICAN_CITY
      3827406 | Benito Juárez, Mexico City        | MX | MX-CMX | MEXICAN_CITY
      3995465 | Monterrey                         | MX | MX-NLE | MEXICAN_CITY
      3985604 | San Luis Río Colorado             | MX | MX-SON | MEXICAN_CITY
      3601782 | San Pedro Sula                    | HN |        | FOREIGN_CITY
      """)
  void theLookAlikesAreThereWithTheirGeoNamesIds(long id, String name, String country,
      String admin1, KnownPlace.Kind kind) {
    KnownPlace place = Gazetteer.byGeonamesId(id);

    assertThat(place.name()).isEqualTo(name);
    assertThat(place.countryCode()).isEqualTo(country);
    assertThat(place.admin1Code()).isEqualTo(admin1);
    assertThat(place.kind()).isEqualTo(kind);
    assertThat(place.borderCity()).isNull();
  }

  @Test
  void namesAreWrittenFoldedAndEachMeansOneThing() {
    Map<String, Object> names = Gazetteer.names();

    assertThat(names).hasSizeGreaterThan(150);
    for (String name : names.keySet()) {
      assertThat(TextFolding.fold(name)).as(name).isEqualTo(name);
      assertThat(name).as(name).doesNotContain("  ").isEqualTo(name.strip());
    }
    assertThat(names.get("laredo")).isEqualTo(Gazetteer.byGeonamesId(4705349L));
    assertThat(names.get("nuevo laredo")).isEqualTo(Gazetteer.border(BorderCity.NUEVO_LAREDO));
    assertThat(names.get("nogales")).isEqualTo(Gazetteer.Ambiguous.NOGALES);
    assertThat(names.get("chihuahua")).isEqualTo(Gazetteer.Ambiguous.CHIHUAHUA);
  }

  @Test
  void everyHearingLocationIsAUsPlaceOfTheGazetteer() {
    for (HearingLocation location : HearingLocation.values()) {
      List<KnownPlace> places = Gazetteer.places().stream()
          .filter(p -> p.kind() == KnownPlace.Kind.US_CITY)
          .filter(p -> HearingLocation.byName(p.name()).orElse(null) == location)
          .toList();
      assertThat(places).as(location.usName()).hasSize(1);
    }
  }

  @Test
  void statesAndCountriesCarryTheirIsoCodesAndQualifiersPointAtThem() {
    assertThat(Gazetteer.state("MX-TAM").name()).isEqualTo("Tamaulipas");
    assertThat(Gazetteer.state("US-TX").name()).isEqualTo("Texas");
    assertThat(Gazetteer.state("MX").geonamesId()).isEqualTo(3996063L);
    assertThat(Gazetteer.qualifier("son.")).isEqualTo(Gazetteer.state("MX-SON"));
    assertThat(Gazetteer.qualifier("tamps")).isEqualTo(Gazetteer.state("MX-TAM"));
    List<KnownPlace> states = Gazetteer.places().stream()
        .filter(p -> p.kind() == KnownPlace.Kind.MEXICAN_STATE).toList();
    assertThat(states).hasSize(31).allSatisfy(s -> assertThat(s.admin1Code()).matches("MX-[A-Z]{3}"));
  }

  @Test
  void aPlaceWithoutCoordinatesInTheDataHasNoneInTheClaim() {
    Place calexico = Gazetteer.byGeonamesId(5332698L).toPlace(null);

    assertThat(calexico.getLatitude()).isNull();
    assertThat(calexico.getLongitude()).isNull();
    assertThat(calexico.getGeonamesId()).isEqualTo(5332698L);
  }
}
