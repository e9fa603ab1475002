package org.retorno.local.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.retorno.avro.SourceKind;
import org.retorno.ingest.IngestAccount;
import org.retorno.ingest.IngestOptions;
import org.retorno.ingest.Ingestor;
import org.retorno.ingest.SourceType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "ingest", mixinStandardHelpOptions = true,
    description = {"Send news (RSS, Atom, JSON Lines), NGO reports (txt, html, pdf) or case-count CSV to Kafka.",
        "Ends with an account: read = produced + duplicates + rejected. Rejections also go to the ingest-rejections topic."})
final class IngestCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "news|reports|counts", description = "What the inputs are.")
  String type;

  @Parameters(index = "1..*", arity = "1..*", paramLabel = "PATH", description = "Files or directories.")
  List<Path> paths;

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

  @Override
  public Integer call() {
    SourceType sourceType = parseType(type);
    IngestOptions options = new IngestOptions(sourceKind, sourceName, title, language, date);
    try (Ingestor ingestor = Ingestor.connect(client.toProperties())) {
      IngestAccount account = ingestor.ingest(sourceType, paths, options);
      System.out.println("ingest " + type + ": " + account.summary());
      return account.rejected() > 0 ? 2 : 0;
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
}
