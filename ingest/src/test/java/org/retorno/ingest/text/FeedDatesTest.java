package org.retorno.ingest.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FeedDatesTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      // RFC 822 / 1123 as pubDate has it, and its sloppy relatives
      "Tue, 02 Jul 2019 18:40:00 GMT|2019-07-02T18:40:00Z",
      "Tue, 2 Jul 2019 18:40:00 +0000|2019-07-02T18:40:00Z",
      "Tue, 02 Jul 2019 13:40:00 -0500|2019-07-02T18:40:00Z",
      "Tue, 02 Jul 2019 11:40:00 PDT|2019-07-02T18:40:00Z",
      "02 Jul 2019 18:40 GMT|2019-07-02T18:40:00Z",
      "Wed, 02 Jul 2019 18:40:00 GMT|2019-07-02T18:40:00Z",
      "Tue, 02 Jul 19 18:40:00 GMT|2019-07-02T18:40:00Z",
      "Tuesday, 02 July 2019 18:40:00 UT|2019-07-02T18:40:00Z",
      "Tue, 02 Jul 2019 20:40:00 +02:00|2019-07-02T18:40:00Z",
      "2 Jul 2019|2019-07-02T00:00:00Z",
      // ISO 8601 as Atom has it, and relatives
      "2019-07-02T18:40:00Z|2019-07-02T18:40:00Z",
      "2019-07-02T20:40:00+02:00|2019-07-02T18:40:00Z",
      "2019-07-02T20:40:00.250+0200|2019-07-02T18:40:00.250Z",
      "2019-07-02 18:40:00|2019-07-02T18:40:00Z",
      "2019-07-02T18:40|2019-07-02T18:40:00Z",
      "2019-07-02|2019-07-02T00:00:00Z",
      // written out
      "July 2, 2019|2019-07-02T00:00:00Z",
      "Jul 2, 2019 6:40 pm|2019-07-02T18:40:00Z",
      "July 2nd, 2019 at 12:05 a.m. EST|2019-07-02T05:05:00Z",
      "Tue Jul 02 2019 18:40:00 GMT+0000 (Coordinated Universal Time)|2019-07-02T18:40:00Z",
      "2 de julio de 2019|2019-07-02T00:00:00Z",
      "martes, 2 de julio de 2019 18:40|2019-07-02T18:40:00Z",
      "2 juillet 2019|2019-07-02T00:00:00Z"})
  void readsFeedDates(String text, String expected) {
    assertThat(FeedDates.parse(text)).contains(Instant.parse(expected));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "yesterday", "31 Jun 2019", "2019-13-01", "Tue, 02 Jul 2019 25:00:00 GMT",
      "02 Foo 2019", "2019", "12/07/2019"})
  void unreadableDatesAreEmpty(String text) {
    assertThat(FeedDates.parse(text)).isEmpty();
  }

  @Property
  void neverThrows(@ForAll String text) {
    assertThat(FeedDates.parse(text)).isNotNull();
  }
}
