package org.retorno.ingest.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.retorno.avro.NewsArticle;
import org.retorno.ingest.IngestAccount;
import org.retorno.ingest.IngestException;
import org.retorno.ingest.IngestListener;
import org.retorno.ingest.IngestOptions;
import org.retorno.ingest.IngestSettings;
import org.retorno.ingest.Ingestor;
import org.retorno.ingest.SentHistory;
import org.retorno.ingest.SourceType;
import org.retorno.schemas.Topics;
import org.retorno.schemas.serde.AvroSerializer;

class InboxWatcherTest {
  private static final Instant NOW = Instant.parse("2025-01-15T12:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final Duration SETTLE = Duration.ofSeconds(5);

  @TempDir
  Path inbox;

  private AvroSerializer<SpecificRecord> serializer;
  /** What the topics hold, as a second process would read them back. */
  private final Set<String> onRawNews = new HashSet<>();
  private final Set<String> onRejections = new HashSet<>();

  @BeforeEach
  void setUp() {
    serializer = new AvroSerializer<>();
    serializer.configure(Map.of("schema.registry.url", "mock://watch-" + UUID.randomUUID()), false);
  }

  /** A watcher process: its own producer, and the topics' contents as its history. */
  private final class Process {
    final MockProducer<String, SpecificRecord> producer = new MockProducer<>(true, null, new StringSerializer(), serializer);
    final InboxWatcher watcher;

    Process() {
      SentHistory history = topic -> new HashSet<>(topic.equals(Topics.RAW_NEWS) ? onRawNews : onRejections);
      Ingestor ingestor = new Ingestor(producer, producer, CLOCK, IngestSettings.defaults(), history);
      watcher = new InboxWatcher(ingestor, SourceType.NEWS, inbox, IngestOptions.defaults(), IngestListener.NONE,
          CLOCK, SETTLE);
    }

    IngestAccount poll() {
      IngestAccount account = watcher.poll();
      for (ProducerRecord<String, SpecificRecord> record : producer.history()) {
        if (record.topic().equals(Topics.RAW_NEWS)) {
          onRawNews.add(record.key());
        } else {
          onRejections.add(new String(record.headers().lastHeader(SentHistory.REJECTION_ID_HEADER).value(),
              StandardCharsets.UTF_8));
        }
      }
      return account;
    }

    List<String> textsSent() {
      return producer.history().stream().filter(record -> record.topic().equals(Topics.RAW_NEWS))
          .map(record -> ((NewsArticle) record.value()).getText()).toList();
    }
  }

  private Path drop(String name, String content, Instant modified) throws Exception {
    Path file = inbox.resolve(name);
    Files.writeString(file, content);
    Files.setLastModifiedTime(file, FileTime.from(modified));
    return file;
  }

  private static String line(String text) {
    return "{\"body\":\"" + text + "\"}\n";
  }

  @Test
  void newFilesAreReadOnceEachAndAFileStillBeingWrittenWaitsUntilItSettles() throws Exception {
    drop("a.jsonl", line("Thirty people were returned to Tijuana."), NOW.minusSeconds(60));
    Path growing = drop("b.jsonl", line("Twelve people were returned to Mexicali."), NOW.minusSeconds(1));
    Process process = new Process();

    assertThat(process.poll().summary()).isEqualTo("read 1, produced 1, duplicates 0, rejected 0");
    Files.writeString(growing, line("Twelve people were returned to Mexicali.") + line("Nine to Nogales, Sonora."));
    Files.setLastModifiedTime(growing, FileTime.from(NOW.minusMillis(500)));
    assertThat(process.poll().read()).as("changed since the last poll: not yet").isZero();
    assertThat(process.poll().summary()).isEqualTo("read 2, produced 2, duplicates 0, rejected 0");
    assertThat(process.poll().read()).as("nothing new").isZero();

    assertThat(process.textsSent()).containsExactly("Thirty people were returned to Tijuana.",
        "Twelve people were returned to Mexicali.", "Nine to Nogales, Sonora.");
    assertThat(process.watcher.total().summary()).isEqualTo("read 3, produced 3, duplicates 0, rejected 0");
  }

  @Test
  void aRestartedWatcherSendsNothingTwiceAndSkipsNothing() throws Exception {
    drop("a.jsonl", line("Thirty people were returned to Tijuana.") + "[not an object]\n", NOW.minusSeconds(60));
    Process first = new Process();
    assertThat(first.poll().summary()).isEqualTo("read 2, produced 1, duplicates 0, rejected 1 (malformed JSON line: 1)");
    // While the watcher was down, a file arrived and another grew.
    drop("b.jsonl", line("Twelve people were returned to Mexicali."), NOW.minusSeconds(30));
    drop("a.jsonl", line("Thirty people were returned to Tijuana.") + "[not an object]\n"
        + line("Eight more were returned to Tijuana."), NOW.minusSeconds(20));

    Process restarted = new Process();
    IngestAccount afterRestart = restarted.poll();

    assertThat(afterRestart.summary()).isEqualTo("read 4, produced 2, duplicates 1, rejected 1 (malformed JSON line: 1)");
    assertThat(restarted.textsSent()).containsExactly("Eight more were returned to Tijuana.",
        "Twelve people were returned to Mexicali.");
    assertThat(restarted.producer.history()).extracting(ProducerRecord::topic)
        .as("the changed file's rejection is reported afresh: its content changed")
        .containsExactly(Topics.INGEST_REJECTIONS, Topics.RAW_NEWS, Topics.RAW_NEWS);
  }

  @Test
  void aPollWhoseSendsFailIsTriedAgainAtTheNextPoll() throws Exception {
    drop("a.jsonl", line("Thirty people were returned to Tijuana."), NOW.minusSeconds(60));
    MockProducer<String, SpecificRecord> producer = new MockProducer<>(true, null, new StringSerializer(), serializer);
    Ingestor ingestor = new Ingestor(producer, producer, CLOCK,
        IngestSettings.defaults().withRetry(1, Duration.ZERO, Duration.ZERO), SentHistory.none());
    InboxWatcher watcher = new InboxWatcher(ingestor, SourceType.NEWS, inbox, IngestOptions.defaults(),
        IngestListener.NONE, CLOCK, SETTLE);
    producer.sendException = new org.apache.kafka.common.errors.TimeoutException("broker away");

    IngestException failure = catchThrowableOfType(IngestException.class, watcher::poll);
    producer.sendException = null;
    IngestAccount retried = watcher.poll();

    assertThat(failure.partialAccount().summary()).isEqualTo("read 1, produced 0, duplicates 0, rejected 0, not sent 1");
    assertThat(retried.summary()).isEqualTo("read 1, produced 1, duplicates 0, rejected 0");
    assertThat(watcher.total().summary()).isEqualTo("read 2, produced 1, duplicates 0, rejected 0, not sent 1");
  }

  @Test
  void runPollsUntilStoppedAndReportsEachPollThatReadSomething() throws Exception {
    drop("a.jsonl", line("Thirty people were returned to Tijuana."), NOW.minusSeconds(60));
    Process process = new Process();
    CountDownLatch stop = new CountDownLatch(1);
    List<String> polls = new java.util.ArrayList<>();

    IngestAccount total = process.watcher.run(Duration.ofMillis(10), stop, account -> {
      polls.add(account.summary());
      stop.countDown();
    });

    assertThat(polls).containsExactly("read 1, produced 1, duplicates 0, rejected 0");
    assertThat(total.summary()).isEqualTo("read 1, produced 1, duplicates 0, rejected 0");
  }

  @Test
  void onlyADirectoryCanBeWatched() throws Exception {
    Path file = drop("a.jsonl", line("x"), NOW);
    IllegalArgumentException error = catchThrowableOfType(IllegalArgumentException.class, () ->
        new InboxWatcher(new Ingestor(new MockProducer<>(), new MockProducer<>(), CLOCK), SourceType.NEWS, file,
            IngestOptions.defaults(), IngestListener.NONE, CLOCK, SETTLE));
    assertThat(error).hasMessage("a.jsonl: not a directory to watch");
  }
}
