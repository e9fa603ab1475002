package org.retorno.ingest.counts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.retorno.avro.Place;
import org.retorno.ingest.InputRejectedException;
import org.retorno.ingest.Reason;
import org.retorno.schemas.geo.BorderCity;

/** A table's cached place cells resolve and fold exactly as each cell on its own would, however often they repeat. */
class PlaceCellsTest {
  private static final List<String> CELLS = List.of("Tijuana", "tijuana", "TJ", "Cd. Juárez", "Cd. Jua\u0301rez",
      "CD.  JUÁREZ", "El Paso", "el paso", "San Diego", "Nogales", "Nogales, Sonora", "Atlantis", "Nvo. Laredo",
      "Ｔｉｊｕａｎａ", "Tijuana\u00a0", "Piedras \t Negras", "", "Calexico");

  @Property(tries = 300)
  void repeatedCellsResolveAsByName(@ForAll("tableOfCells") List<String> cells) {
    PlaceCells places = new PlaceCells(CountRowValidator.BY_NAME);
    for (String cell : cells) {
      assertThat(outcome(places, cell)).isEqualTo(outcome(CountRowValidator.BY_NAME, cell));
      assertThat(places.fold(cell)).isEqualTo(BorderCity.fold(cell));
    }
  }

  @Test
  void anUnknownPlaceIsRejectedEveryTimeItIsRead() {
    PlaceCells places = new PlaceCells(CountRowValidator.BY_NAME);
    for (int i = 0; i < 3; i++) {
      InputRejectedException e = catchThrowableOfType(() -> places.resolve("Atlantis"), InputRejectedException.class);
      assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_PLACE);
      assertThat(e.detail()).isNull();
    }
  }

  @Test
  void cellsBeyondTheCacheAreStillResolved() {
    PlaceCells places = new PlaceCells(CountRowValidator.BY_NAME);
    List<String> cells = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      cells.add(i % 2 == 0 ? "Tijuana" + " ".repeat(i % 7) + "#" + i : " Mexicali ".repeat(1 + i % 3).strip());
    }
    for (String cell : cells) {
      assertThat(outcome(places, cell)).isEqualTo(outcome(CountRowValidator.BY_NAME, cell));
      assertThat(places.fold(cell)).isEqualTo(BorderCity.fold(cell));
    }
  }

  @Provide
  Arbitrary<List<String>> tableOfCells() {
    return Arbitraries.of(CELLS).list().ofMaxSize(60);
  }

  /** The place, or the reason and detail it was rejected with. */
  private static Object outcome(CountRowValidator.PlaceResolver resolver, String cell) {
    try {
      Place place = resolver.resolve(cell);
      return place;
    } catch (InputRejectedException e) {
      return e.reason() + ": " + e.detail();
    }
  }
}
