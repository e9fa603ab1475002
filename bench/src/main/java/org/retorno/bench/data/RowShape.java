package org.retorno.bench.data;

import java.time.LocalDate;

/**
 * How a synthetic history is laid out: how many rows, over how many cities and years. Rows are
 * spread evenly over cities and the 14 categories and come in date order, as a replay of history
 * would read them.
 *
 * @param rows how many case-count rows
 * @param cities how many cities (the first 8 are the real border cities)
 * @param years how many years of history, from {@link #FIRST_DAY}
 * @param seed varies the values and ids, so two shapes never share a row
 */
public record RowShape(long rows, int cities, int years, long seed) {
  /** MPP began in January 2019; the topology rejects earlier dates. */
  public static final LocalDate FIRST_DAY = LocalDate.of(2019, 1, 1);

  public RowShape {
    if (rows < 1 || cities < 1 || years < 1) {
      throw new IllegalArgumentException("row shape: rows, cities and years must be positive, got "
          + rows + ", " + cities + ", " + years);
    }
  }

  public int days() {
    return (int) (FIRST_DAY.plusYears(years).toEpochDay() - FIRST_DAY.toEpochDay());
  }

  public String label() {
    return rows + " rows, " + cities + " cities, " + years + (years == 1 ? " year" : " years");
  }
}
