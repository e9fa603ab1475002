package org.retorno.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.retorno.streams.topology.TopologyFixture.row;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.streams.TestOutputTopic;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.retorno.avro.AlertKind;
import org.retorno.avro.Category;
import org.retorno.avro.Granularity;
import org.retorno.avro.SpikeAlert;
import org.retorno.schemas.Topics;
import org.retorno.schemas.geo.BorderCity;

/** Spike alerts from the counts: one alert per episode, NEW_LOCATION for a first activation, withdrawn by late corrections. */
class SpikeAlertsTopologyTest {
  private static final LocalDate FIRST_MONDAY = LocalDate.of(2019, 3, 4);
  private TopologyFixture topology;
  private TestOutputTopic<String, SpikeAlert> alerts;

  @BeforeEach
  void start() {
    topology = new TopologyFixture();
    alerts = topology.output(Topics.SPIKE_ALERTS, SpikeAlert.class);
  }

  @AfterEach
  void stop() {
    topology.close();
  }

  /** Daily returns of 5, 6 or 7 for the given number of weeks: a steady series. */
  private void dailyReturns(int weeks) {
    for (int day = 0; day < weeks * 7; day++) {
      String id = "d" + day;
      topology.counts.pipeInput(id, row(id, "INM", BorderCity.TIJUANA, Category.MPP_RETURN,
          5 + day % 3, FIRST_MONDAY.plusDays(day)));
    }
  }

  /** The latest version of each alert, by id. */
  private Map<String, SpikeAlert> standing(List<SpikeAlert> updates) {
    Map<String, SpikeAlert> latest = new TreeMap<>();
    updates.forEach(alert -> latest.put(alert.getId(), alert));
    return latest;
  }

  @Test
  void aSteadySeriesRaisesOnlyItsActivation() {
    dailyReturns(20);
    Map<String, SpikeAlert> latest = standing(alerts.readValuesToList());
    assertThat(latest.values()).extracting(SpikeAlert::getKind).containsOnly(AlertKind.NEW_LOCATION);
    SpikeAlert activation = latest.values().iterator().next();
    assertThat(latest).hasSize(1);
    assertThat(activation.getGranularity()).isEqualTo(Granularity.MONTH);
    assertThat(activation.getPeriodStart()).isEqualTo(LocalDate.of(2019, 3, 1));
    assertThat(activation.getCityName()).isEqualTo("Tijuana");
  }

  @Test
  void aTripledWeekIsOneAlertAndALateCorrectionWithdrawsIt() {
    dailyReturns(20);
    LocalDate spikeWeek = FIRST_MONDAY.plusWeeks(20);
    for (int day = 0; day < 7; day++) {
      topology.counts.pipeInput("spike" + day, row("spike" + day, "INM", BorderCity.TIJUANA,
          Category.MPP_RETURN, 18, spikeWeek.plusDays(day)));
    }
    Map<String, SpikeAlert> latest = standing(alerts.readValuesToList());
    List<SpikeAlert> weeklySpikes = latest.values().stream()
        .filter(alert -> alert.getKind() == AlertKind.SPIKE && alert.getGranularity() == Granularity.WEEK).toList();
    assertThat(weeklySpikes).hasSize(1);
    SpikeAlert spike = weeklySpikes.get(0);
    assertThat(spike.getPeriodStart()).isEqualTo(spikeWeek);
    assertThat(spike.getObserved()).isEqualTo(126.0);
    assertThat(spike.getMethod()).isEqualTo("cusum");
    assertThat(spike.getProvisional()).isTrue();
    assertThat(spike.getWithdrawn()).isFalse();
    // The alert names its days; the events behind them are those days' count-provenance entries.
    assertThat(spike.getLastPeriod()).isEqualTo(spikeWeek);
    assertThat(topology.provenance(BorderCity.TIJUANA, spike.getPeriodStart(),
            Periods.end(Granularity.WEEK, spike.getLastPeriod())))
        .extracting(entry -> entry.value.getId(), entry -> entry.value.getFigure())
        .containsExactlyElementsOf(spikeEvents());
    assertThat(latest.values()).filteredOn(alert -> alert.getGranularity() == Granularity.DAY)
        .extracting(SpikeAlert::getKind).containsOnly(AlertKind.SPIKE).isNotEmpty();

    // The rows were a data-entry error: their source withdraws them.
    for (int day = 0; day < 7; day++) {
      topology.counts.pipeInput("spike" + day, null);
    }
    Map<String, SpikeAlert> after = standing(alerts.readValuesToList());
    assertThat(after.get(spike.getId()).getWithdrawn()).isTrue();
    assertThat(topology.provenance(BorderCity.TIJUANA, spikeWeek, spikeWeek.plusDays(6))).isEmpty();
  }

  /** The seven spike rows' events, (id, figure), in the order of their days. */
  private static List<Tuple> spikeEvents() {
    List<Tuple> events = new ArrayList<>();
    for (int day = 0; day < 7; day++) {
      events.add(tuple(TopologyFixture.eventId("spike" + day, BorderCity.TIJUANA, Category.MPP_RETURN), 18L));
    }
    return events;
  }
}
