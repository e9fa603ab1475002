package org.retorno.ingest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.apache.tika.Tika;
import org.apache.tika.mime.MediaType;

/**
 * What every file passes before a parser sees it: it must be a regular, readable file within the
 * size limit, and its bytes must be what its extension says. Gzip files ({@code .jsonl.gz}) are
 * expanded here, never beyond the size limit, so a decompression bomb stops at the limit instead of
 * filling memory. ZIP archives are never opened (no format takes them), so a ZIP bomb is only ever a
 * mislabelled or unsupported file.
 */
final class InputGate {
  /** Magic bytes only: the name is never passed, so a file cannot vouch for itself by its extension. */
  private static final Tika TIKA = new Tika();
  private static final Set<String> TEXT_FORMATS = Set.of("xml", "rss", "atom", "jsonl", "txt", "csv");
  private static final Set<String> HTML_FORMATS = Set.of("html", "htm");
  /** Every binary format we refuse is known by its first bytes (PDF within its first kilobyte). */
  private static final int SNIFF_BYTES = 4 * 1024;

  private final long maxBytes;

  InputGate(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  /** @return the file with its checked (and, if compressed, expanded) content */
  InputFile open(InputFile file) throws InputRejectedException {
    if (!Files.isRegularFile(file.path())) {
      // A FIFO would block the run forever; a dangling link has nothing to read.
      throw new InputRejectedException(Reason.UNREADABLE_FILE, null, "not a regular file");
    }
    long size;
    try {
      size = Files.size(file.path());
    } catch (IOException e) {
      throw new InputRejectedException(Reason.UNREADABLE_FILE, null, e.getClass().getSimpleName());
    }
    if (size > maxBytes) {
      throw new InputRejectedException(Reason.FILE_TOO_LARGE, null,
          IngestSettings.megabytes(size) + ", the limit is " + IngestSettings.megabytes(maxBytes));
    }
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file.path())) {
      bytes = readAtMost(in, maxBytes, size, Reason.FILE_TOO_LARGE, "grew past the limit of "
          + IngestSettings.megabytes(maxBytes) + " while read");
    } catch (IOException e) {
      throw new InputRejectedException(Reason.UNREADABLE_FILE, null, e.getClass().getSimpleName());
    }
    String format = file.extension();
    if (format.equals("gz")) {
      requireType(bytes, format, isGzip(detect(bytes)));
      format = InputFile.extensionOf(InputFile.withoutExtension(file.path().getFileName().toString()));
      bytes = gunzip(bytes);
      if (isGzip(detect(bytes))) {
        throw new InputRejectedException(Reason.TYPE_MISMATCH, null, "compressed twice; expand it once");
      }
    }
    checkMatches(bytes, format);
    return file.withContent(format, bytes);
  }

  private static void checkMatches(byte[] bytes, String format) throws InputRejectedException {
    if (format.equals("pdf")) {
      requireType(bytes, format, type -> type.getBaseType().toString().equals("application/pdf"));
    } else if (TEXT_FORMATS.contains(format)) {
      requireType(bytes, format, InputGate::isText);
      if (startsAsHtmlPage(bytes)) {
        throw new InputRejectedException(Reason.TYPE_MISMATCH, null, "." + format + " file holds HTML");
      }
    } else if (HTML_FORMATS.contains(format)) {
      requireType(bytes, format, InputGate::isText);
    }
  }

  private interface TypeTest {
    boolean accepts(MediaType type);
  }

  private static void requireType(byte[] bytes, String format, TypeTest test) throws InputRejectedException {
    MediaType type = detect(bytes);
    if (!test.accepts(type)) {
      throw new InputRejectedException(Reason.TYPE_MISMATCH, null, "." + format + " file holds " + describe(type));
    }
  }

  private static void requireType(byte[] bytes, String format, boolean accepted) throws InputRejectedException {
    if (!accepted) {
      throw new InputRejectedException(Reason.TYPE_MISMATCH, null,
          "." + format + " file holds " + describe(detect(bytes)));
    }
  }

  static MediaType detect(byte[] bytes) {
    byte[] head = bytes.length <= SNIFF_BYTES ? bytes : java.util.Arrays.copyOf(bytes, SNIFF_BYTES);
    return MediaType.parse(TIKA.detect(head));
  }

  /** Formats that are never text, whatever a file calling itself .txt or .csv hopes. */
  private static final Set<String> BINARY_TYPES = Set.of("application/pdf", "application/zip", "application/gzip",
      "application/x-gzip", "application/x-bzip2", "application/x-xz", "application/x-7z-compressed",
      "application/x-rar-compressed", "application/vnd.rar", "application/x-tar", "application/x-tika-msoffice",
      "application/x-tika-ooxml", "application/x-tika-ooxml-protected", "application/msword", "application/epub+zip",
      "application/java-archive", "application/x-java-vm", "application/x-executable", "application/x-msdownload",
      "application/x-elf", "application/x-mach-o-executable", "application/x-sharedlib", "application/x-sqlite3",
      "application/rtf", "application/x-shockwave-flash");
  private static final Set<String> BINARY_FAMILIES = Set.of("image", "audio", "video", "font", "model");

  /**
   * Text as far as magic bytes can tell: anything but a known binary or document format. Tika names
   * some text by its first words (a report opening "Article 12 …" is "message/news", a forwarded
   * mail "message/rfc822"), and calls text with bytes above 0x7F of no known encoding
   * "octet-stream"; whether such files are text is the charset detector's call.
   */
  private static boolean isText(MediaType type) {
    String base = type.getBaseType().toString();
    String subtype = type.getSubtype();
    return !BINARY_TYPES.contains(base) && !BINARY_FAMILIES.contains(type.getType())
        && !subtype.startsWith("vnd.openxmlformats") && !subtype.startsWith("vnd.oasis.opendocument")
        && !subtype.startsWith("vnd.ms-");
  }

  private static final java.util.regex.Pattern HTML_PAGE =
      java.util.regex.Pattern.compile("^(?:\\s|<!--.*?-->)*<(?:!doctype\\s+html|html[\\s>])",
          java.util.regex.Pattern.CASE_INSENSITIVE | java.util.regex.Pattern.DOTALL);

  /**
   * An HTML page (a login or error page saved under a feed's or table's name) opens with a doctype
   * or an html element. Tika's magic calls any text with "&lt;title&gt;" or "&lt;html&gt;" among its
   * first bytes HTML, which a JSON line or a CSV cell may well contain, so it is not used for this.
   */
  static boolean startsAsHtmlPage(byte[] bytes) {
    int length = Math.min(bytes.length, 1024);
    String head = new String(bytes, 0, length, java.nio.charset.StandardCharsets.ISO_8859_1).replace("\u00ef\u00bb\u00bf", "");
    return HTML_PAGE.matcher(head).find();
  }

  private static boolean isHtml(MediaType type) {
    String base = type.getBaseType().toString();
    return base.equals("text/html") || base.equals("application/xhtml+xml");
  }

  private static boolean isGzip(MediaType type) {
    String base = type.getBaseType().toString();
    return base.equals("application/gzip") || base.equals("application/x-gzip");
  }

  /** What a file holds, in the words of an error message. */
  static String describe(MediaType type) {
    String base = type.getBaseType().toString();
    if (isHtml(type)) {
      return "HTML";
    }
    if (isGzip(type)) {
      return "gzip-compressed data";
    }
    if (type.getType().equals("image")) {
      return "an image (" + type.getSubtype() + ")";
    }
    return switch (base) {
      case "application/pdf" -> "a PDF";
      case "application/zip" -> "a ZIP archive";
      case "application/x-tika-msoffice", "application/x-tika-ooxml", "application/msword", "application/rtf" ->
          "an office document";
      case "application/x-msdownload", "application/x-executable", "application/x-elf",
          "application/x-mach-o-executable" -> "a program";
      case "text/plain" -> "plain text";
      case "application/octet-stream" -> "data of no known type";
      default -> type.getSubtype().endsWith("+xml") || base.equals("application/xml") ? "XML (" + base + ")" : base;
    };
  }

  private byte[] gunzip(byte[] compressed) throws InputRejectedException {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
      return readAtMost(in, maxBytes, 0, Reason.DECOMPRESSION_BOMB,
          "expands beyond the limit of " + IngestSettings.megabytes(maxBytes));
    } catch (IOException e) {
      throw new InputRejectedException(Reason.UNREADABLE_FILE, null,
          "damaged gzip data (" + e.getClass().getSimpleName() + ")");
    }
  }

  /** @param expectedBytes the size on disk, so a file is read into one buffer rather than one doubled as it fills */
  private static byte[] readAtMost(InputStream in, long limit, long expectedBytes, Reason reason, String detail)
      throws IOException, InputRejectedException {
    long presized = Math.min(Math.min(expectedBytes, limit), Integer.MAX_VALUE - 8);
    ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.max(32, presized));
    byte[] buffer = new byte[64 * 1024];
    long total = 0;
    int n;
    while ((n = in.read(buffer)) > 0) {
      total += n;
      if (total > limit) {
        throw new InputRejectedException(reason, null, detail);
      }
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }
}
