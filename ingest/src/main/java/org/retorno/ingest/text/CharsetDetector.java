package org.retorno.ingest.text;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Decodes text files whose charset nobody declared, in order of evidence: a byte-order mark, then
 * strict UTF-8 (which random Latin-1 text almost never passes), then Windows-1252 or ISO-8859-1.
 * The last two differ only in 0x80–0x9F: printable punctuation (curly quotes, dashes, €) in
 * Windows-1252, control characters nobody types in ISO-8859-1. So bytes in that range mean
 * Windows-1252, unless one of the five bytes Windows-1252 leaves undefined occurs.
 */
public final class CharsetDetector {
  public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
  private static final Charset UTF_32BE = Charset.forName("UTF-32BE");
  private static final Charset UTF_32LE = Charset.forName("UTF-32LE");
  private static final char REPLACEMENT = '\uFFFD';

  private CharsetDetector() {}

  /** @return the decoded text; empty when the bytes are binary rather than text */
  public static Optional<DecodedText> decode(byte[] bytes) {
    Optional<DecodedText> withBom = decodeWithBom(bytes);
    if (withBom.isPresent()) {
      return withBom.filter(decoded -> !looksBinary(decoded.text()));
    }
    if (hasNul(bytes)) {
      return Optional.empty();
    }
    DecodedText decoded = strictUtf8(bytes).map(text -> new DecodedText(text, StandardCharsets.UTF_8))
        .orElseGet(() -> mixedLines(bytes).orElseGet(() -> singleByte(bytes)));
    return looksBinary(decoded.text()) ? Optional.empty() : Optional.of(decoded);
  }

  private static Optional<DecodedText> decodeWithBom(byte[] b) {
    if (startsWith(b, 0x00, 0x00, 0xFE, 0xFF)) {
      return Optional.of(decodeAfter(b, 4, UTF_32BE));
    }
    if (startsWith(b, 0xFF, 0xFE, 0x00, 0x00)) {
      return Optional.of(decodeAfter(b, 4, UTF_32LE));
    }
    if (startsWith(b, 0xEF, 0xBB, 0xBF)) {
      return Optional.of(decodeAfter(b, 3, StandardCharsets.UTF_8));
    }
    if (startsWith(b, 0xFE, 0xFF)) {
      return Optional.of(decodeAfter(b, 2, StandardCharsets.UTF_16BE));
    }
    if (startsWith(b, 0xFF, 0xFE)) {
      return Optional.of(decodeAfter(b, 2, StandardCharsets.UTF_16LE));
    }
    return Optional.empty();
  }

  private static DecodedText decodeAfter(byte[] bytes, int bomLength, Charset charset) {
    return new DecodedText(new String(bytes, bomLength, bytes.length - bomLength, charset), charset);
  }

  private static boolean startsWith(byte[] bytes, int... prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((bytes[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  static Optional<String> strictUtf8(byte[] bytes) {
    // The String constructor's decoder (ASCII and valid UTF-8 at memory speed) marks every malformed
    // sequence with U+FFFD. Without one the bytes were valid UTF-8 and it decoded them as the strict
    // decoder does; with one (malformed, or an U+FFFD written in the file) the strict decoder decides.
    String lenient = new String(bytes, StandardCharsets.UTF_8);
    if (lenient.indexOf(REPLACEMENT) < 0) {
      return Optional.of(lenient);
    }
    try {
      return Optional.of(StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }

  /**
   * Files put together from several sources (a JSON Lines dump appended to by two scrapers) can
   * hold UTF-8 lines and Latin-1 or Windows-1252 lines side by side. A line with bytes above 0x7F
   * that is valid UTF-8 is UTF-8 (single-byte text almost never forms valid multi-byte sequences);
   * when such lines sit beside lines that are not, each line is decoded by itself.
   */
  private static Optional<DecodedText> mixedLines(byte[] bytes) {
    List<byte[]> lines = splitLines(bytes);
    boolean anyUtf8 = false;
    ByteArrayOutputStream singleByteLines = new ByteArrayOutputStream();
    for (byte[] line : lines) {
      if (hasHighBytes(line) && strictUtf8(line).isPresent()) {
        anyUtf8 = true;
      } else {
        singleByteLines.writeBytes(line);
      }
    }
    if (!anyUtf8) {
      return Optional.empty();
    }
    Charset fallback = singleByte(singleByteLines.toByteArray()).charset();
    StringBuilder text = new StringBuilder(bytes.length);
    for (byte[] line : lines) {
      text.append(strictUtf8(line).orElseGet(() -> new String(line, fallback)));
    }
    return Optional.of(new DecodedText(text.toString(), fallback, true));
  }

  /** Lines with their line feeds, so joining them gives the text back. */
  private static List<byte[]> splitLines(byte[] bytes) {
    List<byte[]> lines = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        lines.add(Arrays.copyOfRange(bytes, start, i + 1));
        start = i + 1;
      }
    }
    if (start < bytes.length) {
      lines.add(Arrays.copyOfRange(bytes, start, bytes.length));
    }
    return lines;
  }

  private static boolean hasHighBytes(byte[] bytes) {
    for (byte b : bytes) {
      if (b < 0) {
        return true;
      }
    }
    return false;
  }

  private static DecodedText singleByte(byte[] bytes) {
    boolean c1Range = false;
    for (byte b : bytes) {
      int value = b & 0xFF;
      if (value == 0x81 || value == 0x8D || value == 0x8F || value == 0x90 || value == 0x9D) {
        return new DecodedText(new String(bytes, StandardCharsets.ISO_8859_1), StandardCharsets.ISO_8859_1);
      }
      c1Range |= value >= 0x80 && value <= 0x9F;
    }
    Charset charset = c1Range ? WINDOWS_1252 : StandardCharsets.ISO_8859_1;
    return new DecodedText(new String(bytes, charset), charset);
  }

  private static boolean hasNul(byte[] bytes) {
    for (byte b : bytes) {
      if (b == 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * Text has few control characters; binary data decoded as text has many. More than 1 in 100
   * characters other than tab, line feed, form feed and carriage return means binary.
   */
  private static boolean looksBinary(String text) {
    if (text.indexOf('\0') >= 0) {
      return true;
    }
    // A loop, not a stream of chars: every table and feed passes here whole.
    long controls = 0;
    int length = text.length();
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || (c >= 0x7F && c <= 0x9F)
          || c == REPLACEMENT) {
        controls++;
      }
    }
    return controls * 100 > length;
  }
}
