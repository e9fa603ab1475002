package org.retorno.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.retorno.streams.topology.Claims.claim;
import static org.retorno.streams.topology.Claims.exact;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.retorno.avro.Category;
import org.retorno.avro.Claim;
import org.retorno.avro.Count;
import org.retorno.avro.CountKind;
import org.retorno.avro.EventMembers;
import org.retorno.avro.TimePrecision;
import org.retorno.schemas.geo.BorderCity;

class EventMatcherTest {
  private static final LocalDate JULY_1 = LocalDate.of(2019, 7, 1);
  private final EventMatcher matcher = new EventMatcher(TopologyConfig.withDefaults(Map.of()));

  private static EventMembers cluster(Claim... claims) {
    return EventMembership.of("ev-1", List.of(claims));
  }

  @Test
  void exactAndApproximateFiguresOfOneBusAreOneEvent() {
    Claim news = exact("c1", "news", BorderCity.CIUDAD_JUAREZ, Category.AVR_DEPARTURE, 69, JULY_1);
    Claim letter = claim("c2", "letter", BorderCity.CIUDAD_JUAREZ, Category.AVR_DEPARTURE, 70,
        CountKind.APPROXIMATE, JULY_1.plusDays(1), TimePrecision.WEEK).build();
    assertThat(matcher.distance(EventMembership.memberOf(letter), cluster(news))).isEqualTo(1);
  }

  @Test
  void twoReportsOfOneFlightDifferingByAFewPercentAreOneEvent() {
    Claim a = exact("c1", "a", BorderCity.TIJUANA, Category.AVR_DEPARTURE, 126, JULY_1);
    Claim b = exact("c2", "b", BorderCity.TIJUANA, Category.AVR_DEPARTURE, 129, JULY_1);
    assertThat(matcher.distance(EventMembership.memberOf(b), cluster(a))).isZero();
  }

  @Test
  void clearlyDifferentExactFiguresAreDifferentEvents() {
    Claim a = exact("c1", "a", BorderCity.CIUDAD_JUAREZ, Category.MPP_RETURN, 112, JULY_1);
    Claim b = exact("c2", "b", BorderCity.CIUDAD_JUAREZ, Category.MPP_RETURN, 98, JULY_1);
    assertThat(matcher.distance(EventMembership.memberOf(b), cluster(a))).isEqualTo(-1);
  }

  @Test
  void dayPreciseClaimsMoreThanADayApartAreDifferentEvents() {
    Claim a = exact("c1", "a", BorderCity.MATAMOROS, Category.KIDNAPPING, 4, JULY_1);
    Claim b = exact("c2", "b", BorderCity.MATAMOROS, Category.KIDNAPPING, 4, JULY_1.plusDays(2));
    assertThat(matcher.distance(EventMembership.memberOf(b), cluster(a))).isEqualTo(-1);
  }

  @Test
  void imprecisDatesWidenTheWindowToAWeekButNoMore() {
    Claim a = exact("c1", "a", BorderCity.MATAMOROS, Category.KIDNAPPING, 4, JULY_1);
    Claim week = claim("c2", "b", BorderCity.MATAMOROS, Category.KIDNAPPING, 4, CountKind.EXACT,
        JULY_1.plusDays(7), TimePrecision.WEEK).build();
    Claim later = claim("c3", "b", BorderCity.MATAMOROS, Category.KIDNAPPING, 4, CountKind.EXACT,
        JULY_1.plusDays(8), TimePrecision.WEEK).build();
    assertThat(matcher.distance(EventMembership.memberOf(week), cluster(a))).isEqualTo(7);
    assertThat(matcher.distance(EventMembership.memberOf(later), cluster(a))).isEqualTo(-1);
  }

  @Test
  void rowsOfOneTableAreNeverOneEvent() {
    Claim a = exact("c1", "table", BorderCity.TIJUANA, Category.MPP_RETURN, 45, JULY_1);
    a.setExtractorVersion(CaseCountClaims.EXTRACTOR_VERSION);
    Claim b = exact("c2", "table", BorderCity.TIJUANA, Category.MPP_RETURN, 45, JULY_1);
    b.setExtractorVersion(CaseCountClaims.EXTRACTOR_VERSION);
    assertThat(matcher.distance(EventMembership.memberOf(b), cluster(a))).isEqualTo(-1);
  }

  @Test
  void rowsOfTwoTablesAreOneEventOnlyForTheSamePeriod() {
    Claim a = exact("c1", "inm", BorderCity.NUEVO_LAREDO, Category.MPP_RETURN, 130, JULY_1);
    a.setExtractorVersion(CaseCountClaims.EXTRACTOR_VERSION);
    Claim same = exact("c2", "court", BorderCity.NUEVO_LAREDO, Category.MPP_RETURN, 130, JULY_1);
    same.setExtractorVersion(CaseCountClaims.EXTRACTOR_VERSION);
    Claim nextDay = exact("c3", "court", BorderCity.NUEVO_LAREDO, Category.MPP_RETURN, 130,
        JULY_1.plusDays(1));
    nextDay.setExtractorVersion(CaseCountClaims.EXTRACTOR_VERSION);
    assertThat(matcher.distance(EventMembership.memberOf(same), cluster(a))).isZero();
    assertThat(matcher.distance(EventMembership.memberOf(nextDay), cluster(a))).isEqualTo(-1);
  }

  @Test
  void aMinimumOverlapsAnyLargerFigure() {
    Count atLeastFour = new Count(4L, CountKind.MINIMUM, null, null, "at least four");
    Count twelve = new Count(12L, CountKind.EXACT, null, null, "12");
    Count three = new Count(3L, CountKind.EXACT, null, null, "3");
    assertThat(EventMatcher.overlap(atLeastFour, twelve)).isTrue();
    assertThat(EventMatcher.overlap(atLeastFour, three)).isFalse();
  }

  @Test
  void rangesOverlapByTheirBounds() {
    Count range = new Count(50L, CountKind.RANGE, 50L, 60L, "50 to 60");
    assertThat(EventMatcher.overlap(range, new Count(58L, CountKind.EXACT, null, null, "58"))).isTrue();
    assertThat(EventMatcher.overlap(range, new Count(70L, CountKind.EXACT, null, null, "70"))).isFalse();
  }
}
