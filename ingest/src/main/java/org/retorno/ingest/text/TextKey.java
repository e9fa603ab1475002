package org.retorno.ingest.text;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.List;

/**
 * Content keys: the same text, however it was spaced or composed, always gets the same key.
 *
 * <p>Every case-count row is keyed here, so the work per key is kept small: no pattern compiled
 * per call (as {@code String.replaceAll} does), no copy of text that needs no change, and one
 * SHA-256 digest per thread instead of a provider lookup per key.
 */
public final class TextKey {
  private static final char FIELD_SEPARATOR = '\u001f';
  private static final HexFormat HEX = HexFormat.of();
  private static final byte FIELD_SEPARATOR_BYTE = (byte) FIELD_SEPARATOR;
  private static final ThreadLocal<byte[]> ASCII_BUFFER = ThreadLocal.withInitial(() -> new byte[512]);
  private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(TextKey::newSha256);

  private TextKey() {}

  /** NFC, every run of whitespace ({@code \s}: space, tab, line breaks, form feed) as one space, trimmed. */
  public static String normalise(String text) {
    if (isSettled(text)) {
      return text;
    }
    return collapseWhitespace(Normalizer.normalize(text, Normalizer.Form.NFC)).strip();
  }

  /**
   * Whether normalising would give the text back: printable ASCII (which NFC leaves alone) with
   * single spaces between words, none at either end. Most cells are, and the three steps each
   * copied or scanned them.
   */
  private static boolean isSettled(String text) {
    int last = text.length() - 1;
    for (int i = 0; i <= last; i++) {
      char c = text.charAt(i);
      if (c > ' ' && c < 0x7F) {
        continue;
      }
      if (c != ' ' || i == 0 || i == last || text.charAt(i - 1) == ' ') {
        return false;
      }
    }
    return true;
  }

  /** What {@code text.replaceAll("\\s+", " ")} gives, without a pattern; the text itself when nothing changes. */
  static String collapseWhitespace(String text) {
    StringBuilder out = null;
    int length = text.length();
    int i = 0;
    while (i < length) {
      char c = text.charAt(i);
      if (!isPatternSpace(c)) {
        if (out != null) {
          out.append(c);
        }
        i++;
        continue;
      }
      int end = i + 1;
      while (end < length && isPatternSpace(text.charAt(end))) {
        end++;
      }
      if (out == null && (c != ' ' || end - i > 1)) {
        out = new StringBuilder(length).append(text, 0, i);
      }
      if (out != null) {
        out.append(' ');
      }
      i = end;
    }
    return out == null ? text : out.toString();
  }

  /** The characters of the regex class {@code \s} without UNICODE_CHARACTER_CLASS. */
  private static boolean isPatternSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000b' || c == '\f' || c == '\r';
  }

  /** Hex SHA-256 of the normalised text. */
  public static String ofText(String text) {
    return sha256Hex(normalise(text));
  }

  /** Hex SHA-256 of normalised fields; a separator no field contains keeps ("ab","c") apart from ("a","bc"). */
  public static String ofFields(List<String> fields) {
    // Digested field by field: the UTF-8 of the joined text is the UTF-8 of its pieces one after
    // another (a surrogate cannot pair across the separator), so the key is the joined text's
    // without building that text and copying it into bytes once more.
    MessageDigest digest = SHA_256.get();
    digest.reset();
    byte[] buffer = ASCII_BUFFER.get();
    for (String field : fields) {
      if (field != null) {
        update(digest, normalise(field), buffer);
      }
      digest.update(FIELD_SEPARATOR_BYTE);
    }
    return HEX.formatHex(digest.digest());
  }

  /** The UTF-8 of the text into the digest; ASCII (nearly every cell) through the thread's buffer, not a new array. */
  private static void update(MessageDigest digest, String text, byte[] buffer) {
    int length = text.length();
    if (length <= buffer.length) {
      for (int i = 0; i < length; i++) {
        char c = text.charAt(i);
        if (c >= 0x80) {
          digest.update(text.getBytes(StandardCharsets.UTF_8));
          return;
        }
        buffer[i] = (byte) c;
      }
      digest.update(buffer, 0, length);
      return;
    }
    digest.update(text.getBytes(StandardCharsets.UTF_8));
  }

  public static String sha256Hex(String text) {
    return sha256Hex(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Hex SHA-256 of raw bytes, e.g. a file's content. */
  public static String sha256Hex(byte[] bytes) {
    // digest() resets the digest, so the next key starts afresh.
    return HEX.formatHex(SHA_256.get().digest(bytes));
  }

  private static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
    }
  }
}
