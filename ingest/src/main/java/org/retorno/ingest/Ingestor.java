package org.retorno.ingest;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.retorno.ingest.counts.CaseCountParser;
import org.retorno.ingest.news.NewsParser;
import org.retorno.ingest.reports.ReportParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads news, reports and case-count files into their raw topics, every rejected input onto the
 * rejection topic, and accounts for every item read. A run returns only when Kafka has acknowledged
 * every record it counts as produced.
 *
 * <p>Duplicates are detected within one {@link #ingest} call; across runs the content keys make
 * reprocessing idempotent downstream. One run at a time: an ingestor is not meant to be shared by
 * threads.
 */
public final class Ingestor implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Ingestor.class);

  private final Producer<String, SpecificRecord> producer;
  private final Producer<String, SpecificRecord> rejectionsProducer;
  private final Clock clock;
  private final boolean ownsProducers;
  private final Map<SourceType, SourceParser> parsers;

  public Ingestor(Producer<String, SpecificRecord> producer,
      Producer<String, SpecificRecord> rejectionsProducer, Clock clock) {
    this(producer, rejectionsProducer, clock, false);
  }

  private Ingestor(Producer<String, SpecificRecord> producer,
      Producer<String, SpecificRecord> rejectionsProducer, Clock clock, boolean ownsProducers) {
    this.producer = Objects.requireNonNull(producer, "producer");
    this.rejectionsProducer = Objects.requireNonNull(rejectionsProducer, "rejectionsProducer");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.ownsProducers = ownsProducers;
    this.parsers = new EnumMap<>(Map.of(
        SourceType.NEWS, new NewsParser(clock),
        SourceType.REPORTS, new ReportParser(clock),
        SourceType.COUNTS, new CaseCountParser(clock)));
  }

  /**
   * An ingestor with its own Kafka producer (String keys, Avro values in the Confluent wire format,
   * acks=all, idempotent), closed with the ingestor.
   *
   * @param clientProperties bootstrap.servers, schema.registry.url and any client security settings
   */
  public static Ingestor connect(Properties clientProperties) {
    KafkaProducer<String, SpecificRecord> producer =
        new KafkaProducer<>(IngestProducerConfig.from(clientProperties));
    return new Ingestor(producer, producer, Clock.systemUTC(), true);
  }

  /**
   * Ingests files and directories (recursed, in sorted order) of one source type.
   *
   * @throws IngestException naming the input, when an input does not exist or a send was not
   *     acknowledged; its partial account covers the files completed before
   */
  public IngestAccount ingest(SourceType type, List<Path> inputs, IngestOptions options) {
    Objects.requireNonNull(type, "type");
    IngestOptions effective = options == null ? IngestOptions.defaults() : options;
    List<InputFile> files;
    try {
      files = InputFiles.expand(inputs);
    } catch (IllegalArgumentException e) {
      throw new IngestException(type.label() + ": " + e.getMessage(), IngestAccount.of(0, 0, List.of()), e);
    }
    Set<String> seenIds = new HashSet<>();
    long produced = 0;
    long duplicates = 0;
    List<Rejected> rejections = new ArrayList<>();
    for (InputFile file : files) {
      FileRun run = new FileRun(type, file, seenIds, producer, rejectionsProducer, clock);
      read(type, file, effective, run);
      run.awaitAcknowledgements(IngestAccount.of(produced, duplicates, rejections));
      produced += run.produced();
      duplicates += run.duplicates();
      rejections.addAll(run.rejections());
      LOG.info("{}: {}: {} {} ({} produced, {} duplicates, {} rejected)", type.label(), file.name(),
          run.read(), run.read() == 1 ? "item" : "items", run.produced(), run.duplicates(), run.rejections().size());
    }
    return IngestAccount.of(produced, duplicates, rejections);
  }

  private void read(SourceType type, InputFile file, IngestOptions options, FileRun run) {
    try {
      parsers.get(type).parse(file, options, run);
    } catch (InputRejectedException e) {
      run.reject(e.position(), e.reason(), e.detail());
    } catch (RuntimeException e) {
      // A parser bug must not lose the file silently; the exception message may quote content, so
      // only its type is kept.
      run.reject(null, Reason.PARSER_FAILURE, e.getClass().getSimpleName());
    }
  }

  /** Flushes pending sends; closes the producers only when this ingestor created them. */
  @Override
  public void close() {
    producer.flush();
    if (rejectionsProducer != producer) {
      rejectionsProducer.flush();
    }
    if (ownsProducers) {
      producer.close();
      if (rejectionsProducer != producer) {
        rejectionsProducer.close();
      }
    }
  }
}
