package org.retorno.streams.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.retorno.avro.Category;

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
    assertThat(SmallCells.threshold(Category.SEXUAL_VIOLENCE)).isEqualTo(10);
    assertThat(SmallCells.threshold(Category.MPP_RETURN)).isEqualTo(5);
  }
}
