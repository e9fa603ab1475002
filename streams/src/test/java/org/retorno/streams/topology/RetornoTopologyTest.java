package org.retorno.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.retorno.streams.topology.TopologyFixture.key;
import static org.retorno.streams.topology.TopologyFixture.row;
import static org.retorno.streams.topology.TopologyFixture.valuesOf;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.retorno.avro.CaseCountRow;
import org.retorno.avro.Category;
import org.retorno.avro.CategoryCount;
import org.retorno.avro.CityCounts;
import org.retorno.avro.Event;
import org.retorno.avro.NewsArticle;
import org.retorno.avro.NgoReport;
import org.retorno.avro.SourceKind;
import org.retorno.schemas.Topics;
import org.retorno.schemas.geo.BorderCity;

class RetornoTopologyTest {
  private static final Instant RETRIEVED = Instant.parse("2019-09-01T00:00:00Z");

  private TopologyFixture topology;
  private TestInputTopic<String, CaseCountRow> counts;
  private TestInputTopic<String, NewsArticle> news;
  private TestInputTopic<String, NgoReport> reports;
  private TestOutputTopic<String, CityCounts> daily;
  private TestOutputTopic<String, Event> events;

  @BeforeEach
  void start() {
    topology = new TopologyFixture();
    counts = topology.counts;
    news = topology.news;
    reports = topology.reports;
    daily = topology.output(Topics.CITY_COUNTS_DAILY, CityCounts.class);
    events = topology.output(Topics.EVENTS, Event.class);
  }

  @AfterEach
  void stop() {
    topology.close();
  }

  @Test
  void tableRowsBecomeExactDailyCountsPerCity() {
    counts.pipeInput("r1", row("r1", "inm", BorderCity.TIJUANA, Category.MPP_RETURN, 45, LocalDate.of(2019, 7, 10)));
    counts.pipeInput("r2", row("r2", "inm", BorderCity.MEXICALI, Category.MPP_RETURN, 21, LocalDate.of(2019, 7, 10)));
    counts.pipeInput("r3", row("r3", "inm", BorderCity.TIJUANA, Category.MPP_RETURN, 30, LocalDate.of(2019, 7, 11)));

    Map<String, CityCounts> table = daily.readKeyValuesToMap();
    assertThat(table).containsOnlyKeys(key(BorderCity.TIJUANA, "2019-07-10"),
        key(BorderCity.MEXICALI, "2019-07-10"), key(BorderCity.TIJUANA, "2019-07-11"));
    CityCounts tijuana = table.get(key(BorderCity.TIJUANA, "2019-07-10"));
    assertThat(tijuana.getCityName()).isEqualTo("Tijuana");
    assertThat(tijuana.getAdmin1Code()).isEqualTo("MX-BCN");
    assertThat(tijuana.getPeriodStart()).isEqualTo(LocalDate.of(2019, 7, 10));
    assertThat(valuesOf(tijuana)).containsExactly(Map.entry(Category.MPP_RETURN, 45L));
    assertThat(valuesOf(table.get(key(BorderCity.MEXICALI, "2019-07-10"))))
        .containsExactly(Map.entry(Category.MPP_RETURN, 21L));
    assertThat(valuesOf(table.get(key(BorderCity.TIJUANA, "2019-07-11"))))
        .containsExactly(Map.entry(Category.MPP_RETURN, 30L));
  }

  @Test
  void aRowSentTwiceIsCountedOnce() {
    CaseCountRow row = row("r1", "inm", BorderCity.TIJUANA, Category.MPP_RETURN, 45, LocalDate.of(2019, 7, 10));
    counts.pipeInput("r1", row);
    counts.pipeInput("r1", row);
    Map<String, CityCounts> table = daily.readKeyValuesToMap();
    assertThat(valuesOf(table.get(key(BorderCity.TIJUANA, "2019-07-10"))))
        .containsExactly(Map.entry(Category.MPP_RETURN, 45L));
    assertThat(events.readKeyValuesToList()).hasSize(1);
  }

  @Test
  void twoSourcesReportingOneEventAreOneEventWithTwoSources() {
    LocalDate day = LocalDate.of(2019, 7, 9);
    counts.pipeInput("r1", row("r1", "inm", BorderCity.NUEVO_LAREDO, Category.MPP_RETURN, 130, day));
    counts.pipeInput("r2", row("r2", "court", BorderCity.NUEVO_LAREDO, Category.MPP_RETURN, 130, day));

    Map<String, Event> byId = events.readKeyValuesToMap();
    assertThat(byId).hasSize(1);
    Event event = byId.values().iterator().next();
    assertThat(event.getFigure()).isEqualTo(130);
    assertThat(event.getCorroboration()).isEqualTo(2);
    assertThat(event.getSourceIds()).containsExactly("r1", "r2");
    assertThat(valuesOf(daily.readKeyValuesToMap().get(key(BorderCity.NUEVO_LAREDO, "2019-07-09"))))
        .containsExactly(Map.entry(Category.MPP_RETURN, 130L));
  }

  @Test
  void aLateClaimLandsInItsOwnDayEvenAfterStreamTimeMovedOn() {
    counts.pipeInput("r1", row("r1", "inm", BorderCity.MATAMOROS, Category.MPP_RETURN, 80, LocalDate.of(2019, 12, 1)));
    counts.pipeInput("r2", row("r2", "inm", BorderCity.MATAMOROS, Category.MPP_RETURN, 64, LocalDate.of(2019, 7, 11)));
    Map<String, CityCounts> table = daily.readKeyValuesToMap();
    assertThat(valuesOf(table.get(key(BorderCity.MATAMOROS, "2019-07-11"))))
        .containsExactly(Map.entry(Category.MPP_RETURN, 64L));
    assertThat(valuesOf(table.get(key(BorderCity.MATAMOROS, "2019-12-01"))))
        .containsExactly(Map.entry(Category.MPP_RETURN, 80L));
  }

  @Test
  void aLaterExactReportRevisesTheLettersApproximateFigure() throws Exception {
    Path samples = Path.of("..", "samples").toAbsolutePath().normalize();
    String letter = Files.readString(samples.resolve("reports/ngo-letter-iom-avr-2019-07-30.txt"));
    reports.pipeInput("letter", NgoReport.newBuilder()
        .setId("letter")
        .setSourceUri("ngo-letter-iom-avr-2019-07-30.txt")
        .setTitle(null)
        .setOrganisation("Joint NGO letter")
        .setSourceKind(SourceKind.NGO)
        .setMediaType("text/plain")
        .setLanguage("en")
        .setPublishedDate(LocalDate.of(2019, 7, 30))
        .setRetrievedAt(RETRIEVED)
        .setText(letter)
        .build());
    Map<String, Long> afterLetter = departures(daily.readKeyValuesToList());
    assertThat(afterLetter.values()).containsExactly(70L);

    news.pipeInput("ap", NewsArticle.newBuilder()
        .setId("ap")
        .setUrl("https://example.org/ap")
        .setTitle("Mexico buses home asylum seekers returned by U.S.")
        .setOutlet("Border Wire")
        .setSourceKind(SourceKind.NEWS)
        .setLanguage("en")
        .setPublishedAt(Instant.parse("2019-07-02T18:40:00Z"))
        .setRetrievedAt(RETRIEVED)
        .setText("CIUDAD JUÁREZ, Mexico — Mexico's government on Monday bused 69 migrants who had been "
            + "returned to Ciudad Juárez under the U.S. \"Remain in Mexico\" program back to their home "
            + "countries, with the help of the International Organization for Migration.")
        .build());
    Map<String, CityCounts> table = daily.readKeyValuesToMap();
    long total = table.values().stream().flatMap(day -> day.getCounts().stream())
        .filter(count -> count.getCategory() == Category.AVR_DEPARTURE)
        .mapToLong(CategoryCount::getValue).sum();
    assertThat(total).isEqualTo(69L);
    assertThat(valuesOf(table.get(key(BorderCity.CIUDAD_JUAREZ, "2019-07-01"))))
        .containsEntry(Category.AVR_DEPARTURE, 69L);
  }

  private static Map<String, Long> departures(List<KeyValue<String, CityCounts>> updates) {
    Map<String, Long> latest = new java.util.TreeMap<>();
    for (KeyValue<String, CityCounts> update : updates) {
      update.value.getCounts().stream()
          .filter(count -> count.getCategory() == Category.AVR_DEPARTURE)
          .forEach(count -> latest.put(update.key, count.getValue()));
    }
    return latest;
  }
}
