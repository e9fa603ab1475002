package org.retorno.ingest.run;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.retorno.ingest.IngestAccount;
import org.retorno.ingest.IngestListener;
import org.retorno.ingest.InputFile;
import org.retorno.ingest.SourceType;

/**
 * A one-line progress bar by bytes, with the count of files, redrawn in place. It appears only on
 * long runs (after {@code delay}) and at most ten times a second; the line is cleared at the end,
 * so what stays on screen is the account. Use {@link #forConsole()} to draw only on a terminal.
 */
public final class TerminalProgress implements IngestListener {
  private static final int BAR_WIDTH = 30;
  private static final long REDRAW_NANOS = Duration.ofMillis(100).toNanos();

  private final PrintStream out;
  private final LongSupplier nanoTime;
  private final long delayNanos;
  private int totalFiles;
  private long totalBytes;
  private int doneFiles;
  private long doneBytes;
  private long startedAt;
  private long drawnAt;
  private int drawnWidth;

  public TerminalProgress(PrintStream out, LongSupplier nanoTime, Duration delay) {
    this.out = out;
    this.nanoTime = nanoTime;
    this.delayNanos = delay.toNanos();
  }

  /**
   * A bar on standard error when this process runs in a terminal, else nothing: in a pipe or a log
   * file, carriage returns would only be noise. {@code System.console()} is null unless standard
   * input and output are both terminals.
   */
  public static IngestListener forConsole() {
    return System.console() != null ? new TerminalProgress(System.err, System::nanoTime, Duration.ofSeconds(1))
        : IngestListener.NONE;
  }

  @Override
  public void started(SourceType type, int files, long bytes) {
    totalFiles = files;
    totalBytes = bytes;
    doneFiles = 0;
    doneBytes = 0;
    startedAt = nanoTime.getAsLong();
    drawnAt = 0;
  }

  @Override
  public void fileDone(InputFile file, long bytes, IngestAccount account) {
    doneFiles++;
    doneBytes += bytes;
    long now = nanoTime.getAsLong();
    if (now - startedAt >= delayNanos && (drawnWidth == 0 || now - drawnAt >= REDRAW_NANOS)) {
      String line = render(doneFiles, totalFiles, doneBytes, totalBytes);
      out.print("\r" + line);
      out.flush();
      drawnAt = now;
      drawnWidth = line.length();
    }
  }

  @Override
  public void finished(IngestAccount account) {
    if (drawnWidth > 0) {
      out.print("\r" + " ".repeat(drawnWidth) + "\r");
      out.flush();
      drawnWidth = 0;
    }
  }

  /** "[#########.....................]  31%  12/30 files  1.2/3.9 MB" */
  static String render(int doneFiles, int totalFiles, long doneBytes, long totalBytes) {
    double fraction = totalBytes > 0 ? (double) doneBytes / totalBytes
        : totalFiles > 0 ? (double) doneFiles / totalFiles : 1.0;
    int filled = (int) Math.round(fraction * BAR_WIDTH);
    return String.format(Locale.ROOT, "[%s%s] %3d%%  %d/%d files  %.1f/%.1f MB", "#".repeat(filled),
        ".".repeat(BAR_WIDTH - filled), Math.round(fraction * 100), doneFiles, totalFiles,
        doneBytes / 1_048_576.0, totalBytes / 1_048_576.0);
  }
}
