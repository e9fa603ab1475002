package org.retorno.ingest.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.retorno.ingest.IngestAccount;
import org.retorno.ingest.IngestException;
import org.retorno.ingest.IngestListener;
import org.retorno.ingest.IngestOptions;
import org.retorno.ingest.Ingestor;
import org.retorno.ingest.InputFile;
import org.retorno.ingest.InputFiles;
import org.retorno.ingest.SourceType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An inbox directory, polled for new and changed files, each ingested once it has stopped changing
 * (same size and modification time as at the previous poll, or untouched for {@code settle}), so a
 * file still being copied in is not read half-written.
 *
 * <p>Across restarts nothing is sent twice and nothing is skipped because the watcher keeps no state
 * of its own: on start it reads every file in the inbox again, and the ingestor skips what the
 * topics already hold (records by key, rejections by id). Within a process it remembers which
 * version of each file it ingested, so a poll reads only what is new. A poll whose sends fail is
 * retried at the next poll; what was acknowledged is not sent again.
 */
public final class InboxWatcher {
  private static final Logger LOG = LoggerFactory.getLogger(InboxWatcher.class);

  private record Stamp(long size, Instant modified) {}

  private final Ingestor ingestor;
  private final SourceType type;
  private final Path inbox;
  private final IngestOptions options;
  private final IngestListener listener;
  private final Clock clock;
  private final Duration settle;
  private Map<Path, Stamp> previousPoll = new HashMap<>();
  private final Map<Path, Stamp> ingested = new HashMap<>();
  private IngestAccount total = IngestAccount.empty();

  public InboxWatcher(Ingestor ingestor, SourceType type, Path inbox, IngestOptions options,
      IngestListener listener, Clock clock, Duration settle) {
    if (!Files.isDirectory(inbox)) {
      throw new IllegalArgumentException(inbox.getFileName() + ": not a directory to watch");
    }
    this.ingestor = ingestor;
    this.type = type;
    this.inbox = inbox;
    this.options = options;
    this.listener = listener;
    this.clock = clock;
    this.settle = settle;
  }

  /**
   * Ingests the files that are new or changed and have settled.
   *
   * @return the account of this poll
   * @throws IngestException when Kafka did not acknowledge records; the next poll tries again
   */
  public IngestAccount poll() {
    Map<Path, Stamp> seen = new HashMap<>();
    List<InputFile> ready = new ArrayList<>();
    Instant now = clock.instant();
    for (InputFile file : InputFiles.expand(List.of(inbox))) {
      Stamp stamp = stamp(file.path());
      seen.put(file.path(), stamp);
      boolean settled = stamp.equals(previousPoll.get(file.path()))
          || stamp.modified().plus(settle).isBefore(now);
      if (settled && !stamp.equals(ingested.get(file.path()))) {
        ready.add(file);
      }
    }
    previousPoll = seen;
    if (ready.isEmpty()) {
      return IngestAccount.empty();
    }
    IngestAccount account;
    try {
      account = ingestor.ingestFiles(type, ready, options, listener);
    } catch (IngestException e) {
      total = total.plus(e.partialAccount());
      throw e;
    }
    ready.forEach(file -> ingested.put(file.path(), seen.get(file.path())));
    total = total.plus(account);
    return account;
  }

  /** What every poll since the start did. */
  public IngestAccount total() {
    return total;
  }

  /**
   * Polls every {@code interval} until {@code stop} is counted down; a poll in progress is finished
   * first, so every send it made is acknowledged or reported.
   *
   * @param afterPoll told of each poll that read something, or that failed
   */
  public IngestAccount run(Duration interval, CountDownLatch stop, Consumer<IngestAccount> afterPoll)
      throws InterruptedException {
    LOG.info("{}: watching {} every {} s", type.label(), inbox.getFileName(), interval.toSeconds());
    do {
      try {
        IngestAccount account = poll();
        if (account.read() > 0) {
          afterPoll.accept(account);
        }
      } catch (IngestException e) {
        LOG.warn("{}: poll failed, retrying at the next poll: {}", type.label(), e.getMessage());
        afterPoll.accept(e.partialAccount());
      }
    } while (!stop.await(interval.toMillis(), TimeUnit.MILLISECONDS));
    return total;
  }

  private static Stamp stamp(Path file) {
    try {
      BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
      return new Stamp(attributes.size(), attributes.lastModifiedTime().toInstant());
    } catch (IOException e) {
      // Gone or unreadable between listing and now: the ingestor will say which.
      return new Stamp(-1, Instant.EPOCH);
    }
  }
}
