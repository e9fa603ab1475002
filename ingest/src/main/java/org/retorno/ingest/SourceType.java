package org.retorno.ingest;

import org.retorno.avro.SourceKind;
import org.retorno.schemas.Topics;

/** The three kinds of input, each with its raw topic, its rejection stage and its default publisher kind. */
public enum SourceType {
  NEWS(Topics.RAW_NEWS, "ingest-news", SourceKind.NEWS),
  REPORTS(Topics.RAW_REPORTS, "ingest-reports", SourceKind.NGO),
  COUNTS(Topics.RAW_CASE_COUNTS, "ingest-counts", SourceKind.GOVERNMENT);

  private final String topic;
  private final String stage;
  private final SourceKind defaultSourceKind;

  SourceType(String topic, String stage, SourceKind defaultSourceKind) {
    this.topic = topic;
    this.stage = stage;
    this.defaultSourceKind = defaultSourceKind;
  }

  public String topic() { return topic; }

  /** The stage named on rejections, e.g. {@code ingest-news}. */
  public String stage() { return stage; }

  public SourceKind defaultSourceKind() { return defaultSourceKind; }

  /** Lower-case label used in log lines ("news: feed.xml: 5 items"). */
  public String label() { return name().toLowerCase(java.util.Locale.ROOT); }
}
