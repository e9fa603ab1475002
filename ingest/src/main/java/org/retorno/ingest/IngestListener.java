package org.retorno.ingest;

/** Follows a run file by file, e.g. to draw a progress bar. Called on the ingesting thread. */
public interface IngestListener {
  IngestListener NONE = new IngestListener() {};

  /** @param totalBytes the size of all files on disk */
  default void started(SourceType type, int files, long totalBytes) {}

  /** @param bytes the file's size on disk; {@code account} is what became of its items */
  default void fileDone(InputFile file, long bytes, IngestAccount account) {}

  default void finished(IngestAccount account) {}
}
