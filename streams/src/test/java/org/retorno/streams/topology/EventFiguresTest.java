package org.retorno.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.retorno.streams.topology.Claims.claim;
import static org.retorno.streams.topology.Claims.exact;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.retorno.avro.Category;
import org.retorno.avro.Claim;
import org.retorno.avro.CountKind;
import org.retorno.avro.Event;
import org.retorno.avro.SourceKind;
import org.retorno.avro.TimePrecision;
import org.retorno.schemas.geo.BorderCity;

class EventFiguresTest {
  private static final LocalDate JULY_1 = LocalDate.of(2019, 7, 1);

  @Test
  void theLowestExactFigureIsReportedAndTheDisagreementFlagged() {
    Claim letter = claim("c2", "letter", BorderCity.CIUDAD_JUAREZ, Category.AVR_DEPARTURE, 70,
        CountKind.APPROXIMATE, JULY_1.plusDays(1), TimePrecision.WEEK).build();
    Claim news = exact("c1", "news", BorderCity.CIUDAD_JUAREZ, Category.AVR_DEPARTURE, 69, JULY_1);
    Event event = EventFigures.toEvent(EventMembership.of("ev-x", List.of(letter, news)));
    assertThat(event.getFigure()).isEqualTo(69);
    assertThat(event.getFigureRule()).isEqualTo("lowest exact figure");
    assertThat(event.getLow()).isEqualTo(69);
    assertThat(event.getHigh()).isEqualTo(70);
    assertThat(event.getConflict()).isTrue();
    assertThat(event.getEventDate()).isEqualTo(JULY_1);
    assertThat(event.getEventDatePrecision()).isEqualTo(TimePrecision.DAY);
    assertThat(event.getClaimIds()).containsExactly("c1", "c2");
    assertThat(event.getSourceIds()).containsExactly("letter", "news");
    assertThat(event.getCorroboration()).isEqualTo(2);
  }

  @Test
  void anInternationalOrganisationsOwnFigureIsPreferredOverPress() {
    Claim press = exact("c1", "press", BorderCity.TIJUANA, Category.AVR_DEPARTURE, 126, JULY_1);
    Claim iom = claim("c2", "iom", BorderCity.TIJUANA, Category.AVR_DEPARTURE, 129, CountKind.EXACT,
        JULY_1, TimePrecision.DAY).setSourceKind(SourceKind.INTERNATIONAL_ORG).build();
    Event event = EventFigures.toEvent(EventMembership.of("ev-y", List.of(press, iom)));
    assertThat(event.getFigure()).isEqualTo(129);
    assertThat(event.getFigureRule()).isEqualTo("lowest exact figure of an official source");
    assertThat(event.getConflict()).isTrue();
  }

  @Test
  void withoutAnExactFigureTheLowestStatedValueIsReported() {
    Claim about = claim("c1", "a", BorderCity.MATAMOROS, Category.KIDNAPPING, 12, CountKind.VAGUE,
        JULY_1, TimePrecision.WEEK).build();
    Claim atLeast = claim("c2", "b", BorderCity.MATAMOROS, Category.KIDNAPPING, 15, CountKind.MINIMUM,
        JULY_1, TimePrecision.WEEK).build();
    Event event = EventFigures.toEvent(EventMembership.of("ev-z", List.of(about, atLeast)));
    assertThat(event.getFigure()).isEqualTo(12);
    assertThat(event.getFigureRule()).isEqualTo("lowest stated figure (no exact figure reported)");
    assertThat(event.getEventDatePrecision()).isEqualTo(TimePrecision.WEEK);
  }

  @Test
  void oneSourceRepeatingItselfIsNoCorroboration() {
    Claim first = exact("c1", "doc", BorderCity.REYNOSA, Category.ASSAULT, 2, JULY_1);
    Claim again = exact("c2", "doc", BorderCity.REYNOSA, Category.ASSAULT, 2, JULY_1);
    Event event = EventFigures.toEvent(EventMembership.of("ev-r", List.of(first, again)));
    assertThat(event.getCorroboration()).isEqualTo(1);
    assertThat(event.getConflict()).isFalse();
  }
}
