package org.retorno.ingest;

import java.nio.file.Path;
import java.util.Locale;

/**
 * A file to ingest and the name it is known by in records, rejections and logs: relative to the
 * directory it was found in, because absolute paths can hold user names.
 */
public record InputFile(Path path, String name) {

  /** Lower-case extension without the dot ("xml", "jsonl"); empty when there is none. */
  public String extension() {
    String fileName = path.getFileName().toString();
    int dot = fileName.lastIndexOf('.');
    return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
  }
}
