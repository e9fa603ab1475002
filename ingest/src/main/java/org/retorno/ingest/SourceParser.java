package org.retorno.ingest;

/** Reads one file of one source type into records. */
public interface SourceParser {

  /**
   * Hands every item of the file to the sink. An item-level problem is a {@link ItemSink#reject}
   * and reading goes on; a problem that makes the whole file (or its rest) unreadable is thrown.
   */
  void parse(InputFile file, IngestOptions options, ItemSink sink) throws InputRejectedException;
}
