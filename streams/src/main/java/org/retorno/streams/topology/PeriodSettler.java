package org.retorno.streams.topology;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.retorno.avro.CityCounts;
import org.retorno.avro.PeriodStatus;

/**
 * Gives each period its status. A period is provisional until stream time (event time) is more
 * than the settling time past its end; then it is settled. A settled period that late news still
 * revises gets the next revision number, so an analyst who cited revision 0 can see it changed.
 * Periods also settle when stream time moves on without touching them (a stream-time punctuation).
 */
final class PeriodSettler implements Processor<String, CityCounts, String, CityCounts> {
  private final String storeName;
  private final String pendingStoreName;
  private final Duration settling;
  private ProcessorContext<String, CityCounts> context;
  private KeyValueStore<String, CityCounts> published;
  /** Provisional periods by "periodEnd|key": the due ones are one range scan away. */
  private KeyValueStore<String, String> pending;

  PeriodSettler(String storeName, String pendingStoreName, int settleDays) {
    this.storeName = storeName;
    this.pendingStoreName = pendingStoreName;
    this.settling = Duration.ofDays(settleDays);
  }

  @Override
  public void init(ProcessorContext<String, CityCounts> context) {
    this.context = context;
    this.published = context.getStateStore(storeName);
    this.pending = context.getStateStore(pendingStoreName);
    context.schedule(Duration.ofHours(6), PunctuationType.STREAM_TIME, this::settleDue);
  }

  @Override
  public void process(Record<String, CityCounts> record) {
    if (record.value() == null) {
      return;
    }
    CityCounts previous = published.get(record.key());
    if (previous != null && sameCounts(previous, record.value())) {
      return;
    }
    boolean settled = isSettled(record.value(), context.currentStreamTimeMs());
    int revision = settled && previous != null && previous.getStatus() == PeriodStatus.SETTLED
        ? previous.getRevision() + 1 : 0;
    // The aggregate hands over a value of its own (its store keeps bytes), so it is stamped in
    // place: a builder would deep-copy every id list of the period.
    CityCounts next = record.value();
    next.setStatus(settled ? PeriodStatus.SETTLED : PeriodStatus.PROVISIONAL);
    next.setRevision(revision);
    published.put(record.key(), next);
    String pendingKey = next.getPeriodEnd() + "|" + record.key();
    if (settled) {
      pending.delete(pendingKey);
    } else {
      pending.put(pendingKey, record.key());
    }
    context.forward(record.withValue(next));
  }

  private void settleDue(long streamTime) {
    if (streamTime < 0) {
      return;
    }
    // Periods ending on or before this day are due: end + 1 day + settling <= stream time.
    LocalDate lastDueEnd = LocalDate.ofInstant(Instant.ofEpochMilli(streamTime).minus(settling), ZoneOffset.UTC)
        .minusDays(1);
    List<KeyValue<String, String>> due = new ArrayList<>();
    try (KeyValueIterator<String, String> range = pending.range("", lastDueEnd + "|\uffff")) {
      range.forEachRemaining(due::add);
    }
    for (KeyValue<String, String> entry : due) {
      pending.delete(entry.key);
      CityCounts current = published.get(entry.value);
      if (current == null || current.getStatus() == PeriodStatus.SETTLED || !isSettled(current, streamTime)) {
        continue;
      }
      CityCounts settled = CityCounts.newBuilder(current).setStatus(PeriodStatus.SETTLED)
          .setRevision(0).build();
      published.put(entry.value, settled);
      context.forward(new Record<>(entry.value, settled, streamTime));
    }
  }

  private boolean isSettled(CityCounts counts, long streamTimeMs) {
    if (streamTimeMs < 0) {
      return false;
    }
    LocalDate end = counts.getPeriodEnd();
    Instant settlesAt = end.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().plus(settling);
    return !Instant.ofEpochMilli(streamTimeMs).isBefore(settlesAt);
  }

  /** Category counts hold no dates, so Avro's own equality compares them field by field. */
  private static boolean sameCounts(CityCounts a, CityCounts b) {
    return a.getCounts().equals(b.getCounts());
  }
}
