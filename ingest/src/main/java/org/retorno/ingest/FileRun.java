package org.retorno.ingest;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RetriableException;
import org.retorno.avro.Rejection;
import org.retorno.ingest.text.TextKey;
import org.retorno.schemas.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sends of one input file, and the account of what became of each of its items. Sends that
 * fail for a reason that may pass (a broker away, a leader moving) are sent again with a growing
 * pause; what is still not acknowledged after the last attempt is reported as not sent.
 */
final class FileRun implements ItemSink {
  private static final Logger LOG = LoggerFactory.getLogger(Ingestor.class);

  /** Pauses between attempts; tests replace it to run without waiting. */
  interface Pause {
    void pause(Duration duration) throws InterruptedException;
  }

  private static final class Send {
    final String position;
    final Producer<String, SpecificRecord> producer;
    final ProducerRecord<String, SpecificRecord> record;
    Future<RecordMetadata> ack;
    Throwable failure;

    Send(String position, Producer<String, SpecificRecord> producer, ProducerRecord<String, SpecificRecord> record) {
      this.position = position;
      this.producer = producer;
      this.record = record;
    }
  }

  private final SourceType type;
  private final InputFile file;
  private final String fingerprint;
  private final KnownKeys known;
  private final Producer<String, SpecificRecord> producer;
  private final Producer<String, SpecificRecord> rejectionsProducer;
  private final Clock clock;
  private final List<Send> records = new ArrayList<>();
  private final List<Send> rejectionSends = new ArrayList<>();
  private final List<Rejected> rejections = new ArrayList<>();
  private final List<NotSent> notSent = new ArrayList<>();
  private long duplicates;
  private long produced;
  /** Set when a send failed at once for want of a broker; cleared before each new attempt. */
  private Throwable unavailable;

  /** @param fingerprint SHA-256 of the file's bytes, or null when they could not be read */
  FileRun(SourceType type, InputFile file, String fingerprint, KnownKeys known,
      Producer<String, SpecificRecord> producer, Producer<String, SpecificRecord> rejectionsProducer, Clock clock) {
    this.type = type;
    this.file = file;
    this.fingerprint = fingerprint;
    this.known = known;
    this.producer = producer;
    this.rejectionsProducer = rejectionsProducer;
    this.clock = clock;
  }

  @Override
  public void accept(String position, String id, SpecificRecord record) {
    if (!known.take(type.topic(), id)) {
      duplicates++;
      return;
    }
    Send send = new Send(position, producer, new ProducerRecord<>(type.topic(), id, record));
    send(send);
    records.add(send);
  }

  @Override
  public void reject(String position, Reason reason, String detail) {
    Rejected rejected = new Rejected(file.name(), position, type.stage(), reason.phrase(), detail);
    rejections.add(rejected);
    LOG.warn("{}: {} rejected: {}", type.label(), file.name() + (position == null ? "" : " " + position),
        rejected.fullReason());
    String rejectionId = rejectionId(rejected);
    if (!known.take(Topics.INGEST_REJECTIONS, rejectionId)) {
      // Reported by an earlier run: counted again in this run's account, not sent again.
      return;
    }
    Rejection value = Rejection.newBuilder()
        .setSource(rejected.source())
        .setPosition(rejected.position())
        .setStage(rejected.stage())
        .setReason(rejected.fullReason())
        .setRejectedAt(clock.instant())
        .build();
    // Keyed by file so the rejections of one file stay in order on one partition.
    ProducerRecord<String, SpecificRecord> record =
        new ProducerRecord<>(Topics.INGEST_REJECTIONS, file.name(), value);
    record.headers().add(SentHistory.REJECTION_ID_HEADER, rejectionId.getBytes(StandardCharsets.UTF_8));
    Send send = new Send(position, rejectionsProducer, record);
    send(send);
    rejectionSends.add(send);
  }

  /**
   * The same file content rejected at the same place for the same reason is the same rejection. The
   * content's hash, not the name alone, so a corrected file with the same name is reported afresh.
   */
  private String rejectionId(Rejected rejected) {
    return TextKey.ofFields(Arrays.asList(rejected.stage(), rejected.source(), fingerprint == null ? "" : fingerprint,
        rejected.position(), rejected.fullReason()));
  }

  private void send(Send send) {
    if (unavailable != null) {
      send.ack = CompletableFuture.failedFuture(unavailable);
      return;
    }
    try {
      send.ack = send.producer.send(send.record);
    } catch (RuntimeException e) {
      // Serializer and buffer errors are thrown by send itself; they are failed sends all the same.
      send.ack = CompletableFuture.failedFuture(e);
    }
    Throwable failedAtOnce = send.ack.isDone() ? await(send.ack) : null;
    if (failedAtOnce instanceof RetriableException) {
      // The producer waited max.block.ms for a broker and gave up: the next send would wait as long
      // again, for each record of the file. Until the next attempt, the rest fail the same way.
      unavailable = failedAtOnce;
    }
  }

  /**
   * Waits until Kafka acknowledged every send of this file, sending again what failed for a
   * retriable reason, up to {@code settings.sendAttempts()} attempts.
   */
  void settle(IngestSettings settings, Pause pause) {
    List<Send> open = new ArrayList<>(records);
    open.addAll(rejectionSends);
    for (int attempt = 1; !open.isEmpty(); attempt++) {
      flush();
      List<Send> failed = new ArrayList<>();
      for (Send send : open) {
        send.failure = await(send.ack);
        if (send.failure != null) {
          failed.add(send);
        }
      }
      // A record too large or refused by the serializer fails the same way every time.
      failed.stream().filter(send -> !(send.failure instanceof RetriableException)).forEach(this::giveUp);
      failed.removeIf(send -> !(send.failure instanceof RetriableException));
      if (failed.isEmpty()) {
        break;
      }
      if (attempt >= settings.sendAttempts()) {
        failed.forEach(this::giveUp);
        break;
      }
      Duration backoff = settings.backoffAfter(attempt);
      LOG.warn("{}: {}: {} of {} sends not acknowledged ({}); attempt {} of {} in {} ms", type.label(), file.name(),
          failed.size(), open.size(), describe(failed.get(0).failure), attempt + 1, settings.sendAttempts(),
          backoff.toMillis());
      try {
        pause.pause(backoff);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        failed.forEach(this::giveUp);
        break;
      }
      unavailable = null;
      failed.forEach(this::send);
      open = failed;
    }
    produced = records.stream().filter(send -> send.failure == null).count();
  }

  private void giveUp(Send send) {
    notSent.add(new NotSent(file.name(), send.position, send.record.topic(), describe(send.failure)));
    // Not on the topic: a later run, or the next poll of an inbox, must send it again.
    if (send.record.topic().equals(Topics.INGEST_REJECTIONS)) {
      known.giveBack(Topics.INGEST_REJECTIONS,
          new String(send.record.headers().lastHeader(SentHistory.REJECTION_ID_HEADER).value(), StandardCharsets.UTF_8));
    } else {
      known.giveBack(send.record.topic(), send.record.key());
    }
  }

  private void flush() {
    producer.flush();
    if (rejectionsProducer != producer) {
      rejectionsProducer.flush();
    }
  }

  private static Throwable await(Future<RecordMetadata> ack) {
    try {
      ack.get();
      return null;
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return e;
    }
  }

  static String describe(Throwable cause) {
    String message = cause.getMessage() == null ? "no message" : cause.getMessage().replaceAll("\\s+", " ").strip();
    return cause.getClass().getSimpleName() + ": " + message;
  }

  long read() { return produced + duplicates + rejections.size() + notSentItems(); }
  long produced() { return produced; }
  long duplicates() { return duplicates; }
  List<Rejected> rejections() { return rejections; }
  List<NotSent> notSent() { return notSent; }

  long notSentItems() {
    return notSent.stream().filter(item -> !item.isRejectionRecord()).count();
  }

  IngestAccount account() {
    return IngestAccount.of(produced, duplicates, rejections, notSent);
  }
}
