package org.retorno.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.retorno.avro.AlertKind;
import org.retorno.avro.Category;
import org.retorno.avro.CategoryCount;
import org.retorno.avro.CityCounts;
import org.retorno.avro.Granularity;
import org.retorno.avro.SpikeAlert;
import org.retorno.avro.SpikeSeries;
import org.retorno.schemas.Topics;
import org.retorno.schemas.serde.AvroSerde;

/** The spikes stage alone, fed weekly counts: what a revision that changes no count emits. */
class SpikeDetectorTest {
  private static final long TIJUANA = 3981609;
  private static final LocalDate FIRST_MONDAY = LocalDate.of(2019, 3, 4);
  private static final LocalDate SPIKE_WEEK = FIRST_MONDAY.plusWeeks(20);
  private Map<String, Object> serde;
  private TopologyTestDriver driver;
  private TestInputTopic<String, CityCounts> weeks;
  private TestOutputTopic<String, SpikeAlert> alerts;

  @BeforeEach
  void start() {
    serde = Map.of("schema.registry.url", "mock://spike-detector-" + UUID.randomUUID(), "specific.avro.reader", "true");
    TopologyConfig config = TopologyConfig.withDefaults(serde);
    AvroSerdes serdes = new AvroSerdes(serde);
    StreamsBuilder builder = new StreamsBuilder();
    SpikesStage.build(builder, serdes, config, config.detection(),
        builder.stream("weekly-counts", Consumed.with(Serdes.String(), serdes.value(CityCounts.class))),
        Granularity.WEEK);
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "spike-detector-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, "0");
    props.put(StreamsConfig.STATE_DIR_CONFIG, TopologyFixture.freshStateDir());
    driver = new TopologyTestDriver(builder.build(), props);
    weeks = driver.createInputTopic("weekly-counts", Serdes.String().serializer(),
        AvroSerde.specific(CityCounts.class, serde, false).serializer());
    alerts = driver.createOutputTopic(Topics.SPIKE_ALERTS, Serdes.String().deserializer(),
        AvroSerde.specific(SpikeAlert.class, serde, false).deserializer());
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  private void week(LocalDate monday, long returns, int events) {
    CityCounts counts = CityCounts.newBuilder().setCityId(3981609).setCityName("Tijuana").setAdmin1Code("MX-BCN")
        .setGranularity(Granularity.WEEK).setPeriodStart(monday).setPeriodEnd(monday.plusDays(6))
        .setCounts(List.of(new CategoryCount(Category.MPP_RETURN, returns, events, events, 0L, returns)))
        .build();
    weeks.pipeInput(monday.toString(), counts, monday.atStartOfDay(ZoneOffset.UTC).toInstant());
  }

  /** Twenty steady weeks and a tripled one, which is a spike. */
  private SpikeAlert spike() {
    for (int w = 0; w < 20; w++) {
      week(FIRST_MONDAY.plusWeeks(w), 40 + w % 3, 1);
    }
    week(SPIKE_WEEK, 126, 1);
    List<SpikeAlert> raised = alerts.readValuesToList();
    assertThat(raised).extracting(SpikeAlert::getKind).containsExactly(AlertKind.SPIKE);
    return raised.get(0);
  }

  /**
   * An alert names its periods, not its events (those are on count-provenance), so another event
   * joining the spike week with the same total changes nothing the alert says.
   */
  @Test
  void aRevisionWithTheSameCountButAnotherEventEmitsNothing() {
    spike();

    week(SPIKE_WEEK, 126, 2);

    assertThat(alerts.readValuesToList()).isEmpty();
  }

  @Test
  void aRepeatedRevisionEmitsNothing() {
    spike();

    week(SPIKE_WEEK, 126, 1);
    week(FIRST_MONDAY.plusWeeks(3), 40, 1);

    assertThat(alerts.readValuesToList()).isEmpty();
  }

  @Test
  void aLateRevisionOfAnEarlierWeekIsJudgedAgain() {
    SpikeAlert spike = spike();

    // The week before the spike was as high: the spike is no rise any more.
    week(SPIKE_WEEK.minusWeeks(1), 126, 2);

    List<SpikeAlert> updates = alerts.readValuesToList();
    assertThat(updates).filteredOn(alert -> alert.getId().equals(spike.getId()))
        .extracting(SpikeAlert::getWithdrawn).containsExactly(true);
  }

  @Test
  void theStandingAlertsAreStoredByIdAndTheSeriesWithoutThem() {
    SpikeAlert spike = spike();

    assertThat(alertStore().get(spike.getId())).isEqualTo(spike);
    assertThat(seriesStore().get(TIJUANA + ":" + Category.MPP_RETURN).getAlerts()).isEmpty();
  }

  /** With the series' decoded copy gone, the standing alerts come back from their store. */
  @Test
  void aWithdrawalAfterTheSeriesLeftMemoryComesFromTheAlertStore() {
    SpikeAlert spike = spike();
    evictTijuana();

    week(SPIKE_WEEK.minusWeeks(1), 126, 2);

    assertThat(alerts.readValuesToList()).filteredOn(alert -> alert.getId().equals(spike.getId()))
        .extracting(SpikeAlert::getWithdrawn).containsExactly(true);
    assertThat(alertStore().get(spike.getId())).isNull();
  }

  /** Series written before alerts had a store of their own carried them inline: they move. */
  @Test
  void alertsStoredInlineByAnEarlierVersionAreMovedAndStillWithdrawn() {
    SpikeAlert spike = spike();
    String key = TIJUANA + ":" + Category.MPP_RETURN;
    SpikeSeries legacy = seriesStore().get(key);
    legacy.setAlerts(Map.of(spike.getId(), spike));
    seriesStore().put(key, legacy);
    alertStore().delete(spike.getId());
    evictTijuana();

    week(FIRST_MONDAY.plusWeeks(3), 40, 1);

    assertThat(alerts.readValuesToList()).isEmpty();
    assertThat(alertStore().get(spike.getId())).isEqualTo(spike);

    week(SPIKE_WEEK.minusWeeks(1), 126, 2);

    assertThat(alerts.readValuesToList()).filteredOn(alert -> alert.getId().equals(spike.getId()))
        .extracting(SpikeAlert::getWithdrawn).containsExactly(true);
    assertThat(alertStore().get(spike.getId())).isNull();
    assertThat(seriesStore().get(key).getAlerts()).isEmpty();
  }

  /** Other cities' series push Tijuana's out of the detector's decoded ones. */
  private void evictTijuana() {
    for (int city = 1; city <= SpikeDetector.SERIES_KEPT + 1; city++) {
      CityCounts counts = CityCounts.newBuilder().setCityId(city).setCityName("Other " + city).setAdmin1Code("MX-BCN")
          .setGranularity(Granularity.WEEK).setPeriodStart(FIRST_MONDAY).setPeriodEnd(FIRST_MONDAY.plusDays(6))
          .setCounts(List.of(new CategoryCount(Category.MPP_RETURN, 5L, 1, 1, 0L, 5L)))
          .build();
      weeks.pipeInput(FIRST_MONDAY.toString(), counts, FIRST_MONDAY.atStartOfDay(ZoneOffset.UTC).toInstant());
    }
    assertThat(alerts.readValuesToList()).isEmpty();
  }

  private KeyValueStore<String, SpikeAlert> alertStore() {
    return driver.getKeyValueStore(Names.spikeAlertsStore(Granularity.WEEK));
  }

  private KeyValueStore<String, SpikeSeries> seriesStore() {
    return driver.getKeyValueStore(Names.spikeSeriesStore(Granularity.WEEK));
  }

  @Test
  void aPeriodIsReportedThroughoutItsBaselineWhenNoPeriodOfItWasZero() {
    assertThat(SpikeDetector.unreportedBefore(new double[] {3, 0, 2, 0, 0, 5}))
        .containsExactly(0, 0, 1, 1, 2, 3, 3);
  }

  @Test
  void anAlertReadBackFromItsStoreIsTheSameAsTheOneBuilt() {
    SpikeAlert built = spike();
    built.setParameters(new LinkedHashMap<>(built.getParameters()));
    Serde<SpikeAlert> avro = AvroSerde.specific(SpikeAlert.class, serde, false);
    SpikeAlert decoded = avro.deserializer().deserialize("t", avro.serializer().serialize("t", built));

    assertThat(SpikeDetector.sameFields(built, decoded)).isTrue();
    assertThat(SpikeDetector.sameFields(built, SpikeAlert.newBuilder(built).setProvisional(!built.getProvisional()).build()))
        .isFalse();
    assertThat(SpikeDetector.sameFields(built, SpikeAlert.newBuilder(built).setLastPeriod(SPIKE_WEEK.plusWeeks(1)).build()))
        .isFalse();
  }
}
