package org.retorno.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.streams.TestOutputTopic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.retorno.avro.CaseCountRow;
import org.retorno.avro.Category;
import org.retorno.avro.SourceKind;
import org.retorno.avro.SpikeAlert;
import org.retorno.avro.TimePrecision;
import org.retorno.schemas.Topics;
import org.retorno.schemas.geo.BorderCity;

/**
 * The sample monthly MPP table ({@code samples/counts/mpp-enrollments-2019.csv}, its hearing
 * locations mapped to Mexican cities) through the whole topology, with every alert it must raise
 * worked out by hand under the shipped defaults. Monthly volume series are judged by the weekly
 * volume CUSUM (ratio 2, dispersion 0.05, h 3.5) with a baseline of the 3 months before the
 * judged one, none of them a city's first, partial month ({@code SpikeDetector}).
 *
 * <pre>
 * city (hearing location)   first month  judged months  result
 * Tijuana (San Diego)       2019-01      May-Dec (8)    NEW_LOCATION 2019-01; no alarm: 1250 against 1240, then falling
 * Mexicali (Calexico)       2019-03      Jul-Dec (6)    NEW_LOCATION 2019-03; no alarm: 420 against 453, then falling
 * Ciudad Juarez (El Paso)   2019-03      Jul-Dec (6)    NEW_LOCATION 2019-03; no alarm: 3150 against 3603, then falling
 * Nuevo Laredo (Laredo)     2019-07      Nov-Dec (2)    NEW_LOCATION 2019-07; no alarm: 1150 against 2213, 1020 against 1580
 * Matamoros (Brownsville)   2019-07      Nov-Dec (2)    NEW_LOCATION 2019-07; no alarm: 2050 against 3020, 1890 against 2563
 * </pre>
 *
 * The July 2019 jump in the table's total (3,060 in June to 8,470) is two new locations, not a
 * spike: every city that had a history fell in July (Tijuana 1130 to 980, Mexicali 510 to 420,
 * Juarez 4210 to 3150), and a drop is never a spike. The rises in a city's second month (Tijuana
 * 105 to 1120, Mexicali 95 to 390, Juarez 1530 to 2980, Matamoros 1290 to 3420) are against a
 * first month in which the program ran only part of the month; it is left out of every baseline,
 * so they are ramp-up, never alarms. Expected: five NEW_LOCATION events and nothing else.
 */
class MonthlySampleAlertsTest {
  /** The sample table, one row per month: San Diego, Calexico, El Paso, Laredo, Brownsville (0: blank). */
  static final long[][] TABLE = {
      {105, 0, 0, 0, 0},
      {1120, 0, 0, 0, 0},
      {1290, 95, 1530, 0, 0},
      {1310, 390, 2980, 0, 0},
      {1250, 460, 3620, 0, 0},
      {1130, 510, 4210, 0, 0},
      {980, 420, 3150, 2630, 1290},
      {720, 310, 2010, 3050, 3420},
      {530, 240, 1320, 2210, 3310},
      {410, 170, 990, 1380, 2330},
      {380, 150, 830, 1150, 2050},
      {350, 140, 770, 1020, 1890},
  };
  static final List<BorderCity> CITIES = List.of(BorderCity.TIJUANA, BorderCity.MEXICALI,
      BorderCity.CIUDAD_JUAREZ, BorderCity.NUEVO_LAREDO, BorderCity.MATAMOROS);

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

  private void pipeTable(long[][] table) {
    for (int month = 0; month < table.length; month++) {
      for (int column = 0; column < CITIES.size(); column++) {
        if (table[month][column] > 0) {
          String id = "mpp-2019:" + (month + 3) + ":" + column;
          topology.counts.pipeInput(id, monthRow(id, CITIES.get(column), YearMonth.of(2019, month + 1),
              table[month][column], month + 9));
        }
      }
    }
  }

  /** A row as the ingest makes it from a wide monthly table: the whole month, an increment. */
  private static CaseCountRow monthRow(String id, BorderCity city, YearMonth month, long value, int line) {
    return CaseCountRow.newBuilder(TopologyFixture.row(id, "MPP court data by hearing location (sample)", city,
            Category.MPP_RETURN, value, month.atDay(1)))
        .setPeriodEnd(month.atEndOfMonth())
        .setSourceKind(SourceKind.COURT_DATA)
        .setLineNumber(line)
        .build();
  }

  /** Every alert standing now, by id, as "kind category granularity period method provisional withdrawn". */
  private Map<String, String> standing() {
    Map<String, String> latest = new TreeMap<>();
    for (SpikeAlert alert : alerts.readValuesToList()) {
      latest.put(alert.getId(), alert.getCityName() + " " + alert.getKind() + " " + alert.getCategory() + " "
          + alert.getGranularity() + " " + alert.getPeriodStart() + " " + alert.getMethod()
          + (alert.getProvisional() ? " provisional" : "") + (alert.getWithdrawn() ? " withdrawn" : ""));
    }
    return latest;
  }

  @Test
  void theSampleTableRaisesFiveNewLocationsAndNoSpike() {
    pipeTable(TABLE);
    assertThat(new TreeSet<>(standing().values())).containsExactly(
        "Ciudad Juárez NEW_LOCATION MPP_RETURN MONTH 2019-03-01 new-location",
        "Matamoros NEW_LOCATION MPP_RETURN MONTH 2019-07-01 new-location",
        "Mexicali NEW_LOCATION MPP_RETURN MONTH 2019-03-01 new-location",
        "Nuevo Laredo NEW_LOCATION MPP_RETURN MONTH 2019-07-01 new-location",
        "Tijuana NEW_LOCATION MPP_RETURN MONTH 2019-01-01 new-location");
  }

  private static long[][] withCell(int month, int column, long value) {
    long[][] table = new long[TABLE.length][];
    for (int i = 0; i < TABLE.length; i++) {
      table[i] = TABLE[i].clone();
    }
    table[month][column] = value;
    return table;
  }

  /**
   * The monthly series are watched, not only quiet: Juarez's October planted at 4400, about twice
   * its July-September mean of 2160, takes the CUSUM from 0 to 6.46 > 3.5. One alert, settled
   * (the series runs on to December, more than 30 days past October), and no echo in November,
   * whose baseline holds the planted month (the chart restarts after an alarm).
   */
  @Test
  void aPlantedDoublingOfAnEstablishedCityIsOneAlertAndItsCorrectionWithdrawsIt() {
    pipeTable(withCell(9, 2, 4400));
    Map<String, SpikeAlert> all = new TreeMap<>();
    alerts.readValuesToList().forEach(alert -> all.put(alert.getId(), alert));
    List<SpikeAlert> spikes = all.values().stream().filter(alert -> alert.getKind().name().equals("SPIKE")).toList();
    assertThat(spikes).hasSize(1);
    SpikeAlert spike = spikes.get(0);
    assertThat(spike.getCityName()).isEqualTo("Ciudad Juárez");
    assertThat(spike.getPeriodStart()).isEqualTo(LocalDate.of(2019, 10, 1));
    assertThat(spike.getLastPeriod()).isEqualTo(LocalDate.of(2019, 10, 1));
    assertThat(spike.getObserved()).isEqualTo(4400.0);
    assertThat(spike.getExpected()).isEqualTo(2160.0);
    assertThat(spike.getScore()).isCloseTo(6.46, org.assertj.core.data.Offset.offset(0.005));
    assertThat(spike.getMethod()).isEqualTo("cusum");
    assertThat(spike.getParameters()).containsEntry("baseline", "3").containsEntry("guard", "0");
    assertThat(spike.getProvisional()).isFalse();
    // The alert names its month; the event behind it is the month's count-provenance entry.
    assertThat(topology.provenance(BorderCity.CIUDAD_JUAREZ, spike.getPeriodStart(), LocalDate.of(2019, 10, 31)))
        .extracting(entry -> entry.key, entry -> entry.value.getFigure(), entry -> entry.value.getEventDatePrecision())
        .containsExactly(tuple(BorderCity.CIUDAD_JUAREZ.geonamesId() + ":2019-10-01:MPP_RETURN:"
            + TopologyFixture.eventId("mpp-2019:12:2", BorderCity.CIUDAD_JUAREZ, Category.MPP_RETURN), 4400L, TimePrecision.MONTH));

    // The court data is corrected: October was 990 after all.
    String id = "mpp-2019:12:2";
    topology.counts.pipeInput(id, monthRow(id, BorderCity.CIUDAD_JUAREZ, YearMonth.of(2019, 10), 990, 18));
    SpikeAlert withdrawn = alerts.readValuesToList().stream().filter(alert -> alert.getId().equals(spike.getId()))
        .reduce((first, second) -> second).orElseThrow();
    assertThat(withdrawn.getWithdrawn()).isTrue();
    assertThat(topology.provenance(BorderCity.CIUDAD_JUAREZ, spike.getPeriodStart(), LocalDate.of(2019, 10, 31)))
        .extracting(entry -> entry.value.getFigure()).containsExactly(990L);
  }

  /**
   * A city that joined in July is watched from November: Matamoros's December planted at 5200,
   * twice its September-November mean of 2563, alarms (CUSUM 6.38); the alert is provisional,
   * since December has not settled. The 6-month baseline shipped before would not judge it at all.
   */
  @Test
  void aCityThatJoinedInJulyIsWatchedFromNovember() {
    pipeTable(withCell(11, 4, 5200));
    assertThat(new TreeSet<>(standing().values())).containsExactly(
        "Ciudad Juárez NEW_LOCATION MPP_RETURN MONTH 2019-03-01 new-location",
        "Matamoros NEW_LOCATION MPP_RETURN MONTH 2019-07-01 new-location",
        "Matamoros SPIKE MPP_RETURN MONTH 2019-12-01 cusum provisional",
        "Mexicali NEW_LOCATION MPP_RETURN MONTH 2019-03-01 new-location",
        "Nuevo Laredo NEW_LOCATION MPP_RETURN MONTH 2019-07-01 new-location",
        "Tijuana NEW_LOCATION MPP_RETURN MONTH 2019-01-01 new-location");
  }
}
