package org.retorno.ingest;

/**
 * One input that was not accepted.
 *
 * @param source file name, relative to the directory it was found in (never an absolute path)
 * @param position "line 12", "item 3", "line 4, column 7"; null when the whole file is rejected
 * @param stage ingest-news, ingest-reports or ingest-counts
 * @param reason the reason's phrase, the key of {@link IngestAccount#rejectedByReason()}
 * @param detail what narrows the reason down (a column name, a parser position), never input content;
 *     may be null
 */
public record Rejected(String source, String position, String stage, String reason, String detail) {

  /** The one-line reason stored on the rejection topic: "unknown place" or "missing columns: metric, value". */
  public String fullReason() {
    return detail == null ? reason : reason + ": " + detail;
  }

  /** "counts.csv line 5: unknown place", for logs and error messages. */
  public String describe() {
    return source + (position == null ? "" : " " + position) + ": " + fullReason();
  }
}
