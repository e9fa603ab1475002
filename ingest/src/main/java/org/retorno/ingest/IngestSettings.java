package org.retorno.ingest;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits on what one input may cost, and how hard to try before a send counts as failed.
 *
 * @param maxFileBytes largest document read, also the most a compressed file may expand to
 * @param maxPdfPages a PDF with more pages is rejected before its text is extracted
 * @param sendAttempts how many times a record is sent before it counts as not sent (1 = no retry);
 *     every attempt already includes the Kafka producer's own retries within delivery.timeout.ms
 * @param firstBackoff pause before the second attempt; it doubles for each attempt after
 * @param maxBackoff the longest pause between attempts
 */
public record IngestSettings(long maxFileBytes, int maxPdfPages, int sendAttempts, Duration firstBackoff,
    Duration maxBackoff) {
  public static final long DEFAULT_MAX_FILE_BYTES = 50L * 1024 * 1024;
  public static final int DEFAULT_MAX_PDF_PAGES = 1_000;
  public static final int DEFAULT_SEND_ATTEMPTS = 3;

  public IngestSettings {
    if (maxFileBytes <= 0) {
      throw new IllegalArgumentException("maximum file size must be positive, not " + maxFileBytes);
    }
    if (maxPdfPages <= 0) {
      throw new IllegalArgumentException("maximum PDF pages must be positive, not " + maxPdfPages);
    }
    if (sendAttempts <= 0) {
      throw new IllegalArgumentException("send attempts must be at least 1, not " + sendAttempts);
    }
    Objects.requireNonNull(firstBackoff, "firstBackoff");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
  }

  public static IngestSettings defaults() {
    return new IngestSettings(DEFAULT_MAX_FILE_BYTES, DEFAULT_MAX_PDF_PAGES, DEFAULT_SEND_ATTEMPTS,
        Duration.ofSeconds(1), Duration.ofSeconds(30));
  }

  public IngestSettings withMaxFileBytes(long bytes) {
    return new IngestSettings(bytes, maxPdfPages, sendAttempts, firstBackoff, maxBackoff);
  }

  public IngestSettings withMaxPdfPages(int pages) {
    return new IngestSettings(maxFileBytes, pages, sendAttempts, firstBackoff, maxBackoff);
  }

  public IngestSettings withRetry(int attempts, Duration first, Duration max) {
    return new IngestSettings(maxFileBytes, maxPdfPages, attempts, first, max);
  }

  /** The pause after failed attempt {@code attempt} (1-based): first, doubled each time, capped. */
  public Duration backoffAfter(int attempt) {
    Duration pause = firstBackoff;
    for (int i = 1; i < attempt && pause.compareTo(maxBackoff) < 0; i++) {
      pause = pause.multipliedBy(2);
    }
    return pause.compareTo(maxBackoff) > 0 ? maxBackoff : pause;
  }

  /** "50.0 MB": sizes in messages, in mebibytes as operators mean them. */
  public static String megabytes(long bytes) {
    return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1_048_576.0);
  }
}
