package org.retorno.streams.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.retorno.avro.TimePrecision;

class DateReaderTest {
  private final DateReader reader = new DateReader();

  @ParameterizedTest(name = "{0} reported {1}")
  @CsvSource(delimiter = '|', textBlock = """
      on July 20 they were taken                    | 2019-07-24 | 2019-07-20 | DAY
      on Aug. 14 outside the station                | 2019-08-20 | 2019-08-14 | DAY
      on Sept. 3 they left                          | 2019-09-10 | 2019-09-03 | DAY
      on July 2, 2018 they left                     | 2019-09-10 | 2018-07-02 | DAY
      el 9 de julio bajo el MPP                     | 2019-07-10 | 2019-07-09 | DAY
      le 9 juillet ils sont partis                  | 2019-07-10 | 2019-07-09 | DAY
      le 1er juillet ils sont partis                | 2019-07-10 | 2019-07-01 | DAY
      on Dec. 28 five were killed                   | 2020-01-03 | 2019-12-28 | DAY
      on Monday they were bused home                | 2019-07-02 | 2019-07-01 | DAY
      on Tuesday they were bused home               | 2019-07-02 | 2019-07-02 | DAY
      last Tuesday they were bused home             | 2019-07-02 | 2019-06-25 | DAY
      el lunes fueron devueltos                     | 2019-07-10 | 2019-07-08 | DAY
      lundi ils ont été renvoyés                    | 2019-07-10 | 2019-07-08 | DAY
      yesterday they were returned                  | 2019-07-10 | 2019-07-09 | DAY
      ayer fueron devueltos                         | 2019-07-10 | 2019-07-09 | DAY
      last week they were returned                  | 2019-07-10 | 2019-07-07 | WEEK
      la semana pasada fueron devueltos             | 2019-07-14 | 2019-07-07 | WEEK
      in June they were returned                    | 2019-07-10 | 2019-06-30 | MONTH
      in July they were returned                    | 2019-07-10 | 2019-07-10 | MONTH
      last month they were returned                 | 2019-07-10 | 2019-06-30 | MONTH
      on 2019-07-02 they were returned              | 2019-07-10 | 2019-07-02 | DAY
      according to a July 2 Associated Press report | 2019-07-30 | 2019-07-02 | WEEK
      selon un rapport du 2 juillet                 | 2019-07-30 | 2019-07-02 | WEEK
      in 2018 they were returned                    | 2019-07-10 | 2018-12-31 | YEAR
      in 2019 they were returned                    | 2019-07-10 | 2019-07-10 | YEAR
      by the end of 2019 they had been returned     | 2020-02-12 | 2019-12-31 | YEAR
      en 2018 fueron devueltos                      | 2019-07-10 | 2018-12-31 | YEAR
      last year they were kidnapped                 | 2020-02-12 | 2019-12-31 | YEAR
      el año pasado fueron secuestrados             | 2020-02-12 | 2019-12-31 | YEAR
      between January and June they were treated    | 2019-11-20 | 2019-06-30 | MONTH
      entre enero y junio fueron atendidos          | 2019-11-20 | 2019-06-30 | MONTH
      de septembre à novembre ils ont été renvoyés  | 2019-11-20 | 2019-11-20 | MONTH
      """)
  void readsTheDate(String sentence, LocalDate reported, LocalDate date, TimePrecision precision) {
    List<DateMention> dates = reader.read(sentence, reported);

    assertThat(dates).hasSize(1);
    assertThat(dates.get(0).date()).isEqualTo(date);
    assertThat(dates.get(0).precision()).isEqualTo(precision);
  }

  @Test
  void noDateNoMention() {
    assertThat(reader.read("they were returned to Tijuana", LocalDate.of(2019, 7, 10))).isEmpty();
  }

  @Test
  void withoutAReportDateOnlyDatesWithAYearAreRead() {
    assertThat(reader.read("on July 20 and on Monday", null)).isEmpty();
    assertThat(reader.read("on July 20, 2019", null)).extracting(DateMention::date)
        .containsExactly(LocalDate.of(2019, 7, 20));
  }

  @Test
  void aYearAfterTheReportIsNoDate() {
    assertThat(reader.read("in 2021 they will be returned", LocalDate.of(2019, 7, 10))).isEmpty();
  }

  @Test
  void impossibleDatesAreIgnored() {
    assertThat(reader.read("on Feb. 30 they left", LocalDate.of(2019, 7, 10))).isEmpty();
  }
}
