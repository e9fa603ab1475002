package org.retorno.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.retorno.streams.topology.TopologyFixture.article;
import static org.retorno.streams.topology.TopologyFixture.row;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.retorno.avro.CaseCountRow;
import org.retorno.avro.Category;
import org.retorno.avro.Claim;
import org.retorno.avro.NewsArticle;
import org.retorno.schemas.Topics;
import org.retorno.schemas.geo.BorderCity;
import org.retorno.schemas.serde.AvroSerde;

/** A raw record without a key reaches the dead-letter topic with its reason, and is counted; none is dropped. */
class NullKeyedRawRecordsTest {
  private final List<String> deadLetterReasons = new ArrayList<>();
  private TopologyFixture topology;

  @BeforeEach
  void start() {
    PipelineListener listener = new PipelineListener() {
      @Override
      public void deadLetter(String reason) {
        deadLetterReasons.add(reason);
      }
    };
    topology = new TopologyFixture(TopologyConfig.withDefaults(Map.of()).withListener(listener));
  }

  @AfterEach
  void stop() {
    topology.close();
  }

  @Test
  void unkeyedRowsArticlesAndTombstonesGoToTheDeadLetterTopicWithTheirReasonAndSourcePosition() {
    CaseCountRow unkeyedRow = row("r1", "inm", BorderCity.TIJUANA, Category.MPP_RETURN, 45, LocalDate.of(2019, 7, 10));
    NewsArticle unkeyedArticle = article("n1", "Border Wire", "2019-07-15", "Returns",
        "45 migrants were returned to Tijuana on July 10, 2019.");
    topology.counts.pipeInput((String) null, unkeyedRow);
    topology.counts.pipeInput("r2", row("r2", "inm", BorderCity.MEXICALI, Category.MPP_RETURN, 21,
        LocalDate.of(2019, 7, 10)));
    topology.news.pipeInput((String) null, unkeyedArticle);
    topology.reports.pipeInput((String) null, null);

    List<TestRecord<String, byte[]>> deadLetters = topology.driver
        .createOutputTopic(Topics.STREAMS_DLQ, new StringDeserializer(), new ByteArrayDeserializer())
        .readRecordsToList();
    assertThat(deadLetters).extracting(TestRecord::key,
        letter -> header(letter.headers(), DeadLetters.REASON_HEADER),
        letter -> header(letter.headers(), "__streams.errors.exception"),
        letter -> header(letter.headers(), "__streams.errors.message"),
        letter -> header(letter.headers(), "__streams.errors.topic"),
        letter -> header(letter.headers(), "__streams.errors.partition"),
        letter -> header(letter.headers(), "__streams.errors.offset")).containsExactly(
        tuple(null, "null-key", "null-key", "a raw record needs its source id as key", Topics.RAW_CASE_COUNTS, "0", "0"),
        tuple(null, "null-key", "null-key", "a raw record needs its source id as key", Topics.RAW_NEWS, "0", "0"),
        tuple(null, "null-key", "null-key", "a raw record needs its source id as key", Topics.RAW_REPORTS, "0", "0"));
    // The entry holds the record as it was read, in the wire format of its topic.
    assertThat(AvroSerde.specific(CaseCountRow.class, topology.serde, false).deserializer()
        .deserialize(Topics.RAW_CASE_COUNTS, deadLetters.get(0).value())).isEqualTo(unkeyedRow);
    assertThat(AvroSerde.specific(NewsArticle.class, topology.serde, false).deserializer()
        .deserialize(Topics.RAW_NEWS, deadLetters.get(1).value())).isEqualTo(unkeyedArticle);
    assertThat(deadLetters.get(2).value()).isNull();
    assertThat(deadLetterReasons).containsExactly("null-key", "null-key", "null-key");

    // The keyed row is processed as usual and is the only claim.
    assertThat(topology.output(Topics.CLAIMS, Claim.class).readKeyValuesToList())
        .extracting(claim -> claim.value.getSourceId(), claim -> claim.value.getCategory())
        .containsExactly(tuple("r2", Category.MPP_RETURN));
  }

  @Test
  void keyedRecordsNeverReachTheDeadLetterTopic() {
    topology.counts.pipeInput("r1", row("r1", "inm", BorderCity.TIJUANA, Category.MPP_RETURN, 45,
        LocalDate.of(2019, 7, 10)));
    topology.counts.pipeInput("r1", null);

    assertThat(topology.driver.createOutputTopic(Topics.STREAMS_DLQ, new StringDeserializer(),
        new ByteArrayDeserializer()).isEmpty()).isTrue();
    assertThat(deadLetterReasons).isEmpty();
    assertThat(topology.output(Topics.CLAIMS, Claim.class).readValuesToList())
        .extracting(Claim::getRetracted).containsExactly(false, true);
  }

  private static String header(Headers headers, String name) {
    Header header = headers.lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
