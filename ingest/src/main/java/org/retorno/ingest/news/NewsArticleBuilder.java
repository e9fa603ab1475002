package org.retorno.ingest.news;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import org.retorno.avro.NewsArticle;
import org.retorno.avro.SourceKind;
import org.retorno.ingest.IngestOptions;
import org.retorno.ingest.text.FeedDates;
import org.retorno.ingest.text.HtmlText;
import org.retorno.ingest.text.IdentifierScrubber;
import org.retorno.ingest.text.LanguageDetector;
import org.retorno.ingest.text.Languages;
import org.retorno.ingest.text.TextKey;

/** Turns an item as a source stated it into the article record: text cleaned, identifiers scrubbed, keyed. */
final class NewsArticleBuilder {
  /** What an article's outlet is when neither the item, the feed nor the operator names one. */
  static final String UNKNOWN_OUTLET = "unknown";

  private NewsArticleBuilder() {}

  /** @return the article, or empty when the item has no text */
  static Optional<NewsArticle> build(RawNewsItem item, Feed feed, IngestOptions options, Instant retrievedAt) {
    String body = item.plainText() != null && !item.plainText().isBlank()
        ? HtmlText.tidyLines(item.plainText())
        : item.html() == null ? "" : HtmlText.toText(item.html());
    String text = IdentifierScrubber.scrub(body);
    if (text.isBlank()) {
      return Optional.empty();
    }
    String title = options.title() != null ? options.title()
        : item.title() == null ? "" : HtmlText.toLine(item.title());
    return Optional.of(NewsArticle.newBuilder()
        .setId(TextKey.ofText(text))
        .setUrl(webUrl(item.url()))
        .setTitle(IdentifierScrubber.scrub(title))
        .setOutlet(outlet(item, feed, options))
        .setSourceKind(options.sourceKindOr(SourceKind.NEWS))
        .setLanguage(language(item, feed, options, title + "\n" + text))
        .setPublishedAt(FeedDates.parse(item.published())
            .orElse(options.publishedDate() == null ? null
                : options.publishedDate().atStartOfDay(ZoneOffset.UTC).toInstant()))
        .setRetrievedAt(retrievedAt)
        .setText(text)
        .build());
  }

  /**
   * The item's own declaration first. A feed declares one language for all its items, and feeds on
   * the border beat mix English and Spanish, so the text itself, when the detector is sure, beats the
   * feed's (and the operator's batch-wide) declaration.
   */
  private static String language(RawNewsItem item, Feed feed, IngestOptions options, String text) {
    String declared = Languages.iso639_1(item.language());
    if (declared != null) {
      return declared;
    }
    String detected = LanguageDetector.detect(text);
    return detected != null ? detected : Languages.firstOf(feed.language(), options.language());
  }

  private static String outlet(RawNewsItem item, Feed feed, IngestOptions options) {
    for (String candidate : new String[] {options.sourceName(), item.outlet(), feed.title()}) {
      if (candidate != null && !candidate.isBlank()) {
        return HtmlText.toLine(candidate);
      }
    }
    return UNKNOWN_OUTLET;
  }

  /** Only web addresses are kept: a mailto: or file: link identifies a person or a machine. */
  private static String webUrl(String url) {
    if (url == null) {
      return null;
    }
    String tidy = url.strip();
    String lower = tidy.toLowerCase(Locale.ROOT);
    return lower.startsWith("http://") || lower.startsWith("https://") ? tidy : null;
  }
}
