package org.retorno.local.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.retorno.avro.SourceKind;
import org.retorno.ingest.IngestAccount;
import org.retorno.ingest.IngestException;
import org.retorno.ingest.IngestListener;
import org.retorno.ingest.IngestOptions;
import org.retorno.ingest.IngestSettings;
import org.retorno.ingest.Ingestor;
import org.retorno.ingest.SourceType;
import org.retorno.ingest.run.InboxWatcher;
import org.retorno.ingest.run.IngestReport;
import org.retorno.ingest.run.TerminalProgress;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.TypeConversionException;

@Command(name = "ingest", mixinStandardHelpOptions = true,
    description = {"Send news (RSS, Atom, JSON Lines), NGO reports (txt, html, pdf) or case-count CSV to Kafka.",
        "Ends with an account: read = produced + duplicates + rejected. Rejections also go to the ingest-rejections topic.",
        "What earlier runs sent is read from the topics and skipped, so a rerun sends only what is missing.",
        "Exit 0: all accepted; 2: something was rejected; 1: a failure (e.g. Kafka did not acknowledge records)."})
final class IngestCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "news|reports|counts", description = "What the inputs are.")
  String type;

  @Parameters(index = "1..*", arity = "0..*", paramLabel = "PATH",
      description = "Files or directories (.gz files are expanded). Not needed with --watch.")
  List<Path> paths = List.of();

  @Mixin
  ClientOptions client;

  @Option(names = "--source-kind", description = "Who published: ${COMPLETION-CANDIDATES}.")
  SourceKind sourceKind;

  @Option(names = "--source-name", description = "Outlet, organisation or table source, overriding the files.")
  String sourceName;

  @Option(names = "--title", description = "Title for every record of this batch.")
  String title;

  @Option(names = "--language", description = "ISO 639-1 language when an item does not state one.")
  String language;

  @Option(names = "--date", description = "Publication date (yyyy-mm-dd) when an item does not state one.")
  LocalDate date;

  @Option(names = "--watch", paramLabel = "DIR",
      description = "Keep polling DIR for new and changed files until Ctrl-C; restarts send nothing twice.")
  Path watch;

  @Option(names = "--poll-seconds", defaultValue = "5", paramLabel = "N",
      description = "Seconds between polls of the --watch directory (default ${DEFAULT-VALUE}).")
  int pollSeconds;

  @Option(names = "--report", paramLabel = "FILE",
      description = "Write the account and every rejection as JSON to FILE (with --watch, after each poll).")
  Path report;

  @Option(names = "--max-file-size", defaultValue = "50MB", paramLabel = "SIZE", converter = SizeConverter.class,
      description = "Largest document, also the most a .gz may expand to: bytes or KB/MB/GB (default ${DEFAULT-VALUE}).")
  long maxFileBytes;

  @Option(names = "--max-pdf-pages", defaultValue = "" + IngestSettings.DEFAULT_MAX_PDF_PAGES, paramLabel = "N",
      description = "PDFs with more pages are rejected (default ${DEFAULT-VALUE}).")
  int maxPdfPages;

  @Option(names = "--send-attempts", defaultValue = "" + IngestSettings.DEFAULT_SEND_ATTEMPTS, paramLabel = "N",
      description = "Attempts per record, with a doubling pause from 1 s, before it is reported not sent (default ${DEFAULT-VALUE}).")
  int sendAttempts;

  @Option(names = "--no-progress", description = "No progress bar (it is drawn only on a terminal, on runs over a second).")
  boolean noProgress;

  @Override
  public Integer call() throws Exception {
    SourceType sourceType = parseType(type);
    if (watch == null && paths.isEmpty()) {
      throw new IllegalArgumentException("name the files or directories to ingest, or an inbox with --watch DIR");
    }
    IngestOptions options = new IngestOptions(sourceKind, sourceName, title, language, date);
    IngestSettings settings = IngestSettings.defaults().withMaxFileBytes(maxFileBytes).withMaxPdfPages(maxPdfPages)
        .withRetry(sendAttempts, Duration.ofSeconds(1), Duration.ofSeconds(30));
    IngestListener progress = noProgress ? IngestListener.NONE : TerminalProgress.forConsole();
    try (Ingestor ingestor = Ingestor.connect(client.toProperties(), settings)) {
      IngestAccount account = paths.isEmpty() ? IngestAccount.empty() : once(ingestor, sourceType, options, progress);
      if (watch != null) {
        account = account.plus(watch(ingestor, sourceType, options, progress));
      }
      return account.rejected() > 0 ? 2 : 0;
    }
  }

  private IngestAccount once(Ingestor ingestor, SourceType sourceType, IngestOptions options, IngestListener progress) {
    try {
      IngestAccount account = ingestor.ingest(sourceType, paths, options, progress);
      System.out.println("ingest " + type + ": " + account.summary());
      writeReport(sourceType, account, true);
      return account;
    } catch (IngestException e) {
      // What was and was not sent, before the one-line error.
      System.out.println("ingest " + type + " (stopped): " + e.partialAccount().summary());
      writeReport(sourceType, e.partialAccount(), false);
      throw e;
    }
  }

  private IngestAccount watch(Ingestor ingestor, SourceType sourceType, IngestOptions options, IngestListener progress)
      throws InterruptedException {
    InboxWatcher watcher = new InboxWatcher(ingestor, sourceType, watch, options, progress, Clock.systemUTC(),
        Duration.ofSeconds(pollSeconds));
    CountDownLatch stop = new CountDownLatch(1);
    CountDownLatch finished = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      stop.countDown();
      try {
        // Let the poll in progress finish, so its sends are acknowledged or reported.
        finished.await(2, TimeUnit.MINUTES);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "retorno-ingest-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    System.out.println("ingest " + type + ": watching " + watch + " every " + pollSeconds + " s; Ctrl-C stops");
    try {
      IngestAccount total = watcher.run(Duration.ofSeconds(pollSeconds), stop, poll -> {
        System.out.println("ingest " + type + " (poll): " + poll.summary() + "; since start: " + watcher.total().summary());
        writeReport(sourceType, watcher.total(), poll.notSent().isEmpty());
      });
      System.out.println("ingest " + type + " (stopped watching): " + total.summary());
      return total;
    } finally {
      finished.countDown();
    }
  }

  private void writeReport(SourceType sourceType, IngestAccount account, boolean complete) {
    if (report != null) {
      IngestReport.write(report, sourceType, account, complete);
    }
  }

  static SourceType parseType(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "news" -> SourceType.NEWS;
      case "reports" -> SourceType.REPORTS;
      case "counts" -> SourceType.COUNTS;
      default -> throw new IllegalArgumentException("unknown input type '" + text
          + "': use news, reports or counts");
    };
  }

  /** "50MB", "512 KB", "2g", "1048576": a size in bytes, units of 1024. */
  static final class SizeConverter implements ITypeConverter<Long> {
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*([kmg]?)(?:i?b)?", Pattern.CASE_INSENSITIVE);

    @Override
    public Long convert(String value) {
      Matcher matcher = SIZE.matcher(value.strip());
      if (!matcher.matches()) {
        throw new TypeConversionException("'" + value + "' is not a size (e.g. 50MB, 512KB, 1048576)");
      }
      long number = Long.parseLong(matcher.group(1));
      int shift = switch (matcher.group(2).toLowerCase(Locale.ROOT)) {
        case "k" -> 10;
        case "m" -> 20;
        case "g" -> 30;
        default -> 0;
      };
      if (number <= 0 || Long.numberOfLeadingZeros(number) <= shift) {
        throw new TypeConversionException("'" + value + "' is not a positive size");
      }
      return number << shift;
    }
  }
}
