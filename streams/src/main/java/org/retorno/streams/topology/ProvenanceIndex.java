package org.retorno.streams.topology;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.retorno.avro.PeriodEvent;

/**
 * Keeps count-provenance in step with the events: an event is filed under its city, day and
 * category; when a revision moves it (another day, city or category) or retracts it, its old
 * entry gets a tombstone. Each change writes one or two small records, where id lists inside the
 * counts grew with every revision of a period.
 */
final class ProvenanceIndex implements Processor<String, PeriodEvent, String, PeriodEvent> {
  private final String indexStore;
  private final String keysStore;
  private ProcessorContext<String, PeriodEvent> context;
  private KeyValueStore<String, PeriodEvent> index;
  private KeyValueStore<String, String> keys;

  ProvenanceIndex(String indexStore, String keysStore) {
    this.indexStore = indexStore;
    this.keysStore = keysStore;
  }

  @Override
  public void init(ProcessorContext<String, PeriodEvent> context) {
    this.context = context;
    this.index = context.getStateStore(indexStore);
    this.keys = context.getStateStore(keysStore);
  }

  @Override
  public void process(Record<String, PeriodEvent> record) {
    String eventId = record.key();
    PeriodEvent event = record.value();
    String before = keys.get(eventId);
    String after = event == null ? null : CountProvenance.key(event);
    if (before != null && !before.equals(after)) {
      index.delete(before);
      context.forward(record.withKey(before).withValue(null));
    }
    if (after == null) {
      if (before != null) {
        keys.delete(eventId);
      }
      return;
    }
    if (after.equals(before) && event.equals(index.get(after))) {
      return; // republished for a change the counts do not read (a new source, a new quote)
    }
    if (!after.equals(before)) {
      keys.put(eventId, after);
    }
    index.put(after, event);
    context.forward(record.withKey(after));
  }
}
