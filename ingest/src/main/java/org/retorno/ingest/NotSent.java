package org.retorno.ingest;

import org.retorno.schemas.Topics;

/**
 * A record Kafka did not acknowledge after every attempt: what it was, where it came from and the
 * last error. A rerun sends it, because what is on the topic is skipped.
 *
 * @param source file name as in {@link Rejected#source()}
 * @param position "item 3", "line 12"; null for a whole-file record
 * @param topic where it should have gone; {@link Topics#INGEST_REJECTIONS} for a rejection record
 * @param error the exception's type and one-line message
 */
public record NotSent(String source, String position, String topic, String error) {

  /** A rejection's dead-letter record rather than an input item: it is not counted in {@code read}. */
  public boolean isRejectionRecord() {
    return topic.equals(Topics.INGEST_REJECTIONS);
  }

  /** "feed.xml item 3 (raw-news): TimeoutException: ...", for messages. */
  public String describe() {
    return source + (position == null ? "" : " " + position) + " (" + topic + "): " + error;
  }
}
