package org.retorno.ingest;

import java.io.IOException;
import java.nio.file.Files;
import org.retorno.ingest.text.CharsetDetector;
import org.retorno.ingest.text.DecodedText;

/** Reading an input file's bytes and text, with the rejections every parser shares. */
public final class FileBytes {
  private FileBytes() {}

  /**
   * The checked content {@link InputGate} loaded, else the file on disk.
   *
   * @throws InputRejectedException unreadable, or empty (nothing but whitespace)
   */
  public static byte[] read(InputFile file) throws InputRejectedException {
    byte[] bytes = file.content();
    if (bytes == null) {
      try {
        bytes = Files.readAllBytes(file.path());
      } catch (IOException e) {
        throw new InputRejectedException(Reason.UNREADABLE_FILE, null, e.getClass().getSimpleName());
      }
    }
    if (isBlank(bytes)) {
      throw new InputRejectedException(Reason.EMPTY_FILE);
    }
    return bytes;
  }

  /** The file as text, its charset detected. @throws InputRejectedException also for binary content */
  public static DecodedText readText(InputFile file) throws InputRejectedException {
    DecodedText decoded = CharsetDetector.decode(read(file))
        .orElseThrow(() -> new InputRejectedException(Reason.BINARY_CONTENT));
    if (decoded.text().isBlank()) {
      throw new InputRejectedException(Reason.EMPTY_FILE);
    }
    return decoded;
  }

  private static boolean isBlank(byte[] bytes) {
    for (byte b : bytes) {
      if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
        return false;
      }
    }
    return true;
  }
}
