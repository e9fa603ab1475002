package org.retorno.streams.topology;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.retorno.avro.Claim;
import org.retorno.avro.Count;
import org.retorno.avro.CountKind;
import org.retorno.avro.CountSemantics;
import org.retorno.avro.SeriesObservations;
import org.retorno.avro.TimePrecision;

/**
 * Stage 3, cumulative -> increments. One source's running totals for a city and metric ("more
 * than 56,000 returned since January") are differenced in date order: 400, 636, 1,314 become
 * increments of 400, 236 and 678. A total revised down is a correction, not a negative event: its
 * increment is zero, and a zero increment is no event. A total that arrives late, or is withdrawn,
 * re-derives the increments of its whole series; unchanged increments are no-ops downstream.
 */
final class CumulativeIncrements implements Processor<String, Claim, String, Claim> {
  static final String EXTRACTOR_VERSION = "cumulative-difference/1";

  private ProcessorContext<String, Claim> context;
  private KeyValueStore<String, SeriesObservations> store;

  @Override
  public void init(ProcessorContext<String, Claim> context) {
    this.context = context;
    this.store = context.getStateStore(Names.SERIES_STORE);
  }

  static boolean isIncrement(Claim claim) {
    return claim.getExtractorVersion().equals(EXTRACTOR_VERSION);
  }

  @Override
  public void process(Record<String, Claim> record) {
    Claim total = record.value();
    SeriesObservations stored = store.get(record.key());
    List<Claim> observations = new ArrayList<>(stored != null ? stored.getObservations() : List.of());
    List<Claim> before = increments(observations);
    observations.removeIf(claim -> claim.getId().equals(total.getId()));
    if (!total.getRetracted()) {
      observations.add(total);
    }
    observations.sort(Comparator.comparing(Countable::dateOf).thenComparing(Claim::getId));
    List<Claim> after = increments(observations);

    List<String> live = after.stream().map(Claim::getId).toList();
    for (Claim gone : before) {
      if (!live.contains(gone.getId())) {
        forward(record, Claim.newBuilder(gone).setRetracted(true).build());
      }
    }
    for (Claim increment : after) {
      forward(record, increment);
    }
    if (observations.isEmpty()) {
      store.delete(record.key());
    } else {
      store.put(record.key(), new SeriesObservations(observations));
    }
  }

  private void forward(Record<String, Claim> record, Claim claim) {
    context.forward(record.withKey(claim.getId()).withValue(claim));
  }

  /** The increments a series of totals implies; a zero increment is sent as a retraction. */
  static List<Claim> increments(List<Claim> totals) {
    List<Claim> increments = new ArrayList<>();
    Claim previous = null;
    for (Claim total : totals) {
      long difference = total.getCount().getValue() - (previous == null ? 0 : previous.getCount().getValue());
      increments.add(increment(previous, total, Math.max(0, difference)));
      previous = total;
    }
    return increments;
  }

  private static Claim increment(Claim previous, Claim total, long value) {
    CountKind kind = previous == null ? total.getCount().getKind()
        : total.getCount().getKind() == CountKind.EXACT && previous.getCount().getKind() == CountKind.EXACT
            ? CountKind.EXACT : CountKind.APPROXIMATE;
    List<String> reasons = new ArrayList<>(total.getConfidenceReasons());
    reasons.add(previous == null
        ? "first running total of " + total.getSourceName() + " in this series"
        : "difference of running totals " + previous.getCount().getValue() + " (" + Countable.dateOf(previous)
            + ") and " + total.getCount().getValue() + " (" + Countable.dateOf(total) + ") of " + total.getSourceName());
    if (previous != null && total.getCount().getValue() < previous.getCount().getValue()) {
      reasons.add("total revised down: a correction, not a negative event");
    }
    return Claim.newBuilder(total)
        .setId("inc-" + total.getId())
        .setCount(new Count(value, kind, null, null, total.getCount().getText()))
        .setSemantics(CountSemantics.INCREMENT)
        .setEventDate(Countable.dateOf(total))
        .setPeriodEnd(Countable.dateOf(total))
        .setEventDatePrecision(previous == null ? total.getEventDatePrecision()
            : precisionOf(ChronoUnit.DAYS.between(Countable.dateOf(previous), Countable.dateOf(total))))
        .setExtractorVersion(EXTRACTOR_VERSION)
        .setConfidenceReasons(reasons)
        .setRetracted(value == 0)
        .build();
  }

  private static TimePrecision precisionOf(long days) {
    if (days <= 1) {
      return TimePrecision.DAY;
    }
    if (days <= 7) {
      return TimePrecision.WEEK;
    }
    return days <= 31 ? TimePrecision.MONTH : TimePrecision.YEAR;
  }
}
