package org.retorno.streams.topology;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;
import org.retorno.avro.CaseCountRow;
import org.retorno.avro.CityCounts;
import org.retorno.avro.Claim;
import org.retorno.avro.Event;
import org.retorno.avro.NewsArticle;
import org.retorno.avro.NgoReport;

/**
 * Stream time is event time: when an article was published, when a counted period ended, when
 * a claimed event happened. Records without such a time keep their Kafka timestamp.
 */
public final class EventTimeExtractor implements TimestampExtractor {

  @Override
  public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
    Instant time = eventTime(record.value());
    if (time != null) {
      return time.toEpochMilli();
    }
    return record.timestamp() >= 0 ? record.timestamp() : Math.max(partitionTime, 0L);
  }

  static Instant eventTime(Object value) {
    if (value instanceof NewsArticle article) {
      return article.getPublishedAt() != null ? article.getPublishedAt() : article.getRetrievedAt();
    }
    if (value instanceof NgoReport report) {
      return report.getPublishedDate() != null ? midnight(report.getPublishedDate()) : report.getRetrievedAt();
    }
    if (value instanceof CaseCountRow row) {
      return midnight(row.getPeriodEnd());
    }
    if (value instanceof Claim claim) {
      LocalDate date = Countable.dateOf(claim);
      return date != null ? midnight(date) : null;
    }
    if (value instanceof Event event) {
      return midnight(event.getEventDate());
    }
    if (value instanceof CityCounts counts) {
      return midnight(counts.getPeriodStart());
    }
    return null;
  }

  private static Instant midnight(LocalDate date) {
    return date.atStartOfDay(ZoneOffset.UTC).toInstant();
  }
}
