package org.retorno.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.retorno.avro.CaseCountRow;
import org.retorno.avro.NewsArticle;
import org.retorno.avro.NgoReport;
import org.retorno.avro.Rejection;
import org.retorno.schemas.Topics;
import org.retorno.schemas.serde.AvroDeserializer;
import org.retorno.schemas.serde.AvroSerializer;

class IngestorTest {
  private static final String REYNOSA = "Forty people were returned to Reynosa on Monday, officials said.";

  @TempDir
  Path dir;

  private String registry;
  private AvroSerializer<SpecificRecord> serializer;
  private MockProducer<String, SpecificRecord> producer;
  private Ingestor ingestor;

  @BeforeEach
  void setUp() {
    registry = "mock://ingest-" + UUID.randomUUID();
    serializer = new AvroSerializer<>();
    serializer.configure(Map.of("schema.registry.url", registry), false);
    // Serialising on send checks every record against its Avro contract, as a real producer would.
    producer = new MockProducer<>(true, null, new StringSerializer(), serializer);
    ingestor = new Ingestor(producer, producer, TestFiles.CLOCK);
  }

  @AfterEach
  void tearDown() {
    ingestor.close();
  }

  private List<ProducerRecord<String, SpecificRecord>> sentTo(String topic) {
    return producer.history().stream().filter(record -> record.topic().equals(topic)).toList();
  }

  @Test
  void sampleFeedGoesToRawNewsKeyedByArticleId() {
    IngestAccount account = ingestor.ingest(SourceType.NEWS, List.of(TestFiles.samples("news/border-news-2019-07.rss.xml")), IngestOptions.defaults());

    assertThat(account.summary()).isEqualTo("read 5, produced 5, duplicates 0, rejected 0");
    List<ProducerRecord<String, SpecificRecord>> sent = producer.history();
    assertThat(sent).hasSize(5).allSatisfy(record -> {
      assertThat(record.topic()).isEqualTo(Topics.RAW_NEWS);
      assertThat(record.key()).isEqualTo(((NewsArticle) record.value()).getId());
    });
    assertThat(sent).extracting(record -> ((NewsArticle) record.value()).getOutlet())
        .containsExactly("Border Wire", "Frontera Hoy", "Valley Courier", "Pacific Ledger", "Border Wire");
  }

  @Test
  void producedValuesReadBackFromTheWireFormat() {
    ingestor.ingest(SourceType.NEWS, List.of(TestFiles.samples("news/border-news-2019-07.rss.xml")), IngestOptions.defaults());
    NewsArticle sent = (NewsArticle) producer.history().get(0).value();

    try (AvroDeserializer<Object> deserializer = new AvroDeserializer<>()) {
      deserializer.configure(Map.of("schema.registry.url", registry, "specific.avro.reader", true), false);
      byte[] wire = serializer.serialize(Topics.RAW_NEWS, sent);
      assertThat(wire[0]).isZero();
      assertThat(deserializer.deserialize(Topics.RAW_NEWS, wire)).isEqualTo(sent);
    }
  }

  @Test
  void mixedDirectoryAccountsForEveryItemAndSendsRejections() throws Exception {
    TestFiles.write(dir, "a-feed.xml", "<rss version=\"2.0\"><channel><title>Wire</title>"
        + "<item><title>Reynosa</title><description>" + REYNOSA + "</description></item>"
        + "<item><title>Empty</title><description> </description></item></channel></rss>");
    TestFiles.write(dir, "b-dump.jsonl", "{\"outlet\":\"Syndicator\",\"title\":\"Copy\",\"body\":\"" + REYNOSA + "\"}\n"
        + "[\"Reynosa\"]\n");
    TestFiles.write(dir, ".DS_Store", new byte[] {0, 0, 0, 1});
    TestFiles.write(dir, "sub/c-notes.docx", "Notes about Reynosa");

    IngestAccount account;
    try (CapturedLogs logs = new CapturedLogs()) {
      account = ingestor.ingest(SourceType.NEWS, List.of(dir), IngestOptions.defaults());

      assertThat(logs.lines()).containsExactly(
          "WARN news: a-feed.xml item 2 rejected: no text",
          "INFO news: a-feed.xml: 2 items (1 produced, 0 duplicates, 1 rejected)",
          "WARN news: b-dump.jsonl line 2 rejected: malformed JSON line: not a JSON object",
          "INFO news: b-dump.jsonl: 2 items (0 produced, 1 duplicates, 1 rejected)",
          "WARN news: sub/c-notes.docx rejected: unsupported file type: news takes .xml, .rss, .atom or .jsonl",
          "INFO news: sub/c-notes.docx: 1 item (0 produced, 0 duplicates, 1 rejected)");
      assertThat(logs.lines()).noneMatch(line -> line.contains("Reynosa") || line.contains("Forty"));
    }

    assertThat(account.summary()).isEqualTo(
        "read 5, produced 1, duplicates 1, rejected 3 (malformed JSON line: 1, no text: 1, unsupported file type: 1)");
    assertThat(account.read()).isEqualTo(account.produced() + account.duplicates() + account.rejected());
    assertThat(account.rejections()).containsExactly(
        new Rejected("a-feed.xml", "item 2", "ingest-news", "no text", null),
        new Rejected("b-dump.jsonl", "line 2", "ingest-news", "malformed JSON line", "not a JSON object"),
        new Rejected("sub/c-notes.docx", null, "ingest-news", "unsupported file type",
            "news takes .xml, .rss, .atom or .jsonl"));

    assertThat(sentTo(Topics.RAW_NEWS)).singleElement().satisfies(record ->
        assertThat(((NewsArticle) record.value()).getOutlet()).isEqualTo("Wire"));
    assertThat(sentTo(Topics.INGEST_REJECTIONS)).extracting(ProducerRecord::key, ProducerRecord::value).containsExactly(
        tuple("a-feed.xml", new Rejection("a-feed.xml", "item 2", "ingest-news", "no text", TestFiles.NOW)),
        tuple("b-dump.jsonl", new Rejection("b-dump.jsonl", "line 2", "ingest-news",
            "malformed JSON line: not a JSON object", TestFiles.NOW)),
        tuple("sub/c-notes.docx", new Rejection("sub/c-notes.docx", null, "ingest-news",
            "unsupported file type: news takes .xml, .rss, .atom or .jsonl", TestFiles.NOW)));
  }

  @Test
  void caseCountsWithDuplicateRowsAcrossFiles() {
    Path more = TestFiles.write(dir, "more.csv", String.join("\n",
        "period_start,period_end,place,metric,value,semantics,source,source_url",
        "2019-07-10,2019-07-10,Tijuana,MPP_RETURN,45,increment,INM daily returns (sample),"
            + "https://example.org/inm/mpp-returns-2019-07",
        "2019-07-10,2019-07-10,Atlantis,MPP_RETURN,45,increment,INM,")).path();

    IngestAccount account = ingestor.ingest(SourceType.COUNTS,
        List.of(TestFiles.samples("counts/inm-returns-2019-07.csv"), more), IngestOptions.defaults());

    assertThat(account.summary()).isEqualTo("read 9, produced 7, duplicates 1, rejected 1 (unknown place: 1)");
    assertThat(account.rejections()).containsExactly(new Rejected("more.csv", "line 3", "ingest-counts", "unknown place", null));
    assertThat(sentTo(Topics.RAW_CASE_COUNTS)).hasSize(7).allSatisfy(record ->
        assertThat(record.key()).isEqualTo(((CaseCountRow) record.value()).getId()));
    assertThat(sentTo(Topics.INGEST_REJECTIONS)).extracting(record -> ((Rejection) record.value()).getReason())
        .containsExactly("unknown place");
  }

  @Test
  void aRowRepeatedWithinOneFileIsADuplicateAndRejectedRowsLeaveNoContentInLogs() {
    Path table = TestFiles.write(dir, "repeat.csv", String.join("\n",
        "period_start,period_end,place,metric,value,semantics,source,source_url",
        "2019-07-10,2019-07-10,Tijuana,MPP_RETURN,45,increment,INM,",
        "2019-07-10,2019-07-10,TIJUANA,mpp_return,45,Increment,INM,",
        "2019-07-10,2019-07-10,Atlantis,MPP_RETURN,45,increment,INM,")).path();

    try (CapturedLogs logs = new CapturedLogs()) {
      IngestAccount account = ingestor.ingest(SourceType.COUNTS, List.of(table), IngestOptions.defaults());

      assertThat(account.summary()).isEqualTo("read 3, produced 1, duplicates 1, rejected 1 (unknown place: 1)");
      assertThat(logs.lines()).containsExactly("WARN counts: repeat.csv line 4 rejected: unknown place",
          "INFO counts: repeat.csv: 3 items (1 produced, 1 duplicates, 1 rejected)");
    }
    assertThat(sentTo(Topics.RAW_CASE_COUNTS)).hasSize(1);
  }

  @Test
  void reportsGoToRawReportsAndEmptyFilesAreRejected() {
    Path empty = TestFiles.write(dir, "empty.txt", "").path();

    IngestAccount account = ingestor.ingest(SourceType.REPORTS,
        List.of(TestFiles.samples("reports"), empty), IngestOptions.defaults());

    assertThat(account.summary()).isEqualTo("read 2, produced 1, duplicates 0, rejected 1 (empty file: 1)");
    assertThat(sentTo(Topics.RAW_REPORTS)).singleElement().satisfies(record -> {
      NgoReport report = (NgoReport) record.value();
      assertThat(record.key()).isEqualTo(report.getId());
      assertThat(report.getSourceUri()).isEqualTo("ngo-letter-iom-avr-2019-07-30.txt");
    });
    assertThat(sentTo(Topics.INGEST_REJECTIONS)).extracting(ProducerRecord::value).containsExactly(
        new Rejection("empty.txt", null, "ingest-reports", "empty file", TestFiles.NOW));
  }

  @Test
  void rejectionsCanGoThroughTheirOwnProducer() {
    MockProducer<String, SpecificRecord> rejections = new MockProducer<>(true, null, new StringSerializer(), serializer);
    Path empty = TestFiles.write(dir, "empty.txt", "").path();

    try (Ingestor split = new Ingestor(producer, rejections, TestFiles.CLOCK)) {
      split.ingest(SourceType.REPORTS, List.of(TestFiles.samples("reports"), empty), IngestOptions.defaults());
    }

    assertThat(producer.history()).extracting(ProducerRecord::topic).containsExactly(Topics.RAW_REPORTS);
    assertThat(rejections.history()).extracting(ProducerRecord::topic).containsExactly(Topics.INGEST_REJECTIONS);
    assertThat(rejections.closed()).isFalse();
    assertThat(rejections.flushed()).isTrue();
  }

  @Test
  void missingInputIsAnErrorNamingItBeforeAnythingIsSent() {
    Path missing = dir.resolve("nope.xml");

    IngestException error = catchThrowableOfType(IngestException.class,
        () -> ingestor.ingest(SourceType.NEWS, List.of(TestFiles.samples("news/border-news-2019-07.rss.xml"), missing),
            IngestOptions.defaults()));

    assertThat(error.getMessage()).isEqualTo("news: nope.xml: no such file or directory");
    assertThat(producer.history()).isEmpty();
  }

  @Test
  void sendThatFailsAtOnceIsNotRetriedAndEndsTheRunNamingTheItem() {
    producer.sendException = new KafkaException("buffer exhausted");
    List<Duration> pauses = new ArrayList<>();
    ingestor.withPause(pauses::add);

    IngestException error = catchThrowableOfType(IngestException.class,
        () -> ingestor.ingest(SourceType.NEWS, List.of(TestFiles.samples("news/border-news-2019-07.rss.xml")),
            IngestOptions.defaults()));

    assertThat(error.getMessage()).isEqualTo("news: border-news-2019-07.rss.xml item 1: not acknowledged by Kafka "
        + "(KafkaException: buffer exhausted); not sent: 5 of 5 items of border-news-2019-07.rss.xml; "
        + "sent in this run: 0; files not read: 0; a rerun sends only what is missing");
    assertThat(error.partialAccount().summary()).isEqualTo("read 5, produced 0, duplicates 0, rejected 0, not sent 5");
    assertThat(pauses).as("an error that is not retriable is not retried").isEmpty();
  }

  @Test
  void aSendThatTimesOutOnceIsSentAgainAfterABackoff() {
    FailingProducer flaky = new FailingProducer(2, 1);
    TestFiles.write(dir, "a.jsonl", "{\"body\":\"First text about Tijuana.\"}\n{\"body\":\"Second text about Mexicali.\"}");
    List<Duration> pauses = new ArrayList<>();

    IngestAccount account;
    try (Ingestor retrying = new Ingestor(flaky, flaky, TestFiles.CLOCK).withPause(pauses::add)) {
      account = retrying.ingest(SourceType.NEWS, List.of(dir), IngestOptions.defaults());
    }

    assertThat(account.summary()).isEqualTo("read 2, produced 2, duplicates 0, rejected 0");
    assertThat(pauses).containsExactly(Duration.ofSeconds(1));
    assertThat(flaky.history()).extracting(record -> ((NewsArticle) record.value()).getText())
        .containsExactly("First text about Tijuana.", "Second text about Mexicali.");
  }

  @Test
  void backoffDoublesUpToItsCapAndThenTheRunReportsWhatWasAndWasNotSent() {
    FailingProducer brokerGone = FailingProducer.from(3);
    TestFiles.write(dir, "a.jsonl", "{\"body\":\"First text about Tijuana.\"}\n{\"body\":\"Second text about Mexicali.\"}");
    TestFiles.write(dir, "b.jsonl", "{\"body\":\"Third text about Reynosa.\"}\n{\"body\":\"Fourth text about Matamoros.\"}");
    TestFiles.write(dir, "c.jsonl", "{\"body\":\"Fifth text about Nogales, Sonora.\"}");
    List<Duration> pauses = new ArrayList<>();
    IngestSettings settings = IngestSettings.defaults().withRetry(4, Duration.ofSeconds(1), Duration.ofSeconds(3));

    IngestException error;
    try (Ingestor failing = new Ingestor(brokerGone, brokerGone, TestFiles.CLOCK, settings, SentHistory.none())
        .withPause(pauses::add)) {
      error = catchThrowableOfType(IngestException.class,
          () -> failing.ingest(SourceType.NEWS, List.of(dir), IngestOptions.defaults()));
    }

    assertThat(pauses).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(3));
    assertThat(error.getMessage()).isEqualTo("news: b.jsonl line 1: not acknowledged by Kafka "
        + "(TimeoutException: Expiring 1 record(s) for raw-news-0: 120000 ms); not sent: 2 of 2 items of b.jsonl; "
        + "sent in this run: 2; files not read: 1; a rerun sends only what is missing");
    IngestAccount partial = error.partialAccount();
    assertThat(partial.summary()).isEqualTo("read 4, produced 2, duplicates 0, rejected 0, not sent 2");
    assertThat(partial.notSent()).containsExactly(
        new NotSent("b.jsonl", "line 1", "raw-news", "TimeoutException: Expiring 1 record(s) for raw-news-0: 120000 ms"),
        new NotSent("b.jsonl", "line 2", "raw-news", "TimeoutException: Expiring 1 record(s) for raw-news-0: 120000 ms"));
  }

  @Test
  void whenNoBrokerAnswersTheRestOfTheFileIsNotSentOneByOne() {
    FailingProducer noBroker = FailingProducer.from(1);
    TestFiles.write(dir, "a.jsonl", "{\"body\":\"First text about Tijuana.\"}\n{\"body\":\"Second text about Mexicali.\"}\n"
        + "{\"body\":\"Third text about Reynosa.\"}\n");
    IngestSettings settings = IngestSettings.defaults().withRetry(2, Duration.ofSeconds(1), Duration.ofSeconds(1));

    IngestException error;
    try (Ingestor failing = new Ingestor(noBroker, noBroker, TestFiles.CLOCK, settings, SentHistory.none())
        .withPause(duration -> { })) {
      error = catchThrowableOfType(IngestException.class,
          () -> failing.ingest(SourceType.NEWS, List.of(dir), IngestOptions.defaults()));
    }

    assertThat(error.partialAccount().summary()).isEqualTo("read 3, produced 0, duplicates 0, rejected 0, not sent 3");
    assertThat(noBroker.sends()).as("one send per attempt waits for a broker; the others fail with it").isEqualTo(2);
  }

  @Test
  void afterAFailedRunTheSameIngestorSendsOnlyWhatIsMissing() {
    FailingProducer flaky = new FailingProducer(2, 3);
    TestFiles.write(dir, "a.jsonl", "{\"body\":\"First text about Tijuana.\"}\n{\"body\":\"Second text about Mexicali.\"}");
    IngestSettings settings = IngestSettings.defaults().withRetry(2, Duration.ofSeconds(1), Duration.ofSeconds(1));

    try (Ingestor retrying = new Ingestor(flaky, flaky, TestFiles.CLOCK, settings, SentHistory.none())
        .withPause(duration -> { })) {
      IngestException error = catchThrowableOfType(IngestException.class,
          () -> retrying.ingest(SourceType.NEWS, List.of(dir), IngestOptions.defaults()));
      assertThat(error.partialAccount().summary()).isEqualTo("read 2, produced 1, duplicates 0, rejected 0, not sent 1");

      IngestAccount rerun = retrying.ingest(SourceType.NEWS, List.of(dir), IngestOptions.defaults());

      assertThat(rerun.summary()).isEqualTo("read 2, produced 1, duplicates 1, rejected 0");
    }
    assertThat(flaky.history()).extracting(record -> ((NewsArticle) record.value()).getText())
        .containsExactly("First text about Tijuana.", "Second text about Mexicali.");
  }

  @Test
  void aRejectionRecordKafkaNeverAcknowledgesEndsTheRunToo() {
    FailingProducer failingRejections = FailingProducer.from(1);
    Path empty = TestFiles.write(dir, "empty.txt", "").path();

    IngestException error;
    try (Ingestor failingIngestor = new Ingestor(producer, failingRejections, TestFiles.CLOCK)
        .withPause(duration -> { })) {
      error = catchThrowableOfType(IngestException.class,
          () -> failingIngestor.ingest(SourceType.REPORTS, List.of(empty), IngestOptions.defaults()));
    }

    assertThat(error.getMessage()).isEqualTo("reports: empty.txt (rejection record): not acknowledged by Kafka "
        + "(TimeoutException: Expiring 1 record(s) for ingest-rejections-0: 120000 ms); not sent: 0 of 1 items of "
        + "empty.txt and 1 rejection records; sent in this run: 0; files not read: 0; a rerun sends only what is missing");
    assertThat(error.partialAccount().summary())
        .isEqualTo("read 1, produced 0, duplicates 0, rejected 1 (empty file: 1), not sent 0 (and 1 rejection record)");
  }

  @Test
  void whatEarlierRunsSentIsSkippedAndARejectionIsNotReportedTwice() {
    Set<String> onRawNews = new HashSet<>();
    Set<String> onRejections = new HashSet<>();
    SentHistory history = topic -> topic.equals(Topics.RAW_NEWS) ? onRawNews : onRejections;
    TestFiles.write(dir, "a.jsonl", "{\"body\":\"First text about Tijuana.\"}\n[1]\n");
    try (Ingestor first = new Ingestor(producer, producer, TestFiles.CLOCK, IngestSettings.defaults(), history)) {
      assertThat(first.ingest(SourceType.NEWS, List.of(dir), IngestOptions.defaults()).summary())
          .isEqualTo("read 2, produced 1, duplicates 0, rejected 1 (malformed JSON line: 1)");
    }
    // What a second process reads back from the topics: the keys, and the rejection ids in the headers.
    Set<String> keysOnTopic = new HashSet<>();
    Set<String> rejectionIdsOnTopic = new HashSet<>();
    for (ProducerRecord<String, SpecificRecord> sent : producer.history()) {
      if (sent.topic().equals(Topics.RAW_NEWS)) {
        keysOnTopic.add(sent.key());
      } else {
        rejectionIdsOnTopic.add(new String(sent.headers().lastHeader(SentHistory.REJECTION_ID_HEADER).value(),
            java.nio.charset.StandardCharsets.UTF_8));
      }
    }
    TestFiles.write(dir, "b.jsonl", "{\"body\":\"Second text about Mexicali.\"}\n");
    MockProducer<String, SpecificRecord> second = new MockProducer<>(true, null, new StringSerializer(), serializer);
    SentHistory fromTopics = topic -> new HashSet<>(topic.equals(Topics.RAW_NEWS) ? keysOnTopic : rejectionIdsOnTopic);

    try (Ingestor rerun = new Ingestor(second, second, TestFiles.CLOCK, IngestSettings.defaults(), fromTopics)) {
      assertThat(rerun.ingest(SourceType.NEWS, List.of(dir), IngestOptions.defaults()).summary())
          .isEqualTo("read 3, produced 1, duplicates 1, rejected 1 (malformed JSON line: 1)");
    }

    assertThat(second.history()).extracting(ProducerRecord::topic).containsExactly(Topics.RAW_NEWS);
    assertThat(((NewsArticle) second.history().get(0).value()).getText()).isEqualTo("Second text about Mexicali.");
  }

  @Test
  void aCorrectedFileWithTheSameNameHasItsRejectionsReportedAfresh() {
    Set<String> rejectionIds = new HashSet<>();
    SentHistory history = topic -> topic.equals(Topics.INGEST_REJECTIONS) ? rejectionIds : new HashSet<>();
    Path table = TestFiles.write(dir, "t.csv", "period_start,period_end,place,metric,value,semantics,source,source_url\n"
        + "2019-07-10,2019-07-10,Atlantis,MPP_RETURN,45,increment,INM,\n").path();
    try (Ingestor first = new Ingestor(producer, producer, TestFiles.CLOCK, IngestSettings.defaults(), history)) {
      first.ingest(SourceType.COUNTS, List.of(table), IngestOptions.defaults());
      first.ingest(SourceType.COUNTS, List.of(table), IngestOptions.defaults());
      TestFiles.write(dir, "t.csv", "period_start,period_end,place,metric,value,semantics,source,source_url\n"
          + "2019-07-11,2019-07-11,Atlantis,MPP_RETURN,46,increment,INM,\n");
      first.ingest(SourceType.COUNTS, List.of(table), IngestOptions.defaults());
    }

    assertThat(sentTo(Topics.INGEST_REJECTIONS)).extracting(record -> ((Rejection) record.value()).getPosition())
        .as("the same rejection once; the changed file's again").containsExactly("line 2", "line 2");
  }

  @Test
  void closeFlushesButLeavesProducersItWasGivenOpen() {
    ingestor.close();
    assertThat(producer.flushed()).isTrue();
    assertThat(producer.closed()).isFalse();
  }

  @Test
  @Timeout(30)
  void connectBuildsAnIdempotentAvroProducerThatClosesWithTheIngestor() throws Exception {
    Properties properties = new Properties();
    properties.put("bootstrap.servers", "127.0.0.1:" + unusedPort());
    properties.put("schema.registry.url", registry);

    try (Ingestor connected = Ingestor.connect(properties)) {
      assertThat(connected).isNotNull();
    }
  }

  private static int unusedPort() throws Exception {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  @Test
  void inputsAreReadInTheOrderGivenAndDirectoriesInSortedOrder() throws Exception {
    TestFiles.write(dir, "z/2.jsonl", "{\"body\":\"Text two about Tijuana.\"}");
    TestFiles.write(dir, "z/10.jsonl", "{\"body\":\"Text ten about Tijuana.\"}");
    TestFiles.write(dir, "a.jsonl", "{\"body\":\"Text a about Tijuana.\"}");
    Path single = TestFiles.write(Files.createDirectory(dir.resolveSibling(dir.getFileName() + "-single")), "first.jsonl",
        "{\"body\":\"Text first about Tijuana.\"}").path();

    ingestor.ingest(SourceType.NEWS, List.of(single, dir), IngestOptions.defaults());

    assertThat(producer.history()).extracting(record -> ((NewsArticle) record.value()).getText()).containsExactly(
        "Text first about Tijuana.", "Text a about Tijuana.", "Text ten about Tijuana.", "Text two about Tijuana.");
  }
}
