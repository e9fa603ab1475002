package org.retorno.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.retorno.streams.topology.TopologyFixture.article;
import static org.retorno.streams.topology.TopologyFixture.key;
import static org.retorno.streams.topology.TopologyFixture.latest;
import static org.retorno.streams.topology.TopologyFixture.row;
import static org.retorno.streams.topology.TopologyFixture.valuesOf;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestOutputTopic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.retorno.avro.CaseCountRow;
import org.retorno.avro.Category;
import org.retorno.avro.CityCounts;
import org.retorno.avro.CountSemantics;
import org.retorno.avro.CoverageCounts;
import org.retorno.avro.Event;
import org.retorno.avro.PeriodStatus;
import org.retorno.avro.RejectedClaim;
import org.retorno.avro.SourceKind;
import org.retorno.schemas.Topics;
import org.retorno.schemas.geo.BorderCity;

/** The counting rules of the brief, each with the exact output it must give. */
class CountingRulesTopologyTest {
  private TopologyFixture topology;
  private TestOutputTopic<String, Event> events;
  private TestOutputTopic<String, CityCounts> daily;
  private TestOutputTopic<String, CityCounts> dailySettled;
  private TestOutputTopic<String, CityCounts> weekly;
  private TestOutputTopic<String, CityCounts> weeklySettled;

  @BeforeEach
  void start() {
    topology = new TopologyFixture();
    events = topology.output(Topics.EVENTS, Event.class);
    daily = topology.output(Topics.CITY_COUNTS_DAILY, CityCounts.class);
    dailySettled = topology.output(Topics.CITY_COUNTS_DAILY_SETTLED, CityCounts.class);
    weekly = topology.output(Topics.CITY_COUNTS_WEEKLY, CityCounts.class);
    weeklySettled = topology.output(Topics.CITY_COUNTS_WEEKLY_SETTLED, CityCounts.class);
  }

  @AfterEach
  void stop() {
    topology.close();
  }

  /** Differences of monthly totals are monthly figures: they are counted by month, never on a day. */
  private TestOutputTopic<String, CityCounts> monthly() {
    return topology.output(Topics.CITY_COUNTS_MONTHLY, CityCounts.class);
  }

  private Map<String, Event> latestEvents() {
    Map<String, Event> latest = new java.util.TreeMap<>();
    for (KeyValue<String, Event> update : events.readKeyValuesToList()) {
      if (update.value == null) {
        latest.remove(update.key);
      } else {
        latest.put(update.key, update.value);
      }
    }
    return latest;
  }

  @Test
  void oneBusReportedByThreeOutletsIsOneEventOfTheLowestExactFigure() {
    topology.news.pipeInput("a", article("a", "Border Wire", "2019-07-02", "",
        "Mexico's government on Monday bused 69 people, 66 of them returned under the Migrant Protection "
            + "Protocols, from Ciudad Juárez back to their home countries with the help of the International "
            + "Organization for Migration."));
    topology.news.pipeInput("b", article("b", "Valley Courier", "2019-07-03", "",
        "About 70 migrants were bused from Ciudad Juárez back to their home countries on Monday under "
            + "IOM's assisted voluntary return program."));
    topology.news.pipeInput("c", article("c", "Frontera Hoy", "2019-07-02", "",
        "El lunes, 69 migrantes fueron enviados en autobús desde Ciudad Juárez a sus países de origen con "
            + "apoyo de la Organización Internacional para las Migraciones."));

    Map<String, Event> byId = latestEvents();
    assertThat(byId).hasSize(1);
    Event bus = byId.values().iterator().next();
    assertThat(bus.getCategory()).isEqualTo(Category.AVR_DEPARTURE);
    assertThat(bus.getEventDate()).isEqualTo(LocalDate.of(2019, 7, 1));
    assertThat(bus.getFigure()).isEqualTo(69);
    assertThat(bus.getLow()).isEqualTo(69);
    assertThat(bus.getHigh()).isEqualTo(70);
    assertThat(bus.getConflict()).isTrue();
    assertThat(bus.getCorroboration()).isEqualTo(3);
    assertThat(bus.getSourceIds()).containsExactly("a", "b", "c");
    assertThat(valuesOf(latest(daily.readKeyValuesToList()).get(key(BorderCity.CIUDAD_JUAREZ, "2019-07-01"))))
        .containsExactly(Map.entry(Category.AVR_DEPARTURE, 69L));
  }

  @Test
  void oneArticleSyndicatedByFiveOutletsIsOneSource() {
    String wire = "TIJUANA, Mexico — At least 12 asylum seekers returned to Tijuana under the Migrant "
        + "Protection Protocols were kidnapped on Aug. 14 near a shelter, according to a local human rights group.";
    String[] outlets = {"Pacific Ledger", "Coast Daily", "Border Times", "Valley Courier", "Desert News"};
    for (int i = 0; i < outlets.length; i++) {
      String byline = i % 2 == 0 ? "" : "By " + outlets[i] + " staff and wire reports. ";
      topology.news.pipeInput("s" + i, article("s" + i, outlets[i], "2019-08-15", "Migrants kidnapped in Tijuana",
          byline + wire));
    }
    Map<String, Event> byId = latestEvents();
    assertThat(byId).hasSize(1);
    Event kidnapping = byId.values().iterator().next();
    assertThat(kidnapping.getFigure()).isEqualTo(12);
    assertThat(kidnapping.getSourceIds()).hasSize(5);
    assertThat(kidnapping.getCorroboration()).isEqualTo(1);
    // Coverage is another series: five documents reported on Tijuana that day.
    Map<String, CoverageCounts> coverage = topology.output(Topics.COVERAGE_DAILY, CoverageCounts.class)
        .readKeyValuesToMap();
    assertThat(coverage.get(key(BorderCity.TIJUANA, "2019-08-15")).getDocuments()).isEqualTo(5);
  }

  @Test
  void twoFiguresForOneFlightAreOneEvent() {
    LocalDate day = LocalDate.of(2019, 11, 20);
    topology.counts.pipeInput("f1", CaseCountRow.newBuilder(
        row("f1", "IOM situation report", BorderCity.TIJUANA, Category.AVR_DEPARTURE, 129, day))
        .setSourceKind(SourceKind.INTERNATIONAL_ORG).build());
    topology.counts.pipeInput("f2", CaseCountRow.newBuilder(
        row("f2", "press table", BorderCity.TIJUANA, Category.AVR_DEPARTURE, 126, day))
        .setSourceKind(SourceKind.NEWS).build());
    Map<String, Event> byId = latestEvents();
    assertThat(byId).hasSize(1);
    Event flight = byId.values().iterator().next();
    assertThat(flight.getFigure()).isEqualTo(129);
    assertThat(flight.getFigureRule()).isEqualTo("lowest exact figure of an official source");
    assertThat(flight.getLow()).isEqualTo(126);
    assertThat(flight.getHigh()).isEqualTo(129);
    assertThat(flight.getConflict()).isTrue();
    assertThat(flight.getCorroboration()).isEqualTo(2);
  }

  private static CaseCountRow total(String id, long value, String day) {
    return CaseCountRow.newBuilder(row(id, "Human Rights First tally", BorderCity.MATAMOROS,
        Category.KIDNAPPING, value, LocalDate.parse(day))).setSemantics(CountSemantics.CUMULATIVE).build();
  }

  @Test
  void runningTotalsAreDifferencedIntoIncrements() {
    topology.counts.pipeInput("t1", total("t1", 400, "2019-08-01"));
    topology.counts.pipeInput("t2", total("t2", 636, "2019-09-01"));
    topology.counts.pipeInput("t3", total("t3", 1314, "2019-10-01"));
    Map<String, CityCounts> table = latest(monthly().readKeyValuesToList());
    assertThat(valuesOf(table.get(key(BorderCity.MATAMOROS, "2019-08-01")))).containsExactly(Map.entry(Category.KIDNAPPING, 400L));
    assertThat(valuesOf(table.get(key(BorderCity.MATAMOROS, "2019-09-01")))).containsExactly(Map.entry(Category.KIDNAPPING, 236L));
    assertThat(valuesOf(table.get(key(BorderCity.MATAMOROS, "2019-10-01")))).containsExactly(Map.entry(Category.KIDNAPPING, 678L));
  }

  @Test
  void aLateRunningTotalReDifferencesItsSeriesAndATotalRevisedDownIsNoNegativeEvent() {
    topology.counts.pipeInput("t1", total("t1", 400, "2019-08-01"));
    topology.counts.pipeInput("t3", total("t3", 1314, "2019-10-01"));
    assertThat(valuesOf(latest(monthly().readKeyValuesToList()).get(key(BorderCity.MATAMOROS, "2019-10-01"))))
        .containsExactly(Map.entry(Category.KIDNAPPING, 914L));
    topology.counts.pipeInput("t2", total("t2", 636, "2019-09-01"));
    topology.counts.pipeInput("t4", total("t4", 1300, "2019-11-01"));
    Map<String, CityCounts> table = latest(monthly().readKeyValuesToList());
    assertThat(valuesOf(table.get(key(BorderCity.MATAMOROS, "2019-09-01")))).containsExactly(Map.entry(Category.KIDNAPPING, 236L));
    assertThat(valuesOf(table.get(key(BorderCity.MATAMOROS, "2019-10-01")))).containsExactly(Map.entry(Category.KIDNAPPING, 678L));
    assertThat(table).doesNotContainKey(key(BorderCity.MATAMOROS, "2019-11-01"));
  }

  @Test
  void stocksAreGaugesNeverAddedToCounts() {
    topology.counts.pipeInput("s1", CaseCountRow.newBuilder(
        row("s1", "court data", BorderCity.CIUDAD_JUAREZ, Category.MPP_RETURN, 10000, LocalDate.of(2019, 9, 30)))
        .setSemantics(CountSemantics.STOCK).build());
    topology.counts.pipeInput("s2", CaseCountRow.newBuilder(
        row("s2", "court data", BorderCity.CIUDAD_JUAREZ, Category.MPP_RETURN, 9000, LocalDate.of(2019, 8, 31)))
        .setSemantics(CountSemantics.STOCK).build());
    assertThat(daily.isEmpty()).isTrue();
    Map<String, org.retorno.avro.Claim> stocks = topology.output(Topics.STOCKS, org.retorno.avro.Claim.class)
        .readKeyValuesToMap();
    assertThat(stocks).hasSize(1);
    assertThat(stocks.values().iterator().next().getCount().getValue()).isEqualTo(10000L);
  }

  @Test
  void aLateEventRevisesItsDayAndWeekAndASettledPeriodGetsARevision() {
    topology.counts.pipeInput("r1", row("r1", "INM", BorderCity.TIJUANA, Category.MPP_RETURN, 45, LocalDate.of(2019, 7, 10)));
    CityCounts first = latest(daily.readKeyValuesToList()).get(key(BorderCity.TIJUANA, "2019-07-10"));
    assertThat(first.getStatus()).isEqualTo(PeriodStatus.PROVISIONAL);

    // Stream time moves two months on: July's periods settle.
    topology.counts.pipeInput("r2", row("r2", "INM", BorderCity.MEXICALI, Category.MPP_RETURN, 20, LocalDate.of(2019, 9, 30)));
    List<KeyValue<String, CityCounts>> settled = dailySettled.readKeyValuesToList();
    assertThat(settled).extracting(kv -> kv.key).containsExactly(key(BorderCity.TIJUANA, "2019-07-10"));
    assertThat(settled.get(0).value.getStatus()).isEqualTo(PeriodStatus.SETTLED);
    assertThat(settled.get(0).value.getRevision()).isZero();
    assertThat(weeklySettled.readKeyValuesToList()).extracting(kv -> kv.key)
        .containsExactly(key(BorderCity.TIJUANA, "2019-07-08"));

    // A report arrives late, about 10 July: the settled day and week are revised, revision 1.
    topology.counts.pipeInput("r3", row("r3", "shelter network", BorderCity.TIJUANA, Category.KIDNAPPING, 2, LocalDate.of(2019, 7, 10)));
    List<KeyValue<String, CityCounts>> revised = dailySettled.readKeyValuesToList();
    assertThat(revised).hasSize(1);
    assertThat(revised.get(0).value.getRevision()).isEqualTo(1);
    assertThat(valuesOf(revised.get(0).value)).containsExactly(Map.entry(Category.MPP_RETURN, 45L),
        Map.entry(Category.KIDNAPPING, 2L));
    List<KeyValue<String, CityCounts>> revisedWeek = weeklySettled.readKeyValuesToList();
    assertThat(revisedWeek).hasSize(1);
    assertThat(revisedWeek.get(0).value.getRevision()).isEqualTo(1);
    assertThat(revisedWeek.get(0).value.getPeriodEnd()).isEqualTo(LocalDate.of(2019, 7, 14));
    // The dashboards' topics carry every revision, settled or not.
    assertThat(latest(daily.readKeyValuesToList()).get(key(BorderCity.TIJUANA, "2019-07-10")).getRevision()).isEqualTo(1);
    assertThat(latest(weekly.readKeyValuesToList())).containsKey(key(BorderCity.MEXICALI, "2019-09-30"));
  }

  @Test
  void aClaimDatedInTheFutureLandsOnTheRejectedTopicWithItsReason() {
    topology.counts.pipeInput("x", row("x", "INM", BorderCity.REYNOSA, Category.MPP_RETURN, 50, LocalDate.of(2021, 1, 4)));
    topology.counts.pipeInput("y", row("y", "INM", BorderCity.REYNOSA, Category.MPP_RETURN, 50, LocalDate.of(2018, 3, 1)));
    List<RejectedClaim> rejected = topology.output(Topics.REJECTED_CLAIMS, RejectedClaim.class).readValuesToList();
    assertThat(rejected).extracting(RejectedClaim::getReason).containsExactly(
        "event date 2021-01-04 is in the future (today is 2020-06-01)",
        "event date 2018-03-01 is before the series starts on 2019-01-01");
    assertThat(daily.isEmpty()).isTrue();
    double counted = topology.driver.metrics().entrySet().stream()
        .filter(metric -> metric.getKey().name().equals("rejected-claims-total"))
        .mapToDouble(metric -> ((Number) metric.getValue().metricValue()).doubleValue()).sum();
    assertThat(counted).isEqualTo(2.0);
  }

  @Test
  void aWithdrawnSourceTakesItsEventsOutOfTheCounts() {
    topology.news.pipeInput("k", article("k", "Valley Courier", "2019-08-20", "",
        "At least four asylum seekers returned to Matamoros under the Migrant Protection Protocols were "
            + "kidnapped on Aug. 14 outside the city's central bus station."));
    topology.counts.pipeInput("m", row("m", "INM", BorderCity.MATAMOROS, Category.MPP_RETURN, 64, LocalDate.of(2019, 8, 14)));
    assertThat(valuesOf(latest(daily.readKeyValuesToList()).get(key(BorderCity.MATAMOROS, "2019-08-14"))))
        .containsExactly(Map.entry(Category.MPP_RETURN, 64L), Map.entry(Category.KIDNAPPING, 4L));

    topology.news.pipeInput("k", null);
    List<KeyValue<String, Event>> eventUpdates = events.readKeyValuesToList();
    assertThat(eventUpdates.get(eventUpdates.size() - 1).value).isNull();
    assertThat(valuesOf(latest(daily.readKeyValuesToList()).get(key(BorderCity.MATAMOROS, "2019-08-14"))))
        .containsExactly(Map.entry(Category.MPP_RETURN, 64L));
  }
}
