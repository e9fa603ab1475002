package org.retorno.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.retorno.streams.topology.TopologyFixture.article;
import static org.retorno.streams.topology.TopologyFixture.claimId;
import static org.retorno.streams.topology.TopologyFixture.eventId;
import static org.retorno.streams.topology.TopologyFixture.key;
import static org.retorno.streams.topology.TopologyFixture.latest;
import static org.retorno.streams.topology.TopologyFixture.row;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.retorno.avro.CaseCountRow;
import org.retorno.avro.Category;
import org.retorno.avro.CategoryCount;
import org.retorno.avro.CityCounts;
import org.retorno.avro.Claim;
import org.retorno.avro.Event;
import org.retorno.avro.Granularity;
import org.retorno.avro.PeriodEvent;
import org.retorno.avro.SourceKind;
import org.retorno.avro.TimePrecision;
import org.retorno.schemas.Topics;
import org.retorno.schemas.geo.BorderCity;

/**
 * count-provenance, the events and claims behind the counts now that count cells carry only how
 * many there are: each change of an event is one entry or one tombstone under
 * "cityId:day:CATEGORY:eventId", so a count can still be traced to every claim and source.
 */
class ProvenanceTopologyTest {
  /** The events rows found, named by city, category and row. */
  private static final String R1 = eventId("r1", BorderCity.TIJUANA, Category.MPP_RETURN);
  private static final String R1_JUAREZ_DEPARTURES = eventId("r1", BorderCity.CIUDAD_JUAREZ, Category.AVR_DEPARTURE);
  private static final String K1 = eventId("k1", BorderCity.TIJUANA, Category.KIDNAPPING);
  private static final String M7 = eventId("m7", BorderCity.TIJUANA, Category.MPP_RETURN);
  private static final LocalDate JULY_10 = LocalDate.of(2019, 7, 10);

  private TopologyFixture topology;
  private TestOutputTopic<String, PeriodEvent> provenance;
  private TestOutputTopic<String, CityCounts> daily;
  private KeyValueStore<String, PeriodEvent> store;

  @BeforeEach
  void start() {
    topology = new TopologyFixture();
    provenance = topology.output(Topics.COUNT_PROVENANCE, PeriodEvent.class);
    daily = topology.output(Topics.CITY_COUNTS_DAILY, CityCounts.class);
    store = topology.driver.getKeyValueStore(Names.PROVENANCE_STORE);
  }

  @AfterEach
  void stop() {
    topology.close();
  }

  private static String provenanceKey(BorderCity city, LocalDate day, Category category, String eventId) {
    return city.geonamesId() + ":" + day + ":" + category + ":" + eventId;
  }

  /** An entry as the topology must write it; claim ids sorted, as events carry them. */
  private static PeriodEvent entry(String eventId, BorderCity city, Category category, LocalDate date,
      TimePrecision precision, long figure, String... claimIds) {
    return PeriodEvent.newBuilder()
        .setId(eventId)
        .setCityId(city.geonamesId())
        .setCityName(city.displayName())
        .setAdmin1Code(city.admin1Code())
        .setCategory(category)
        .setEventDate(date)
        .setEventDatePrecision(precision)
        .setFigure(figure)
        .setClaimIds(Stream.of(claimIds).sorted().toList())
        .build();
  }

  @Test
  void aCountedEventIsFiledUnderItsCityDayAndCategoryWithEveryClaimBehindIt() {
    topology.counts.pipeInput("r1", row("r1", "INM", BorderCity.TIJUANA, Category.MPP_RETURN, 45, JULY_10));
    // A second source of the same return joins the event: the entry is rewritten with both claims.
    topology.counts.pipeInput("r2", row("r2", "court", BorderCity.TIJUANA, Category.MPP_RETURN, 45, JULY_10));

    String key = provenanceKey(BorderCity.TIJUANA, JULY_10, Category.MPP_RETURN, R1);
    PeriodEvent both = entry(R1, BorderCity.TIJUANA, Category.MPP_RETURN, JULY_10, TimePrecision.DAY,
        45, claimId("r1"), claimId("r2"));
    assertThat(provenance.readKeyValuesToList()).containsExactly(
        KeyValue.pair(key, entry(R1, BorderCity.TIJUANA, Category.MPP_RETURN, JULY_10,
            TimePrecision.DAY, 45, claimId("r1"))),
        KeyValue.pair(key, both));
    assertThat(store.get(key)).isEqualTo(both);
    // The cell says how many; the entry says which.
    assertThat(latest(daily.readKeyValuesToList()).get(key(BorderCity.TIJUANA, "2019-07-10")).getCounts())
        .containsExactly(new CategoryCount(Category.MPP_RETURN, 45L, 1, 2, 45L, 0L));
  }

  @Test
  void aLateClaimThatMovesTheEventToAnotherDayLeavesATombstoneOnTheOldOne() {
    LocalDate july2 = LocalDate.of(2019, 7, 2);
    LocalDate july1 = LocalDate.of(2019, 7, 1);
    topology.counts.pipeInput("r1", row("r1", "INM", BorderCity.CIUDAD_JUAREZ, Category.AVR_DEPARTURE, 69, july2));
    String before = provenanceKey(BorderCity.CIUDAD_JUAREZ, july2, Category.AVR_DEPARTURE, R1_JUAREZ_DEPARTURES);
    assertThat(provenance.readKeyValuesToList()).containsExactly(KeyValue.pair(before, entry(R1_JUAREZ_DEPARTURES,
        BorderCity.CIUDAD_JUAREZ, Category.AVR_DEPARTURE, july2, TimePrecision.DAY, 69, claimId("r1"))));

    // The news says the bus left on Monday, 1 July: the earliest precise date is the event's.
    topology.news.pipeInput("a", article("a", "Border Wire", "2019-07-02", "",
        "Mexico's government on Monday bused 69 people, 66 of them returned under the Migrant Protection "
            + "Protocols, from Ciudad Juárez back to their home countries with the help of the International "
            + "Organization for Migration."));
    List<Claim> articleClaims = topology.output(Topics.CLAIMS, Claim.class).readValuesToList().stream()
        .filter(claim -> claim.getSourceId().equals("a")).toList();
    assertThat(articleClaims).hasSize(1);

    String after = provenanceKey(BorderCity.CIUDAD_JUAREZ, july1, Category.AVR_DEPARTURE, R1_JUAREZ_DEPARTURES);
    PeriodEvent moved = entry(R1_JUAREZ_DEPARTURES, BorderCity.CIUDAD_JUAREZ, Category.AVR_DEPARTURE, july1,
        TimePrecision.DAY, 69, claimId("r1"), articleClaims.get(0).getId());
    assertThat(provenance.readKeyValuesToList()).containsExactly(KeyValue.pair(before, null),
        KeyValue.pair(after, moved));
    assertThat(store.get(before)).isNull();
    assertThat(store.get(after)).isEqualTo(moved);
    assertThat(topology.provenance(BorderCity.CIUDAD_JUAREZ, july1, july2)).containsExactly(KeyValue.pair(after, moved));
  }

  @Test
  void aRetractedEventLeavesATombstoneAndARetractedClaimLeavesItsEventsEntry() {
    topology.counts.pipeInput("r1", row("r1", "INM", BorderCity.TIJUANA, Category.MPP_RETURN, 45, JULY_10));
    topology.counts.pipeInput("r2", row("r2", "court", BorderCity.TIJUANA, Category.MPP_RETURN, 45, JULY_10));
    topology.counts.pipeInput("k1", row("k1", "shelter network", BorderCity.TIJUANA, Category.KIDNAPPING, 3, JULY_10));
    provenance.readKeyValuesToList();
    String returns = provenanceKey(BorderCity.TIJUANA, JULY_10, Category.MPP_RETURN, R1);
    String kidnapping = provenanceKey(BorderCity.TIJUANA, JULY_10, Category.KIDNAPPING, K1);

    // The court withdraws its row: the event stands on the other claim.
    topology.counts.pipeInput("r2", null);
    PeriodEvent oneClaim = entry(R1, BorderCity.TIJUANA, Category.MPP_RETURN, JULY_10,
        TimePrecision.DAY, 45, claimId("r1"));
    assertThat(provenance.readKeyValuesToList()).containsExactly(KeyValue.pair(returns, oneClaim));

    // The shelter withdraws its only row: the event is gone, and so is its entry.
    topology.counts.pipeInput("k1", null);
    assertThat(provenance.readKeyValuesToList()).containsExactly(KeyValue.pair(kidnapping, null));
    assertThat(topology.provenance(BorderCity.TIJUANA, JULY_10, JULY_10))
        .containsExactly(KeyValue.pair(returns, oneClaim));
    assertThat(latest(daily.readKeyValuesToList()).get(key(BorderCity.TIJUANA, "2019-07-10")).getCounts())
        .containsExactly(new CategoryCount(Category.MPP_RETURN, 45L, 1, 1, 45L, 0L));
  }

  @Test
  void anEventRepublishedForAFieldTheCountsDoNotReadAddsNothing() {
    topology.counts.pipeInput("r1", row("r1", "INM", BorderCity.TIJUANA, Category.MPP_RETURN, 45, JULY_10));
    assertThat(provenance.readKeyValuesToList()).hasSize(1);
    TestOutputTopic<String, Event> events = topology.output(Topics.EVENTS, Event.class);
    events.readValuesToList();

    // The same row, now said to be the press's: the event's figure rule changes, its figure does not.
    topology.counts.pipeInput("r1", CaseCountRow.newBuilder(
        row("r1", "INM", BorderCity.TIJUANA, Category.MPP_RETURN, 45, JULY_10)).setSourceKind(SourceKind.NEWS).build());

    assertThat(events.readValuesToList()).extracting(Event::getId, Event::getFigure, Event::getFigureRule)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(R1, 45L, "lowest exact figure"));
    assertThat(provenance.isEmpty()).isTrue();
    assertThat(store.get(provenanceKey(BorderCity.TIJUANA, JULY_10, Category.MPP_RETURN, R1)))
        .isEqualTo(entry(R1, BorderCity.TIJUANA, Category.MPP_RETURN, JULY_10, TimePrecision.DAY, 45,
            claimId("r1")));
  }

  @Test
  void aMonthlyFigureIsFiledOnItsMonthsFirstDayAndCountsInMonthsOnly() {
    LocalDate july1 = LocalDate.of(2019, 7, 1);
    topology.counts.pipeInput("m7", CaseCountRow.newBuilder(
            row("m7", "court data", BorderCity.TIJUANA, Category.MPP_RETURN, 1000, july1))
        .setPeriodEnd(LocalDate.of(2019, 7, 31)).setSourceKind(SourceKind.COURT_DATA).build());
    topology.counts.pipeInput("r1", row("r1", "INM", BorderCity.TIJUANA, Category.MPP_RETURN, 45, JULY_10));

    PeriodEvent month = entry(M7, BorderCity.TIJUANA, Category.MPP_RETURN, july1, TimePrecision.MONTH,
        1000, claimId("m7"));
    PeriodEvent day = entry(R1, BorderCity.TIJUANA, Category.MPP_RETURN, JULY_10, TimePrecision.DAY, 45,
        claimId("r1"));
    List<KeyValue<String, PeriodEvent>> july = topology.provenance(BorderCity.TIJUANA, july1, LocalDate.of(2019, 7, 31));
    assertThat(july).containsExactly(
        KeyValue.pair(provenanceKey(BorderCity.TIJUANA, july1, Category.MPP_RETURN, M7), month),
        KeyValue.pair(provenanceKey(BorderCity.TIJUANA, JULY_10, Category.MPP_RETURN, R1), day));

    // What readers of the provenance keep for each granularity, as the counts do.
    for (Granularity granularity : List.of(Granularity.DAY, Granularity.WEEK)) {
      assertThat(july).filteredOn(entry -> Periods.counts(granularity, entry.value.getEventDatePrecision()))
          .extracting(entry -> entry.value).containsExactly(day);
    }
    assertThat(july).filteredOn(entry -> Periods.counts(Granularity.MONTH, entry.value.getEventDatePrecision()))
        .extracting(entry -> entry.value).containsExactly(month, day);
    assertThat(Periods.counts(Granularity.DAY, TimePrecision.YEAR)).isFalse();
    assertThat(Periods.counts(Granularity.WEEK, TimePrecision.YEAR)).isFalse();

    // And the counts agree: the month's table row is on no day, and in the month with its day.
    assertThat(latest(daily.readKeyValuesToList())).containsOnlyKeys(key(BorderCity.TIJUANA, "2019-07-10"));
    CityCounts monthly = latest(topology.output(Topics.CITY_COUNTS_MONTHLY, CityCounts.class).readKeyValuesToList())
        .get(key(BorderCity.TIJUANA, "2019-07-01"));
    assertThat(monthly.getCounts()).containsExactly(new CategoryCount(Category.MPP_RETURN, 1000L, 2, 2, 1000L, 45L));
  }
}
