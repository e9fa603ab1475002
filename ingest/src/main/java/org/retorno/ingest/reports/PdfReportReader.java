package org.retorno.ingest.reports;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Calendar;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.retorno.ingest.FileBytes;
import org.retorno.ingest.InputFile;
import org.retorno.ingest.InputRejectedException;
import org.retorno.ingest.Reason;
import org.retorno.ingest.text.DocumentDates;

/**
 * PDF reports: text in reading order, with title, author and creation date from the document
 * information. A PDF that needs a password, or whose owner forbids text extraction, is rejected; one
 * encrypted only against editing opens like any other. Page count and decoded content size are
 * checked before any text is extracted.
 */
final class PdfReportReader {
  private PdfReportReader() {}

  static ReportDocument read(InputFile file, int maxPages, long maxContentBytes) throws InputRejectedException {
    byte[] bytes = FileBytes.read(file);
    try (PDDocument document = Loader.loadPDF(bytes)) {
      if (document.isEncrypted() && !document.getCurrentAccessPermission().canExtractContent()) {
        throw new InputRejectedException(Reason.PDF_ENCRYPTED, null, "text extraction not permitted");
      }
      int pages = document.getNumberOfPages();
      if (pages > maxPages) {
        throw new InputRejectedException(Reason.PDF_TOO_MANY_PAGES, null,
            pages + " pages, the limit is " + maxPages);
      }
      PdfContentBudget.check(document, maxContentBytes);
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setSortByPosition(true);
      String text = TextReportReader.tidy(stripper.getText(document));
      PDDocumentInformation info = document.getDocumentInformation();
      String title = blankToNull(info.getTitle());
      LocalDate date = DocumentDates.leadingDate(text).orElseGet(() -> creationDate(info));
      return new ReportDocument(text, title != null ? title : TextReportReader.firstLineTitle(text), date,
          blankToNull(info.getAuthor()), null, "application/pdf");
    } catch (InvalidPasswordException e) {
      throw new InputRejectedException(Reason.PDF_ENCRYPTED, null, "password required");
    } catch (IOException | RuntimeException e) {
      // PDFBox reports damaged files with I/O errors and, for some structures, runtime ones.
      throw new InputRejectedException(Reason.PDF_UNREADABLE, null, e.getClass().getSimpleName());
    }
  }

  private static LocalDate creationDate(PDDocumentInformation info) {
    Calendar created = info.getCreationDate();
    return created == null ? null : created.toInstant().atZone(created.getTimeZone().toZoneId()).toLocalDate();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip().replaceAll("\\s+", " ");
  }
}
