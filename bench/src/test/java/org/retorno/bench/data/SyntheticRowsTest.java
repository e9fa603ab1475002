package org.retorno.bench.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.retorno.avro.CaseCountRow;
import org.retorno.avro.CountSemantics;
import org.retorno.avro.PlacePrecision;
import org.retorno.schemas.geo.BorderCity;

class SyntheticRowsTest {

  @Test
  void theFirstEightCitiesAreTheRealBorderCitiesThenSyntheticOnes() {
    var places = BenchCities.first(10);
    assertThat(places.subList(0, 8)).extracting(place -> place.getGeonamesId())
        .containsExactly(4013708L, 3981609L, 3996069L, 3522551L, 3523466L, 3520339L, 3992619L, 4004886L);
    assertThat(places.get(8).getGeonamesId()).isEqualTo(90_000_008L);
    assertThat(places.get(9).getName()).isEqualTo("Synthetic city 9");
    assertThat(places).allMatch(place -> place.getPrecision() == PlacePrecision.CITY);
  }

  @Test
  void aShapeSpansItsYearsFromJanuary2019() {
    assertThat(new RowShape(10, 8, 1, 0).days()).isEqualTo(365);
    assertThat(new RowShape(10, 8, 5, 0).days()).isEqualTo(1826);
    assertThatThrownBy(() -> new RowShape(0, 8, 1, 0)).hasMessageContaining("must be positive");
  }

  @Test
  void theFirstRowIsAJuarezIncrementOnNewYearsDay2019WithAShaSizedId() {
    CaseCountRow row = new SyntheticRows(new RowShape(1000, 8, 5, 1)).row(0);
    assertThat(row.getPlace()).isEqualTo(BorderCity.CIUDAD_JUAREZ.toPlace());
    assertThat(row.getPeriodStart()).isEqualTo(LocalDate.of(2019, 1, 1));
    assertThat(row.getPeriodEnd()).isEqualTo(row.getPeriodStart());
    assertThat(row.getSemantics()).isEqualTo(CountSemantics.INCREMENT);
    assertThat(row.getId()).matches("[0-9a-f]{64}");
    assertThat(SyntheticRows.timestampOf(row)).isEqualTo(1546300800000L);
  }

  @Property(tries = 200)
  void rowsAreReproducibleInDateOrderWithinTheirShape(@ForAll @LongRange(min = 1, max = 5_000_000) long rows,
      @ForAll @IntRange(min = 1, max = 1000) int cities, @ForAll @IntRange(min = 1, max = 5) int years,
      @ForAll @LongRange(min = 0, max = 4_999_998) long index) {
    RowShape shape = new RowShape(rows, cities, years, 7);
    long i = index % rows;
    SyntheticRows synthetic = new SyntheticRows(shape);
    CaseCountRow row = synthetic.row(i);
    assertThat(new SyntheticRows(shape).row(i)).isEqualTo(row);
    assertThat(row.getPeriodStart()).isBetween(RowShape.FIRST_DAY, RowShape.FIRST_DAY.plusDays(shape.days() - 1));
    assertThat(row.getPlace().getGeonamesId()).isEqualTo(BenchCities.first(cities).get((int) (i % cities)).getGeonamesId());
    assertThat(row.getValue()).isBetween(1L, 200L);
    if (i + 1 < rows) {
      CaseCountRow next = synthetic.row(i + 1);
      assertThat(next.getPeriodStart()).isAfterOrEqualTo(row.getPeriodStart());
      assertThat(next.getId()).isNotEqualTo(row.getId());
    }
  }

  @Test
  void theCorpusIsReproducibleAndNamesNoPerson() {
    var first = new SyntheticCorpus(5).documents(8, 20);
    assertThat(new SyntheticCorpus(5).documents(8, 20)).isEqualTo(first);
    assertThat(first).hasSize(8);
    assertThat(first.get(3)).contains("de 20");
    assertThat(String.join("\n", first)).doesNotContainPattern("A\\d{8,9}").doesNotContain("@");
  }
}
