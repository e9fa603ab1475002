package org.retorno.ingest;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Reads and parses the next file on a thread of its own while the current one is sent and
 * acknowledged: on two cores parsing and validating one file and producing the one before overlap
 * instead of taking turns. One file ahead at most, so memory holds two files' items, not the
 * run's. Files are handed out in their order; what becomes of their items is decided by whoever
 * takes them, on their own thread.
 */
final class ReadAhead<T> implements AutoCloseable {
  private final List<InputFile> files;
  private final Function<InputFile, T> read;
  private final ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
    Thread reader = new Thread(runnable, "retorno-ingest-read-ahead");
    reader.setDaemon(true);
    return reader;
  });
  private int nextIndex;
  private Future<T> next;

  ReadAhead(List<InputFile> files, Function<InputFile, T> read) {
    this.files = List.copyOf(files);
    this.read = read;
    this.next = files.isEmpty() ? null : thread.submit(() -> read.apply(this.files.get(0)));
  }

  /** The next file's result, waited for; starts reading the one after it. */
  T next() {
    if (next == null) {
      throw new IllegalStateException("read-ahead: no file left");
    }
    Future<T> current = next;
    nextIndex++;
    next = nextIndex < files.size() ? startReading(files.get(nextIndex)) : null;
    return await(current);
  }

  private Future<T> startReading(InputFile file) {
    return thread.submit(() -> read.apply(file));
  }

  /**
   * Waits like reading on this thread would: an interrupt does not abandon a file half read (the
   * run's account must cover it) but is kept for the caller to see.
   */
  private static <T> T await(Future<T> result) {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return result.get();
        } catch (InterruptedException e) {
          interrupted = true;
        } catch (ExecutionException e) {
          if (e.getCause() instanceof RuntimeException runtime) {
            throw runtime;
          }
          if (e.getCause() instanceof Error error) {
            throw error;
          }
          throw new IllegalStateException(e.getCause());
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * Stops reading ahead: a file read but not taken is dropped, as if never read. Waits until the
   * reading thread is done with it, so that the parsers are never used by two threads at once.
   */
  @Override
  public void close() {
    thread.shutdownNow();
    boolean interrupted = false;
    while (true) {
      try {
        if (thread.awaitTermination(1, TimeUnit.MINUTES)) {
          break;
        }
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
