package org.retorno.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.retorno.streams.topology.TopologyFixture.key;
import static org.retorno.streams.topology.TopologyFixture.latest;
import static org.retorno.streams.topology.TopologyFixture.row;
import static org.retorno.streams.topology.TopologyFixture.valuesOf;

import java.time.LocalDate;
import java.util.Map;
import org.apache.kafka.streams.TestOutputTopic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.retorno.avro.Category;
import org.retorno.avro.CityCounts;
import org.retorno.schemas.Topics;
import org.retorno.schemas.geo.BorderCity;

/**
 * A source restated with the same claim but a corrected date, city or figure: the claim is
 * counted once, where it now says, never also where it said before.
 */
class RestatedClaimTopologyTest {
  private static final LocalDate JULY_3 = LocalDate.of(2019, 7, 3);
  private static final LocalDate JULY_5 = LocalDate.of(2019, 7, 5);
  private static final LocalDate AUGUST_14 = LocalDate.of(2019, 8, 14);

  private TopologyFixture topology;
  private TestOutputTopic<String, CityCounts> daily;

  @BeforeEach
  void start() {
    topology = new TopologyFixture();
    daily = topology.output(Topics.CITY_COUNTS_DAILY, CityCounts.class);
  }

  @AfterEach
  void stop() {
    topology.close();
  }

  /** Row r1 of one source as first stated and as restated; the latest daily counts after both. */
  private Map<String, CityCounts> restated(BorderCity city, long value, LocalDate day,
      BorderCity restatedCity, long restatedValue, LocalDate restatedDay) {
    topology.counts.pipeInput("r1", row("r1", "INM", city, Category.MPP_RETURN, value, day));
    topology.counts.pipeInput("r1", row("r1", "INM", restatedCity, Category.MPP_RETURN, restatedValue, restatedDay));
    return latest(daily.readKeyValuesToList());
  }

  @Test
  void aDateCorrectedByWeeksMovesTheCountInsteadOfCopyingIt() {
    Map<String, CityCounts> days = restated(BorderCity.TIJUANA, 45, JULY_3, BorderCity.TIJUANA, 45, AUGUST_14);
    assertThat(valuesOf(days.get(key(BorderCity.TIJUANA, "2019-07-03")))).isEmpty();
    assertThat(valuesOf(days.get(key(BorderCity.TIJUANA, "2019-08-14")))).isEqualTo(Map.of(Category.MPP_RETURN, 45L));
  }

  @Test
  void aDateCorrectedWithinTheWeekStillReplacesTheClaimInItsEvent() {
    Map<String, CityCounts> days = restated(BorderCity.TIJUANA, 45, JULY_3, BorderCity.TIJUANA, 45, JULY_5);
    assertThat(valuesOf(days.get(key(BorderCity.TIJUANA, "2019-07-03")))).isEmpty();
    assertThat(valuesOf(days.get(key(BorderCity.TIJUANA, "2019-07-05")))).isEqualTo(Map.of(Category.MPP_RETURN, 45L));
  }

  /** The claim is retracted from its event in the first city and founds one in the other. */
  @Test
  void aCorrectedCityMovesTheCountToTheOtherCity() {
    Map<String, CityCounts> days = restated(BorderCity.TIJUANA, 45, JULY_3, BorderCity.MEXICALI, 45, JULY_3);
    assertThat(valuesOf(days.get(key(BorderCity.TIJUANA, "2019-07-03")))).isEmpty();
    assertThat(valuesOf(days.get(key(BorderCity.MEXICALI, "2019-07-03")))).isEqualTo(Map.of(Category.MPP_RETURN, 45L));
  }

  /** Restated into another city's existing event: counted there once, and no longer in the first city. */
  @Test
  void aCorrectedCityJoiningAnEventThereLeavesTheFirstCity() {
    topology.counts.pipeInput("r0", row("r0", "IOM", BorderCity.MEXICALI, Category.MPP_RETURN, 45, JULY_3));
    Map<String, CityCounts> days = restated(BorderCity.TIJUANA, 45, JULY_3, BorderCity.MEXICALI, 45, JULY_3);
    assertThat(valuesOf(days.get(key(BorderCity.TIJUANA, "2019-07-03")))).isEmpty();
    assertThat(valuesOf(days.get(key(BorderCity.MEXICALI, "2019-07-03")))).isEqualTo(Map.of(Category.MPP_RETURN, 45L));
  }

  /**
   * r1 founds an event in Tijuana on 3 July, r2 (another source, same figure) joins it, and r1 is
   * restated as 30 at {@code city} on {@code day}; the latest daily counts after all three.
   */
  private Map<String, CityCounts> founderRestated(BorderCity city, LocalDate day) {
    topology.counts.pipeInput("r1", row("r1", "INM", BorderCity.TIJUANA, Category.MPP_RETURN, 45, JULY_3));
    topology.counts.pipeInput("r2", row("r2", "IOM", BorderCity.TIJUANA, Category.MPP_RETURN, 45, JULY_3));
    topology.counts.pipeInput("r1", row("r1", "INM", city, Category.MPP_RETURN, 30, day));
    return latest(daily.readKeyValuesToList());
  }

  /** The claim that founded an event moves away: the claims still in that event stay counted. */
  @Test
  void aFounderMovedByWeeksLeavesTheOtherClaimsOfItsEventCounted() {
    Map<String, CityCounts> days = founderRestated(BorderCity.TIJUANA, AUGUST_14);
    assertThat(valuesOf(days.get(key(BorderCity.TIJUANA, "2019-07-03")))).isEqualTo(Map.of(Category.MPP_RETURN, 45L));
    assertThat(valuesOf(days.get(key(BorderCity.TIJUANA, "2019-08-14")))).isEqualTo(Map.of(Category.MPP_RETURN, 30L));
  }

  /** The same, moved to another city: both cities count what their claims say. */
  @Test
  void aFounderMovedToAnotherCityLeavesTheOtherClaimsOfItsEventCounted() {
    Map<String, CityCounts> days = founderRestated(BorderCity.MEXICALI, JULY_3);
    assertThat(valuesOf(days.get(key(BorderCity.TIJUANA, "2019-07-03")))).isEqualTo(Map.of(Category.MPP_RETURN, 45L));
    assertThat(valuesOf(days.get(key(BorderCity.MEXICALI, "2019-07-03")))).isEqualTo(Map.of(Category.MPP_RETURN, 30L));
  }

  @Test
  void aFigureCorrectedToZeroLeavesNothingCounted() {
    Map<String, CityCounts> days = restated(BorderCity.TIJUANA, 45, JULY_3, BorderCity.TIJUANA, 0, JULY_3);
    assertThat(valuesOf(days.get(key(BorderCity.TIJUANA, "2019-07-03")))).isEmpty();
  }
}
