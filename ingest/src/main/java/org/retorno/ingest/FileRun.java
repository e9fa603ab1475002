package org.retorno.ingest;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.retorno.avro.Rejection;
import org.retorno.schemas.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The sends of one input file, and the account of what became of each of its items. */
final class FileRun implements ItemSink {
  private static final Logger LOG = LoggerFactory.getLogger(Ingestor.class);

  private record Pending(String position, Future<RecordMetadata> ack) {}

  private final SourceType type;
  private final InputFile file;
  private final Set<String> seenIds;
  private final Producer<String, SpecificRecord> producer;
  private final Producer<String, SpecificRecord> rejectionsProducer;
  private final Clock clock;
  private final List<Pending> records = new ArrayList<>();
  private final List<Pending> rejectionSends = new ArrayList<>();
  private final List<Rejected> rejections = new ArrayList<>();
  private long duplicates;

  FileRun(SourceType type, InputFile file, Set<String> seenIds, Producer<String, SpecificRecord> producer,
      Producer<String, SpecificRecord> rejectionsProducer, Clock clock) {
    this.type = type;
    this.file = file;
    this.seenIds = seenIds;
    this.producer = producer;
    this.rejectionsProducer = rejectionsProducer;
    this.clock = clock;
  }

  @Override
  public void accept(String position, String id, SpecificRecord record) {
    if (!seenIds.add(id)) {
      duplicates++;
      return;
    }
    records.add(new Pending(position, send(producer, new ProducerRecord<>(type.topic(), id, record))));
  }

  @Override
  public void reject(String position, Reason reason, String detail) {
    Rejected rejected = new Rejected(file.name(), position, type.stage(), reason.phrase(), detail);
    rejections.add(rejected);
    LOG.warn("{}: {} rejected: {}", type.label(), file.name() + (position == null ? "" : " " + position),
        rejected.fullReason());
    Rejection value = Rejection.newBuilder()
        .setSource(rejected.source())
        .setPosition(rejected.position())
        .setStage(rejected.stage())
        .setReason(rejected.fullReason())
        .setRejectedAt(clock.instant())
        .build();
    // Keyed by file so the rejections of one file stay in order on one partition.
    rejectionSends.add(new Pending(position,
        send(rejectionsProducer, new ProducerRecord<>(Topics.INGEST_REJECTIONS, file.name(), value))));
  }

  private static Future<RecordMetadata> send(Producer<String, SpecificRecord> producer,
      ProducerRecord<String, SpecificRecord> record) {
    try {
      return producer.send(record);
    } catch (RuntimeException e) {
      // Serializer and buffer errors are thrown by send itself; they are failed sends all the same.
      return CompletableFuture.failedFuture(e);
    }
  }

  /** Waits until Kafka acknowledged every send of this file; the first failure ends the run. */
  void awaitAcknowledgements(IngestAccount accountBefore) {
    producer.flush();
    if (rejectionsProducer != producer) {
      rejectionsProducer.flush();
    }
    awaitAll(records, "", accountBefore);
    awaitAll(rejectionSends, " (rejection record)", accountBefore);
  }

  private void awaitAll(List<Pending> sends, String what, IngestAccount accountBefore) {
    for (Pending pending : sends) {
      try {
        pending.ack().get();
      } catch (ExecutionException e) {
        throw failed(pending, what, e.getCause(), accountBefore);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw failed(pending, what, e, accountBefore);
      }
    }
  }

  private IngestException failed(Pending pending, String what, Throwable cause, IngestAccount accountBefore) {
    String where = file.name() + (pending.position() == null ? "" : " " + pending.position());
    return new IngestException(type.label() + ": " + where + what + ": not acknowledged by Kafka ("
        + cause.getClass().getSimpleName() + ": " + oneLine(cause.getMessage()) + ")", accountBefore, cause);
  }

  private static String oneLine(String message) {
    return message == null ? "no message" : message.replaceAll("\\s+", " ").strip();
  }

  long read() { return produced() + duplicates + rejections.size(); }
  long produced() { return records.size(); }
  long duplicates() { return duplicates; }
  List<Rejected> rejections() { return rejections; }
}
