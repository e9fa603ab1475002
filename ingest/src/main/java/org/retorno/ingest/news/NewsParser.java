package org.retorno.ingest.news;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.retorno.avro.NewsArticle;
import org.retorno.ingest.FileBytes;
import org.retorno.ingest.IngestOptions;
import org.retorno.ingest.InputFile;
import org.retorno.ingest.InputRejectedException;
import org.retorno.ingest.ItemSink;
import org.retorno.ingest.Reason;
import org.retorno.ingest.SourceParser;

/** News files: RSS and Atom feeds ({@code .xml}, {@code .rss}, {@code .atom}) and JSON Lines dumps ({@code .jsonl}). */
public final class NewsParser implements SourceParser {
  private final Clock clock;

  public NewsParser(Clock clock) {
    this.clock = clock;
  }

  @Override
  public void parse(InputFile file, IngestOptions options, ItemSink sink) throws InputRejectedException {
    Instant retrievedAt = clock.instant();
    switch (file.extension()) {
      case "xml", "rss", "atom" -> {
        Feed feed = FeedReader.read(FileBytes.read(file));
        feed.items().forEach(item -> emit(item, feed, options, retrievedAt, sink));
      }
      case "jsonl" -> {
        Feed noFeed = new Feed(null, null, List.of());
        JsonLinesReader.read(FileBytes.readText(file).text(),
            item -> emit(item, noFeed, options, retrievedAt, sink), sink);
      }
      default -> throw new InputRejectedException(Reason.UNSUPPORTED_FILE_TYPE, null,
          "news takes .xml, .rss, .atom or .jsonl");
    }
  }

  private static void emit(RawNewsItem item, Feed feed, IngestOptions options, Instant retrievedAt, ItemSink sink) {
    Optional<NewsArticle> article = NewsArticleBuilder.build(item, feed, options, retrievedAt);
    if (article.isPresent()) {
      sink.accept(item.position(), article.get().getId(), article.get());
    } else {
      sink.reject(item.position(), Reason.NO_TEXT, null);
    }
  }
}
