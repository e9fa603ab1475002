package org.retorno.ingest.reports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Calendar;
import java.util.List;
import java.util.TimeZone;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** Small PDFs made with PDFBox, so the tests need no binary fixtures. */
public final class Pdfs {
  private Pdfs() {}

  public static byte[] withLines(List<String> lines, String title, String author, Calendar created) {
    return build(lines, title, author, created, null);
  }

  static byte[] encrypted(List<String> lines, String userPassword, boolean canExtract) {
    AccessPermission permission = new AccessPermission();
    permission.setCanExtractContent(canExtract);
    StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", userPassword, permission);
    policy.setEncryptionKeyLength(128);
    return build(lines, null, null, null, policy);
  }

  /** A PDF with one line of text on each of {@code pages} pages. */
  public static byte[] pages(int pages, String line) {
    try (PDDocument document = new PDDocument()) {
      for (int i = 0; i < pages; i++) {
        PDPage page = new PDPage();
        document.addPage(page);
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
          content.beginText();
          content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 11);
          content.newLineAtOffset(72, 720);
          content.showText(line + " (page " + (i + 1) + ")");
          content.endText();
        }
      }
      return save(document);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A small PDF whose one page's content stream inflates to {@code decodedBytes} of drawing
   * operators: a decompression bomb as far as text extraction goes.
   */
  public static byte[] flateBomb(long decodedBytes) {
    try (PDDocument document = new PDDocument()) {
      PDPage page = new PDPage();
      document.addPage(page);
      org.apache.pdfbox.pdmodel.common.PDStream stream = new org.apache.pdfbox.pdmodel.common.PDStream(document);
      try (java.io.OutputStream out = stream.createOutputStream(org.apache.pdfbox.cos.COSName.FLATE_DECODE)) {
        byte[] chunk = "0 0 m\n".repeat(10_000).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        for (long written = 0; written < decodedBytes; written += chunk.length) {
          out.write(chunk);
        }
      }
      page.setContents(stream);
      return save(document);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] save(PDDocument document) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    document.save(out);
    return out.toByteArray();
  }

  static Calendar utc(int year, int month, int day) {
    Calendar calendar = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
    calendar.clear();
    calendar.set(year, month - 1, day, 10, 0, 0);
    return calendar;
  }

  private static byte[] build(List<String> lines, String title, String author, Calendar created,
      StandardProtectionPolicy policy) {
    try (PDDocument document = new PDDocument()) {
      PDPage page = new PDPage();
      document.addPage(page);
      try (PDPageContentStream content = new PDPageContentStream(document, page)) {
        content.beginText();
        content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 11);
        content.newLineAtOffset(72, 720);
        for (String line : lines) {
          content.showText(line);
          content.newLineAtOffset(0, -16);
        }
        content.endText();
      }
      PDDocumentInformation info = document.getDocumentInformation();
      info.setTitle(title);
      info.setAuthor(author);
      info.setCreationDate(created);
      if (policy != null) {
        document.protect(policy);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
