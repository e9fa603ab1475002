package org.retorno.streams.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.retorno.avro.Category;
import org.retorno.avro.CategoryCount;
import org.retorno.avro.CityCounts;
import org.retorno.avro.Granularity;

class SmallCellsTest {

  @Test
  void countsOfOneToFourAreShownAsLessThanFive() {
    assertThat(SmallCells.display(Category.KIDNAPPING, 0)).isEqualTo("0");
    assertThat(SmallCells.display(Category.KIDNAPPING, 1)).isEqualTo("<5");
    assertThat(SmallCells.display(Category.KIDNAPPING, 4)).isEqualTo("<5");
    assertThat(SmallCells.display(Category.KIDNAPPING, 5)).isEqualTo("5");
  }

  @Test
  void sexualViolenceIsSuppressedUpToNine() {
    assertThat(SmallCells.display(Category.SEXUAL_VIOLENCE, 9)).isEqualTo("<10");
    assertThat(SmallCells.display(Category.SEXUAL_VIOLENCE, 10)).isEqualTo("10");
  }

  @Test
  void aPublicRowCarriesNoExactSmallValue() {
    CityCounts counts = new CityCounts(3523466L, "Matamoros", "MX-TAM", Granularity.DAY,
        LocalDate.of(2019, 8, 14), LocalDate.of(2019, 8, 14), List.of(
            new CategoryCount(Category.KIDNAPPING, 4L, List.of("ev-1"), List.of("c-1")),
            new CategoryCount(Category.MPP_RETURN, 64L, List.of("ev-2"), List.of("c-2"))));
    Map<String, Object> row = HttpApi.publicRow(counts);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> cells = (List<Map<String, Object>>) row.get("counts");
    assertThat(cells.get(0)).containsEntry("category", "KIDNAPPING").containsEntry("value", null)
        .containsEntry("display", "<5").containsEntry("suppressed", true);
    assertThat(cells.get(1)).containsEntry("value", 64L).containsEntry("display", "64")
        .containsEntry("suppressed", false);
    assertThat(row).containsEntry("city", "Matamoros").containsEntry("periodStart", "2019-08-14");
  }
}
