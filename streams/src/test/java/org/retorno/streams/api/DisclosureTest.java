package org.retorno.streams.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.retorno.avro.Category;
import org.retorno.avro.Granularity;

class DisclosureTest {
  private static final long TIJUANA = 3981609L;
  // Monday 2019-07-08 to Sunday 2019-07-14.
  private static final LocalDate MONDAY = LocalDate.of(2019, 7, 8);

  private static CountRow day(LocalDate date, Category category, long value) {
    return new CountRow(TIJUANA, "Tijuana", "MX-BCN", Granularity.DAY, date, date,
        List.of(new CountRow.Cell(category, value, List.of("ev-" + date), List.of("c-" + date))), "PROVISIONAL", 0);
  }

  private static Disclosure of(CountRow... days) {
    List<CountRow> rows = new ArrayList<>(List.of(days));
    return new Disclosure(rows, WeeklyRollup.weeks(rows));
  }

  @Test
  void aWeekTotalThatWouldRevealASuppressedDayMakesAnotherDayHiddenToo() {
    Disclosure disclosure = of(day(MONDAY, Category.KIDNAPPING, 6), day(MONDAY.plusDays(2), Category.KIDNAPPING, 2));

    Disclosure.PublicValue small = disclosure.of(Granularity.DAY, TIJUANA, Category.KIDNAPPING, MONDAY.plusDays(2));
    assertThat(small).isEqualTo(new Disclosure.PublicValue(null, "<5", Disclosure.Suppression.PRIMARY));
    Disclosure.PublicValue other = disclosure.of(Granularity.DAY, TIJUANA, Category.KIDNAPPING, MONDAY);
    assertThat(other).isEqualTo(new Disclosure.PublicValue(null, "suppressed", Disclosure.Suppression.COMPLEMENTARY));
    assertThat(disclosure.of(Granularity.WEEK, TIJUANA, Category.KIDNAPPING, MONDAY))
        .isEqualTo(new Disclosure.PublicValue(8L, "8", Disclosure.Suppression.NONE));
  }

  @Test
  void aWeekThatCannotBeProtectedOtherwiseIsItselfSuppressed() {
    Disclosure disclosure = of(day(MONDAY, Category.EXTORTION, 5), day(MONDAY.plusDays(1), Category.EXTORTION, 1));
    assertThat(disclosure.of(Granularity.WEEK, TIJUANA, Category.EXTORTION, MONDAY).display()).isEqualTo("suppressed");
    assertThat(disclosure.of(Granularity.DAY, TIJUANA, Category.EXTORTION, MONDAY).display()).isEqualTo("suppressed");
    assertThat(disclosure.of(Granularity.DAY, TIJUANA, Category.EXTORTION, MONDAY.plusDays(1)).display()).isEqualTo("<5");
  }

  @Test
  void categoriesAndWeeksAreSeparateLines() {
    Disclosure disclosure = of(day(MONDAY, Category.MPP_RETURN, 45), day(MONDAY, Category.KIDNAPPING, 3),
        day(MONDAY.plusDays(7), Category.KIDNAPPING, 9));
    assertThat(disclosure.of(Granularity.DAY, TIJUANA, Category.MPP_RETURN, MONDAY).value()).isEqualTo(45L);
    assertThat(disclosure.of(Granularity.DAY, TIJUANA, Category.KIDNAPPING, MONDAY).display()).isEqualTo("<5");
    assertThat(disclosure.of(Granularity.WEEK, TIJUANA, Category.KIDNAPPING, MONDAY).display()).isEqualTo("<5");
    assertThat(disclosure.of(Granularity.DAY, TIJUANA, Category.KIDNAPPING, MONDAY.plusDays(7)).value()).isEqualTo(9L);
    assertThat(disclosure.of(Granularity.DAY, TIJUANA, Category.ASSAULT, MONDAY).display()).isEqualTo("0");
  }

  @Test
  void sexualViolenceUnderTenIsSuppressed() {
    Disclosure disclosure = of(day(MONDAY, Category.SEXUAL_VIOLENCE, 9));
    assertThat(disclosure.of(Granularity.DAY, TIJUANA, Category.SEXUAL_VIOLENCE, MONDAY).display()).isEqualTo("<10");
    assertThat(disclosure.of(Granularity.WEEK, TIJUANA, Category.SEXUAL_VIOLENCE, MONDAY).display()).isEqualTo("<10");
  }

  @Test
  void weeksRunMondayToSunday() {
    List<CountRow> weeks = WeeklyRollup.weeks(List.of(day(LocalDate.of(2019, 7, 14), Category.MPP_RETURN, 10),
        day(LocalDate.of(2019, 7, 15), Category.MPP_RETURN, 20), day(LocalDate.of(2019, 7, 21), Category.MPP_RETURN, 5)));
    assertThat(weeks).extracting(CountRow::periodStart, CountRow::periodEnd, row -> row.value(Category.MPP_RETURN))
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(LocalDate.of(2019, 7, 8), LocalDate.of(2019, 7, 14), 10L),
            org.assertj.core.groups.Tuple.tuple(LocalDate.of(2019, 7, 15), LocalDate.of(2019, 7, 21), 25L));
    assertThat(weeks.get(1).cells().get(0).eventIds()).containsExactly("ev-2019-07-15", "ev-2019-07-21");
  }
}
