package org.retorno.ingest;

import org.apache.avro.specific.SpecificRecord;

/** Where a parser hands each item it read: accepted with its key, or rejected with a reason. */
public interface ItemSink {

  /**
   * @param position where the item was in the file ("item 3", "line 12"); null for a whole file
   * @param id the record's key, also its {@code id} field
   */
  void accept(String position, String id, SpecificRecord record);

  /** @param detail narrows the reason down, never input content; may be null */
  void reject(String position, Reason reason, String detail);
}
