package org.retorno.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.retorno.ingest.counts.CaseCountParser;
import org.retorno.ingest.news.NewsParser;
import org.retorno.ingest.reports.ReportParser;
import org.retorno.ingest.text.TextKey;
import org.retorno.schemas.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads news, reports and case-count files into their raw topics, every rejected input onto the
 * rejection topic, and accounts for every item read. A run returns only when Kafka has acknowledged
 * every record it counts as produced.
 *
 * <p>What earlier runs sent is skipped: the keys on the raw topic and the rejection ids on the
 * rejection topic are read once (see {@link TopicHistory}), and items with those keys count as
 * duplicates. So a rerun after a failure sends only what is missing, and a rerun of the same
 * inputs sends nothing. One run at a time: an ingestor is not meant to be shared by threads.
 *
 * <p>Files are read and parsed one ahead on a thread of the run's own ({@link ReadAhead}) while the
 * current one is sent; deduplication, sends, acknowledgements and the account stay on the calling
 * thread, in file order.
 */
public final class Ingestor implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Ingestor.class);
  private static final Duration HISTORY_TIMEOUT = Duration.ofSeconds(30);

  private final Producer<String, SpecificRecord> producer;
  private final Producer<String, SpecificRecord> rejectionsProducer;
  private final Clock clock;
  private final boolean ownsProducers;
  private final IngestSettings settings;
  private final KnownKeys known;
  private final InputGate gate;
  private final Map<SourceType, SourceParser> parsers;
  private FileRun.Pause pause = duration -> Thread.sleep(duration.toMillis());

  /** An ingestor with no memory of earlier runs and default limits, on producers the caller owns. */
  public Ingestor(Producer<String, SpecificRecord> producer,
      Producer<String, SpecificRecord> rejectionsProducer, Clock clock) {
    this(producer, rejectionsProducer, clock, IngestSettings.defaults(), SentHistory.none());
  }

  public Ingestor(Producer<String, SpecificRecord> producer, Producer<String, SpecificRecord> rejectionsProducer,
      Clock clock, IngestSettings settings, SentHistory history) {
    this(producer, rejectionsProducer, clock, settings, history, false);
  }

  private Ingestor(Producer<String, SpecificRecord> producer, Producer<String, SpecificRecord> rejectionsProducer,
      Clock clock, IngestSettings settings, SentHistory history, boolean ownsProducers) {
    this.producer = Objects.requireNonNull(producer, "producer");
    this.rejectionsProducer = Objects.requireNonNull(rejectionsProducer, "rejectionsProducer");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.known = new KnownKeys(Objects.requireNonNull(history, "history"));
    this.ownsProducers = ownsProducers;
    this.gate = new InputGate(settings.maxFileBytes());
    this.parsers = new EnumMap<>(Map.of(
        SourceType.NEWS, new NewsParser(clock),
        SourceType.REPORTS, new ReportParser(clock, settings),
        SourceType.COUNTS, new CaseCountParser(clock)));
  }

  /** {@link #connect(Properties, IngestSettings)} with the default limits. */
  public static Ingestor connect(Properties clientProperties) {
    return connect(clientProperties, IngestSettings.defaults());
  }

  /**
   * An ingestor with its own Kafka producer (String keys, Avro values in the Confluent wire format,
   * acks=all, idempotent), closed with the ingestor, that reads what earlier runs sent from the
   * topics themselves.
   *
   * @param clientProperties bootstrap.servers, schema.registry.url and any client security settings
   */
  public static Ingestor connect(Properties clientProperties, IngestSettings settings) {
    KafkaProducer<String, SpecificRecord> producer =
        new KafkaProducer<>(IngestProducerConfig.from(clientProperties));
    return new Ingestor(producer, producer, Clock.systemUTC(), settings,
        new TopicHistory(clientProperties, historyTimeout(clientProperties)), true);
  }

  /** How long reading what the topics hold may wait for a broker: the consumer's API timeout when set. */
  private static Duration historyTimeout(Properties clientProperties) {
    String configured = clientProperties.getProperty("default.api.timeout.ms");
    try {
      return configured == null ? HISTORY_TIMEOUT : Duration.ofMillis(Long.parseLong(configured.strip()));
    } catch (NumberFormatException e) {
      return HISTORY_TIMEOUT;
    }
  }

  /** Replaces the pause between send attempts (tests: no waiting). */
  Ingestor withPause(FileRun.Pause newPause) {
    this.pause = newPause;
    return this;
  }

  public IngestAccount ingest(SourceType type, List<Path> inputs, IngestOptions options) {
    return ingest(type, inputs, options, IngestListener.NONE);
  }

  /**
   * Ingests files and directories (recursed, in sorted order) of one source type.
   *
   * @throws IngestException naming the input, when an input does not exist, the topics cannot be
   *     read, or Kafka did not acknowledge a record after every attempt; then the run stops after
   *     that file, and the exception's partial account tells what was sent and what was not
   */
  public IngestAccount ingest(SourceType type, List<Path> inputs, IngestOptions options, IngestListener listener) {
    Objects.requireNonNull(type, "type");
    IngestOptions effective = options == null ? IngestOptions.defaults() : options;
    List<InputFile> files;
    try {
      files = InputFiles.expand(inputs);
    } catch (IllegalArgumentException e) {
      throw new IngestException(type.label() + ": " + e.getMessage(), IngestAccount.empty(), e);
    }
    return ingestFiles(type, files, effective, listener);
  }

  /** Ingests files already listed, e.g. the new files of a watched inbox. */
  public IngestAccount ingestFiles(SourceType type, List<InputFile> files, IngestOptions options,
      IngestListener listener) {
    loadHistory(type);
    long[] sizes = files.stream().mapToLong(Ingestor::sizeOnDisk).toArray();
    listener.started(type, files.size(), java.util.Arrays.stream(sizes).sum());
    IngestAccount account = IngestAccount.empty();
    try (ReadAhead<ParsedFile> parsed = new ReadAhead<>(files, file -> parseFile(type, file, options))) {
      for (int i = 0; i < files.size(); i++) {
        InputFile file = files.get(i);
        FileRun run = send(type, parsed.next());
        run.settle(settings, pause);
        account = account.plus(run.account());
        LOG.info("{}: {}: {} {} ({} produced, {} duplicates, {} rejected{})", type.label(), file.name(),
            run.read(), run.read() == 1 ? "item" : "items", run.produced(), run.duplicates(), run.rejections().size(),
            run.notSent().isEmpty() ? "" : ", " + run.notSentItems() + " not sent");
        listener.fileDone(file, sizes[i], run.account());
        if (!run.notSent().isEmpty()) {
          throw stopped(type, run, account, files.size() - i - 1);
        }
      }
    }
    listener.finished(account);
    return account;
  }

  private void loadHistory(SourceType type) {
    try {
      known.load(type.topic());
      known.load(Topics.INGEST_REJECTIONS);
    } catch (IngestException e) {
      throw new IngestException(type.label() + ": " + e.getMessage(), IngestAccount.empty(), e.getCause());
    }
  }

  /** Opens and parses one file into its items, on the read-ahead thread: nothing is sent here. */
  private ParsedFile parseFile(SourceType type, InputFile file, IngestOptions options) {
    InputFile opened;
    try {
      opened = gate.open(file);
    } catch (InputRejectedException e) {
      ParsedFile parsed = new ParsedFile(file, null);
      parsed.reject(e.position(), e.reason(), e.detail());
      return parsed;
    }
    ParsedFile parsed = new ParsedFile(opened, TextKey.sha256Hex(opened.content()));
    try {
      parsers.get(type).parse(opened, options, parsed);
    } catch (InputRejectedException e) {
      parsed.reject(e.position(), e.reason(), e.detail());
    } catch (RuntimeException e) {
      // A parser bug must not lose the file silently; the exception message may quote content, so
      // only its type is kept.
      parsed.reject(null, Reason.PARSER_FAILURE, e.getClass().getSimpleName());
    }
    return parsed;
  }

  /** Deduplicates and sends a parsed file's items in their order, on the ingest thread. */
  private FileRun send(SourceType type, ParsedFile parsed) {
    FileRun run = newRun(type, parsed.file(), parsed.fingerprint());
    parsed.replayInto(run);
    return run;
  }

  private FileRun newRun(SourceType type, InputFile file, String fingerprint) {
    return new FileRun(type, file, fingerprint, known, producer, rejectionsProducer, clock);
  }

  private static IngestException stopped(SourceType type, FileRun run, IngestAccount account, int filesLeft) {
    NotSent first = run.notSent().get(0);
    String message = type.label() + ": " + first.source() + (first.position() == null ? "" : " " + first.position())
        + (first.isRejectionRecord() ? " (rejection record)" : "") + ": not acknowledged by Kafka ("
        + first.error() + "); not sent: " + run.notSentItems() + " of " + run.read() + " items of "
        + first.source() + (run.notSent().size() > run.notSentItems()
            ? " and " + (run.notSent().size() - run.notSentItems()) + " rejection records" : "")
        + "; sent in this run: " + account.produced() + "; files not read: " + filesLeft
        + "; a rerun sends only what is missing";
    return new IngestException(message, account, null);
  }

  private static long sizeOnDisk(InputFile file) {
    try {
      return Files.isRegularFile(file.path()) ? Files.size(file.path()) : 0;
    } catch (IOException e) {
      return 0;
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
