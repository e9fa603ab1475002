package org.retorno.ingest.text;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.List;

/** Content keys: the same text, however it was spaced or composed, always gets the same key. */
public final class TextKey {
  private static final char FIELD_SEPARATOR = '\u001f';

  private TextKey() {}

  /** NFC, every run of whitespace as one space, trimmed. */
  public static String normalise(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFC).replaceAll("\\s+", " ").strip();
  }

  /** Hex SHA-256 of the normalised text. */
  public static String ofText(String text) {
    return sha256Hex(normalise(text));
  }

  /** Hex SHA-256 of normalised fields; a separator no field contains keeps ("ab","c") apart from ("a","bc"). */
  public static String ofFields(List<String> fields) {
    StringBuilder joined = new StringBuilder();
    for (String field : fields) {
      joined.append(field == null ? "" : normalise(field)).append(FIELD_SEPARATOR);
    }
    return sha256Hex(joined.toString());
  }

  public static String sha256Hex(String text) {
    return sha256Hex(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Hex SHA-256 of raw bytes, e.g. a file's content. */
  public static String sha256Hex(byte[] bytes) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
    }
  }
}
