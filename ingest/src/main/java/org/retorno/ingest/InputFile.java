package org.retorno.ingest;

import java.nio.file.Path;
import java.util.Locale;

/**
 * A file to ingest and the name it is known by in records, rejections and logs: relative to the
 * directory it was found in, because absolute paths can hold user names.
 *
 * @param format lower-case extension that says how to read the content ("xml", "jsonl"); for a
 *     compressed file ({@code feed.xml.gz}) the extension inside
 * @param content the bytes to read, once {@link InputGate} has checked and (if compressed)
 *     expanded them; null means read {@code path}
 */
public record InputFile(Path path, String name, String format, byte[] content) {

  public InputFile(Path path, String name) {
    this(path, name, extensionOf(path.getFileName().toString()), null);
  }

  /** Lower-case extension without the dot that says how to read the file; empty when there is none. */
  public String extension() {
    return format;
  }

  /** The same file with its checked content, read as {@code newFormat}. */
  public InputFile withContent(String newFormat, byte[] bytes) {
    return new InputFile(path, name, newFormat, bytes);
  }

  static String extensionOf(String fileName) {
    int dot = fileName.lastIndexOf('.');
    return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  /** "feed.xml.gz" without its last extension: "feed.xml". */
  static String withoutExtension(String fileName) {
    int dot = fileName.lastIndexOf('.');
    return dot < 0 ? fileName : fileName.substring(0, dot);
  }
}
