package org.retorno.ingest;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;

/**
 * What a parser made of one file, kept in the order it came: the items it accepted and rejected.
 * Parsing fills it on the read-ahead thread; the run replays it into the file's {@link FileRun} on
 * the ingest thread, so that deduplication, sends and the account happen in file order as if the
 * parser had handed its items to the run directly.
 */
final class ParsedFile implements ItemSink {
  private record Item(boolean accepted, String position, String id, SpecificRecord record, Reason reason,
      String detail) {
    void replayInto(ItemSink sink) {
      if (accepted) {
        sink.accept(position, id, record);
      } else {
        sink.reject(position, reason, detail);
      }
    }
  }

  private final InputFile file;
  private final String fingerprint;
  private final List<Item> items = new ArrayList<>();

  /** @param fingerprint SHA-256 of the file's bytes, or null when they could not be read */
  ParsedFile(InputFile file, String fingerprint) {
    this.file = file;
    this.fingerprint = fingerprint;
  }

  InputFile file() {
    return file;
  }

  String fingerprint() {
    return fingerprint;
  }

  @Override
  public void accept(String position, String id, SpecificRecord record) {
    items.add(new Item(true, position, id, record, null, null));
  }

  @Override
  public void reject(String position, Reason reason, String detail) {
    items.add(new Item(false, position, null, null, reason, detail));
  }

  /** Hands every item to {@code sink} in the order the parser gave them. */
  void replayInto(ItemSink sink) {
    items.forEach(item -> item.replayInto(sink));
  }
}
