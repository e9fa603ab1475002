package org.retorno.streams.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.retorno.avro.Place;
import org.retorno.avro.PlacePrecision;
import org.retorno.schemas.geo.HearingLocation;

class PlaceFinderTest {
  private final PlaceFinder finder = new PlaceFinder();

  private List<String> names(String text) {
    return finder.find(text).stream().map(m -> m.place().name()).toList();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      returned to Ciudad Juárez                 | Ciudad Juárez
      returned to Ciudad Juarez                 | Ciudad Juárez
      in Cd. Juárez                             | Ciudad Juárez
      in Juárez, Chih.                          | Ciudad Juárez
      in TJ last week                           | Tijuana
      in Nvo. Laredo                            | Nuevo Laredo
      in NUEVO LAREDO                           | Nuevo Laredo
      in H. Matamoros                           | Matamoros
      in Heroica Nogales                        | Nogales
      in Nogales, Sonora                        | Nogales
      in Nogales, Mexico                        | Nogales
      in Piedras Negras, Coahuila               | Piedras Negras
      in Laredo, Texas                          | Laredo, Texas
      in Laredo                                 | Laredo, Texas
      in Calexico                               | Calexico, California
      in Nogales, Arizona                       | Nogales, Arizona
      in Nogales, Ariz.                         | Nogales, Arizona
      in Nogales, Veracruz                      | Nogales, Veracruz
      in Matamoros, Coahuila                    | Matamoros, Coahuila
      in Juárez, Nuevo León                     | Ciudad Benito Juárez, Nuevo León
      in Benito Juárez                          | Benito Juárez, Mexico City
      in Chihuahua                              | Chihuahua
      in Chihuahua City                         | Chihuahua
      in Monterrey                              | Monterrey
      in San Luis Río Colorado                  | San Luis Río Colorado
      flown to San Pedro Sula                   | San Pedro Sula
      across Tamaulipas                         | Tamaulipas
      in Nuevo León                             | Nuevo León
      back to Mexico                            | Mexico
      renvoyés au Mexique                       | Mexico
      to Honduras                               | Honduras
      in Texas                                  | Texas
      """)
  void readsOnePlace(String text, String name) {
    assertThat(names(text)).containsExactly(name);
  }

  @Test
  void chihuahuaAloneIsTheStateAndWithCityWordsTheCity() {
    PlaceMention state = finder.find("in Chihuahua").get(0);
    PlaceMention city = finder.find("in the city of Chihuahua").get(0);

    assertThat(state.place().precision()).isEqualTo(PlacePrecision.STATE);
    assertThat(state.place().admin1Code()).isEqualTo("MX-CHH");
    assertThat(city.place().geonamesId()).isEqualTo(4014338L);
  }

  @Test
  void laredoTexasIsNotNuevoLaredoEvenInOneSentence() {
    List<PlaceMention> places = finder.find("From Laredo, Texas, they were sent to Nuevo Laredo.");

    assertThat(places).extracting(m -> m.place().geonamesId()).containsExactly(4705349L, 3522551L);
  }

  @Test
  void bareNogalesNeedsSonoraOrMexicoInView() {
    assertThat(names("Seven were kidnapped in Nogales.")).isEmpty();
    assertThat(names("Seven were kidnapped in Nogales, on the Mexican side.")).containsExactly("Nogales");
    assertThat(names("Seven were returned to Nogales under Remain in Mexico.")).isEmpty();
  }

  @Test
  void theDocumentCanSettleABareNogales() {
    String text = "Shelters in Nogales, Sonora, are full. Seven were kidnapped in Nogales.";
    String folded = TextFolding.fold(text);
    KnownPlace hint = finder.nogalesHint(text, folded);
    int second = text.indexOf("Seven");

    List<PlaceMention> places = finder.find(text, folded, second, text.length(), hint);

    assertThat(places).extracting(m -> m.place().geonamesId()).containsExactly(4004886L);
  }

  @Test
  void policyNamesAndStreetsAreNotPlaces() {
    assertThat(names("under the Remain in Mexico program")).isEmpty();
    assertThat(names("bajo el programa Quédate en México")).isEmpty();
    assertThat(names("on Avenida Juárez")).isEmpty();
    assertThat(names("in the Gulf of Mexico")).isEmpty();
    assertThat(names("in New Mexico")).containsExactly("New Mexico");
  }

  @Test
  void aUsCourtOrPortCarriesItsHearingLocation() {
    PlaceMention court = finder.find("the El Paso immigration court").get(0);
    PlaceMention port = finder.find("the port of entry in Laredo, Texas").get(0);
    PlaceMention city = finder.find("a shelter in El Paso").get(0);

    assertThat(court.hearing()).isEqualTo(HearingLocation.EL_PASO);
    assertThat(port.hearing()).isEqualTo(HearingLocation.LAREDO);
    assertThat(city.hearing()).isNull();
  }

  @Test
  void mentionsCoverTheQualifierAndOffsetsMatchTheOriginal() {
    String text = "sent to Juárez, Chih., on Monday";

    PlaceMention mention = finder.find(text).get(0);

    assertThat(text.substring(mention.start(), mention.end())).isEqualTo("Juárez, Chih.");
  }

  @Test
  void knownPlacesBecomeAvroPlacesWithTheirCodes() {
    Place juarez = finder.find("in Ciudad Juárez").get(0).place().toPlace(null);
    Place tamaulipas = finder.find("in Tamaulipas").get(0).place().toPlace(null);
    Place mexico = finder.find("in Mexico").get(0).place().toPlace(null);

    assertThat(juarez.getAdmin2Code()).isEqualTo("08037");
    assertThat(juarez.getPrecision()).isEqualTo(PlacePrecision.CITY);
    assertThat(tamaulipas.getAdmin1Code()).isEqualTo("MX-TAM");
    assertThat(tamaulipas.getPrecision()).isEqualTo(PlacePrecision.STATE);
    assertThat(mexico.getCountryCode()).isEqualTo("MX");
    assertThat(mexico.getPrecision()).isEqualTo(PlacePrecision.COUNTRY);
  }
}
