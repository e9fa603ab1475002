package org.retorno.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.retorno.schemas.serde.AvroSerializer;

class ReadAheadTest {
  @TempDir
  Path dir;

  @Test
  void filesComeInTheirOrderReadOnAnotherThreadAtMostOneAhead() {
    List<InputFile> files = files("a.csv", "b.csv", "c.csv");
    List<String> started = Collections.synchronizedList(new ArrayList<>());
    List<String> readers = Collections.synchronizedList(new ArrayList<>());
    List<Integer> aheadWhenTaken = new ArrayList<>();

    List<String> taken = new ArrayList<>();
    try (ReadAhead<String> ahead = new ReadAhead<>(files, file -> {
      started.add(file.name());
      readers.add(Thread.currentThread().getName());
      return file.name();
    })) {
      for (int i = 0; i < files.size(); i++) {
        taken.add(ahead.next());
        aheadWhenTaken.add(started.size() - taken.size());
      }
    }

    assertThat(taken).containsExactly("a.csv", "b.csv", "c.csv");
    assertThat(started).containsExactly("a.csv", "b.csv", "c.csv");
    assertThat(readers).containsOnly("retorno-ingest-read-ahead");
    assertThat(aheadWhenTaken).allMatch(ahead -> ahead <= 1);
  }

  @Test
  void aFailureWhileReadingIsThrownToTheTakerOfThatFile() {
    try (ReadAhead<String> ahead = new ReadAhead<>(files("a.csv", "b.csv"), file -> {
      if (file.name().equals("b.csv")) {
        throw new IllegalStateException("broken reader");
      }
      return file.name();
    })) {
      assertThat(ahead.next()).isEqualTo("a.csv");
      assertThatThrownBy(ahead::next).isInstanceOf(IllegalStateException.class).hasMessage("broken reader");
    }
  }

  @Test
  void closeWaitsForAFileStillBeingReadAndDropsIt() throws Exception {
    CountDownLatch readingB = new CountDownLatch(1);
    CountDownLatch releaseB = new CountDownLatch(1);
    List<String> finished = Collections.synchronizedList(new ArrayList<>());
    Thread closer;
    try (ReadAhead<String> ahead = new ReadAhead<>(files("a.csv", "b.csv"), file -> {
      if (file.name().equals("b.csv")) {
        readingB.countDown();
        awaitUninterruptibly(releaseB);
      }
      finished.add(file.name());
      return file.name();
    })) {
      assertThat(ahead.next()).isEqualTo("a.csv");
      assertThat(readingB.await(30, TimeUnit.SECONDS)).isTrue();
      closer = new Thread(ahead::close);
      closer.start();
      // close() may not return while b.csv is being read.
      closer.join(200);
      assertThat(closer.isAlive()).isTrue();
      releaseB.countDown();
      closer.join(30_000);
      assertThat(closer.isAlive()).isFalse();
    }
    assertThat(finished).containsExactly("a.csv", "b.csv");
  }

  @Test
  void anIngestorSendsOnTheCallingThreadInFileOrder() {
    TestFiles.write(dir, "a.jsonl", "{\"body\":\"First text about Tijuana.\"}\n{\"body\":\"Second text about Mexicali.\"}");
    TestFiles.write(dir, "b.jsonl", "{\"body\":\"Third text about Reynosa.\"}");
    TestFiles.write(dir, "c.jsonl", "{\"body\":\"First text about Tijuana.\"}");
    AvroSerializer<SpecificRecord> serializer = new AvroSerializer<>();
    serializer.configure(Map.of("schema.registry.url", "mock://read-ahead-" + UUID.randomUUID()), false);
    ThreadRecordingProducer producer = new ThreadRecordingProducer(serializer);

    IngestAccount account;
    try (Ingestor ingestor = new Ingestor(producer, producer, TestFiles.CLOCK)) {
      account = ingestor.ingest(SourceType.NEWS, List.of(dir), IngestOptions.defaults());
    }

    assertThat(account.summary()).isEqualTo("read 4, produced 3, duplicates 1, rejected 0");
    assertThat(producer.senders).containsOnly(Thread.currentThread().getName());
    assertThat(producer.history()).extracting(record -> ((org.retorno.avro.NewsArticle) record.value()).getText())
        .containsExactly("First text about Tijuana.", "Second text about Mexicali.", "Third text about Reynosa.");
  }

  private List<InputFile> files(String... names) {
    List<InputFile> files = new ArrayList<>();
    for (String name : names) {
      files.add(new InputFile(dir.resolve(name), name));
    }
    return files;
  }

  private static void awaitUninterruptibly(CountDownLatch latch) {
    while (true) {
      try {
        latch.await();
        return;
      } catch (InterruptedException e) {
        // close() interrupts the reading thread; the read goes on to its end, as reading does.
      }
    }
  }

  private static final class ThreadRecordingProducer extends MockProducer<String, SpecificRecord> {
    final List<String> senders = Collections.synchronizedList(new ArrayList<>());

    ThreadRecordingProducer(AvroSerializer<SpecificRecord> serializer) {
      super(true, null, new StringSerializer(), serializer);
    }

    @Override
    public synchronized Future<RecordMetadata> send(ProducerRecord<String, SpecificRecord> record, Callback callback) {
      senders.add(Thread.currentThread().getName());
      return super.send(record, callback);
    }
  }
}
