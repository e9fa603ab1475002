package org.retorno.streams.topology;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.retorno.avro.CaseCountRow;
import org.retorno.avro.Category;
import org.retorno.avro.CategoryCount;
import org.retorno.avro.CityCounts;
import org.retorno.avro.CountSemantics;
import org.retorno.avro.NewsArticle;
import org.retorno.avro.NgoReport;
import org.retorno.avro.PeriodEvent;
import org.retorno.avro.SourceKind;
import org.retorno.schemas.Topics;
import org.retorno.schemas.geo.BorderCity;
import org.retorno.schemas.serde.AvroSerde;

/** The whole topology in a TopologyTestDriver, with typed input and output topics. */
final class TopologyFixture implements AutoCloseable {
  static final Instant RETRIEVED = Instant.parse("2019-12-31T00:00:00Z");
  /** "Today" for the topology: claims after this are in the future. */
  static final Clock TODAY = Clock.fixed(Instant.parse("2020-06-01T00:00:00Z"), ZoneOffset.UTC);

  final TopologyTestDriver driver;
  final Map<String, Object> serde;
  final TestInputTopic<String, CaseCountRow> counts;
  final TestInputTopic<String, NewsArticle> news;
  final TestInputTopic<String, NgoReport> reports;

  TopologyFixture() {
    this(TopologyConfig.withDefaults(Map.of()));
  }

  TopologyFixture(TopologyConfig base) {
    serde = Map.of("schema.registry.url", "mock://topology-" + UUID.randomUUID(), "specific.avro.reader", "true");
    TopologyConfig config = new TopologyConfig(serde, base.sameDayWindowDays(), base.coarseWindowDays(),
        base.settleDays(), base.seriesStart(), TODAY, base.detection(), base.listener());
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "topology-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, "true");
    props.put(StreamsConfig.DEFAULT_TIMESTAMP_EXTRACTOR_CLASS_CONFIG, EventTimeExtractor.class.getName());
    props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, "0");
    // Each driver its own state: test runs side by side must not share RocksDB directories.
    props.put(StreamsConfig.STATE_DIR_CONFIG, TopologyFixture.freshStateDir());
    driver = new TopologyTestDriver(RetornoTopology.build(config), props);
    counts = input(Topics.RAW_CASE_COUNTS, CaseCountRow.class);
    news = input(Topics.RAW_NEWS, NewsArticle.class);
    reports = input(Topics.RAW_REPORTS, NgoReport.class);
  }

  static String freshStateDir() {
    try {
      return java.nio.file.Files.createTempDirectory("retorno-topology-test").toString();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  <T extends SpecificRecord> TestInputTopic<String, T> input(String topic, Class<T> type) {
    return driver.createInputTopic(topic, Serdes.String().serializer(),
        AvroSerde.specific(type, serde, false).serializer());
  }

  <T extends SpecificRecord> TestOutputTopic<String, T> output(String topic, Class<T> type) {
    return driver.createOutputTopic(topic, Serdes.String().deserializer(),
        AvroSerde.specific(type, serde, false).deserializer());
  }

  static CaseCountRow row(String id, String source, BorderCity city, Category category, long value,
      LocalDate day) {
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

  static NewsArticle article(String id, String outlet, String published, String title, String text) {
    return NewsArticle.newBuilder()
        .setId(id)
        .setUrl("https://example.org/" + id)
        .setTitle(title)
        .setOutlet(outlet)
        .setSourceKind(SourceKind.NEWS)
        .setLanguage(null)
        .setPublishedAt(Instant.parse(published + "T12:00:00Z"))
        .setRetrievedAt(RETRIEVED)
        .setText(text)
        .build();
  }

  static String key(BorderCity city, String day) {
    return city.geonamesId() + ":" + day;
  }

  static Map<Category, Long> valuesOf(CityCounts counts) {
    Map<Category, Long> values = new TreeMap<>();
    for (CategoryCount count : counts.getCounts()) {
      values.put(count.getCategory(), count.getValue());
    }
    return values;
  }

  /** The latest counts per key, of the updates read so far. */
  static Map<String, CityCounts> latest(List<KeyValue<String, CityCounts>> updates) {
    Map<String, CityCounts> latest = new TreeMap<>();
    updates.forEach(update -> latest.put(update.key, update.value));
    return latest;
  }

  /** The count-provenance store's entries of a city dated in [from, to], in key order. */
  List<KeyValue<String, PeriodEvent>> provenance(BorderCity city, LocalDate from, LocalDate to) {
    KeyValueStore<String, PeriodEvent> store = driver.getKeyValueStore(Names.PROVENANCE_STORE);
    List<KeyValue<String, PeriodEvent>> entries = new ArrayList<>();
    try (KeyValueIterator<String, PeriodEvent> range = store.range(
        CountProvenance.lowerBound(city.geonamesId(), from), CountProvenance.upperBound(city.geonamesId(), to))) {
      range.forEachRemaining(entries::add);
    }
    return entries;
  }

  /** The claim id a case-count row becomes, and the id of the event it founds. */
  static String claimId(String rowId) {
    return CaseCountClaims.sha256Hex("table:" + rowId);
  }

  static String eventId(String rowId, BorderCity city, Category category) {
    return EventResolver.eventIdFor(city.geonamesId() + ":" + category, claimId(rowId));
  }

  @Override
  public void close() {
    driver.close();
  }
}
