package org.retorno.faults.poison;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.retorno.avro.NewsArticle;
import org.retorno.avro.Rejection;
import org.retorno.avro.SourceKind;
import org.retorno.schemas.Topics;
import org.retorno.schemas.geo.BorderCity;
import org.retorno.schemas.serde.AvroSerde;
import org.retorno.streams.app.StreamsSettings;
import org.retorno.streams.topology.RetornoTopology;
import org.retorno.streams.topology.TopologyConfig;

/**
 * Unreadable records mixed into a raw topic at 1% and 10%, with the production settings of the
 * streams app (its dead-letter handler): processing goes on, and the claims from the readable
 * records are exactly those of a run without poison, so nothing readable is lost or changed. (The
 * test driver does not capture dead-letter records; {@link PoisonRecordsIT} counts them on a real
 * broker.)
 */
class PoisonRecordsTest {
  private static final int RECORDS = 100;
  private static final Instant TODAY = Instant.parse("2020-06-01T00:00:00Z");
  private static final List<String> CATEGORY_PHRASES = List.of("migrants were returned to",
      "people enrolled in IOM's assisted voluntary return program in", "migrants were kidnapped in");

  private record Run(List<TestRecord<String, byte[]>> claims) {}

  @ParameterizedTest(name = "{0}% poison, seed {1}")
  @CsvSource({"1, 11", "10, 21"})
  void nothingReadableIsLostOrChangedByPoisonAround(int percent, long seed) throws IOException {
    Random random = new Random(seed);
    String registry = "mock://poison-" + UUID.randomUUID();
    List<byte[]> valid = new ArrayList<>();
    var serializer = AvroSerde.specific(NewsArticle.class, Map.of("schema.registry.url", registry), false)
        .serializer();
    int poisonCount = RECORDS * percent / 100;
    for (int i = 0; i < RECORDS - poisonCount; i++) {
      valid.add(serializer.serialize(Topics.RAW_NEWS, article(i, random)));
    }
    // A record of another contract, sent to the wrong topic (the registry refuses it under raw-news-value).
    byte[] otherSchema = AvroSerde.specific(Rejection.class, Map.of("schema.registry.url", registry), false)
        .serializer().serialize(Topics.INGEST_REJECTIONS, Rejection.newBuilder().setSource("x").setStage("y")
            .setReason("z").setRejectedAt(TODAY).build());
    List<byte[]> poison = new ArrayList<>();
    for (int i = 0; i < poisonCount; i++) {
      poison.add(poison(i, random, valid.get(random.nextInt(valid.size())), otherSchema));
    }
    List<byte[]> mixed = new ArrayList<>(valid);
    for (byte[] bad : poison) {
      mixed.add(random.nextInt(mixed.size() + 1), bad);
    }

    Run clean = run(registry, valid);
    Run poisoned = run(registry, mixed);

    // Most generated sentences are claims; the comparison below is then over many records.
    assertThat(clean.claims()).hasSizeGreaterThan(valid.size() / 2);
    assertThat(poisoned.claims()).extracting(TestRecord::key)
        .containsExactlyElementsOf(clean.claims().stream().map(TestRecord::key).toList());
    assertThat(poisoned.claims()).extracting(r -> ByteBuffer.wrap(r.value()))
        .containsExactlyElementsOf(clean.claims().stream().map(r -> ByteBuffer.wrap(r.value())).toList());
  }

  static NewsArticle article(int i, Random random) {
    BorderCity city = BorderCity.values()[random.nextInt(BorderCity.values().length)];
    int day = 1 + random.nextInt(28);
    String text = "About " + (5 + random.nextInt(90)) + " " + CATEGORY_PHRASES.get(random.nextInt(3)) + " "
        + city.displayName() + " on July " + day + ", 2019, officials said.";
    return NewsArticle.newBuilder().setId("article-" + i).setUrl("https://example.org/a/" + i)
        .setTitle("Report " + i).setOutlet("Outlet " + (i % 7)).setSourceKind(SourceKind.NEWS).setLanguage("en")
        .setPublishedAt(Instant.parse("2019-07-30T12:00:00Z")).setRetrievedAt(Instant.parse("2019-12-31T00:00:00Z"))
        .setText(text).build();
  }

  /** Four kinds of unreadable value: noise, an unknown schema id, a cut payload, another contract. */
  static byte[] poison(int i, Random random, byte[] someValid, byte[] otherSchema) {
    return switch (i % 4) {
      case 0 -> {
        byte[] noise = new byte[1 + random.nextInt(64)];
        random.nextBytes(noise);
        noise[0] = (byte) (1 + random.nextInt(200));
        yield noise;
      }
      case 1 -> ByteBuffer.allocate(9).put((byte) 0).putInt(900_000 + i).putInt(random.nextInt()).array();
      case 2 -> java.util.Arrays.copyOf(someValid, 5 + random.nextInt(Math.max(1, someValid.length / 2 - 5)));
      default -> otherSchema.clone();
    };
  }

  private static Run run(String registry, List<byte[]> values) throws IOException {
    Properties settings = new Properties();
    settings.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    settings.put(StreamsSettings.REGISTRY_URL, registry);
    Properties props = new StreamsSettings(settings, Map.of()).streamsProperties();
    props.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("poison").toString());
    props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, "0");
    Map<String, Object> serde = Map.of("schema.registry.url", registry, "specific.avro.reader", "true");
    TopologyConfig config = TopologyConfig.withDefaults(serde).withClock(Clock.fixed(TODAY, ZoneOffset.UTC));
    try (TopologyTestDriver driver = new TopologyTestDriver(RetornoTopology.build(config), props)) {
      TestInputTopic<byte[], byte[]> raw = driver.createInputTopic(Topics.RAW_NEWS, new ByteArraySerializer(),
          new ByteArraySerializer());
      for (int i = 0; i < values.size(); i++) {
        raw.pipeInput(("k" + i).getBytes(), values.get(i));
      }
      TestOutputTopic<String, byte[]> claims = driver.createOutputTopic(Topics.CLAIMS, new StringDeserializer(),
          new ByteArrayDeserializer());
      return new Run(claims.readRecordsToList());
    }
  }
}
