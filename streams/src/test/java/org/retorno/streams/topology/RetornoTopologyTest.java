package org.retorno.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.retorno.avro.CaseCountRow;
import org.retorno.avro.Category;
import org.retorno.avro.CategoryCount;
import org.retorno.avro.CityCounts;
import org.retorno.avro.CountSemantics;
import org.retorno.avro.Event;
import org.retorno.avro.NewsArticle;
import org.retorno.avro.NgoReport;
import org.retorno.avro.SourceKind;
import org.retorno.schemas.Topics;
import org.retorno.schemas.geo.BorderCity;
import org.retorno.schemas.serde.AvroSerde;

class RetornoTopologyTest {
  private static final Instant RETRIEVED = Instant.parse("2019-09-01T00:00:00Z");

  private TopologyTestDriver driver;
  private TestInputTopic<String, CaseCountRow> counts;
  private TestInputTopic<String, NewsArticle> news;
  private TestInputTopic<String, NgoReport> reports;
  private TestOutputTopic<String, CityCounts> daily;
  private TestOutputTopic<String, Event> events;

  @BeforeEach
  void start() {
    Map<String, Object> serde = Map.of("schema.registry.url", "mock://topology-" + UUID.randomUUID(),
        "specific.avro.reader", "true");
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "topology-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, "true");
    props.put(StreamsConfig.DEFAULT_TIMESTAMP_EXTRACTOR_CLASS_CONFIG, EventTimeExtractor.class.getName());
    props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, "0");
    // Each driver its own state: test runs side by side must not share RocksDB directories.
    props.put(StreamsConfig.STATE_DIR_CONFIG, TopologyFixture.freshStateDir());
    driver = new TopologyTestDriver(RetornoTopology.build(TopologyConfig.withDefaults(serde)), props);
    counts = driver.createInputTopic(Topics.RAW_CASE_COUNTS, Serdes.String().serializer(),
        AvroSerde.specific(CaseCountRow.class, serde, false).serializer());
    news = driver.createInputTopic(Topics.RAW_NEWS, Serdes.String().serializer(),
        AvroSerde.specific(NewsArticle.class, serde, false).serializer());
    reports = driver.createInputTopic(Topics.RAW_REPORTS, Serdes.String().serializer(),
        AvroSerde.specific(NgoReport.class, serde, false).serializer());
    daily = driver.createOutputTopic(Topics.CITY_COUNTS_DAILY, Serdes.String().deserializer(),
        AvroSerde.specific(CityCounts.class, serde, false).deserializer());
    events = driver.createOutputTopic(Topics.EVENTS, Serdes.String().deserializer(),
        AvroSerde.specific(Event.class, serde, false).deserializer());
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  private static CaseCountRow row(String id, String source, BorderCity city, Category category,
      long value, LocalDate day) {
    return CaseCountRow.newBuilder()
        .setId(id)
        .setPeriodStart(day)
        .setPeriodEnd(day)
        .setPlaceName(city.displayName())
        .setPlace(city.toPlace())
        .setCategory(category)
        .setValue(value)
        .setSemantics(CountSemantics.INCREMENT)
        .setSourceName(source)
        .setSourceUrl(null)
        .setSourceKind(SourceKind.GOVERNMENT)
        .setSourceFile(source + ".csv")
        .setLineNumber(2)
        .setRetrievedAt(RETRIEVED)
        .build();
  }

  private static String key(BorderCity city, String day) {
    return city.geonamesId() + ":" + day;
  }

  private static Map<Category, Long> valuesOf(CityCounts counts) {
    Map<Category, Long> values = new java.util.TreeMap<>();
    for (CategoryCount count : counts.getCounts()) {
      values.put(count.getCategory(), count.getValue());
    }
    return values;
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
