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
final class Pdfs {
  private Pdfs() {}

  static byte[] withLines(List<String> lines, String title, String author, Calendar created) {
    return build(lines, title, author, created, null);
  }

  static byte[] encrypted(List<String> lines, String userPassword, boolean canExtract) {
    AccessPermission permission = new AccessPermission();
    permission.setCanExtractContent(canExtract);
    StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", userPassword, permission);
    policy.setEncryptionKeyLength(128);
    return build(lines, null, null, null, policy);
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
