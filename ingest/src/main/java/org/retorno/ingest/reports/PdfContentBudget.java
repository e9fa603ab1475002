package org.retorno.ingest.reports;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.retorno.ingest.IngestSettings;
import org.retorno.ingest.InputRejectedException;
import org.retorno.ingest.Reason;

/**
 * Measures how large a PDF's content streams become when decoded, without decoding them whole.
 * PDFBox expands a stream completely before text extraction reads it: a 300 KB file whose page
 * inflates to gigabytes would take that much memory and minutes of CPU. Flate streams (nearly all
 * of them) are inflated here chunk by chunk and counted; the count stops at the budget.
 */
final class PdfContentBudget {
  private static final int MAX_FORM_DEPTH = 8;

  private final long budget;
  private long used;
  private final Set<COSStream> seen = new HashSet<>();

  private PdfContentBudget(long budget) {
    this.budget = budget;
  }

  /** @throws InputRejectedException {@link Reason#DECOMPRESSION_BOMB} when the pages decode to more than {@code budget} bytes */
  static void check(PDDocument document, long budget) throws InputRejectedException, IOException {
    PdfContentBudget counter = new PdfContentBudget(budget);
    for (PDPage page : document.getPages()) {
      counter.countPage(page);
    }
  }

  private void countPage(PDPage page) throws InputRejectedException, IOException {
    COSBase contents = page.getCOSObject().getDictionaryObject(COSName.CONTENTS);
    if (contents instanceof COSStream stream) {
      count(stream);
    } else if (contents instanceof COSArray array) {
      for (int i = 0; i < array.size(); i++) {
        if (array.getObject(i) instanceof COSStream stream) {
          count(stream);
        }
      }
    }
    countForms(page.getResources(), 0);
  }

  /** Text inside form XObjects is extracted too, so their streams are decoded as well. */
  private void countForms(PDResources resources, int depth) throws InputRejectedException, IOException {
    if (resources == null || depth > MAX_FORM_DEPTH) {
      return;
    }
    for (COSName name : resources.getXObjectNames()) {
      PDXObject object = resources.getXObject(name);
      if (object instanceof PDFormXObject form && seen.add(form.getCOSObject())) {
        count(form.getCOSObject());
        countForms(form.getResources(), depth + 1);
      }
    }
  }

  private void count(COSStream stream) throws InputRejectedException, IOException {
    COSBase filters = stream.getFilters();
    boolean flateOnly = COSName.FLATE_DECODE.equals(filters)
        || filters instanceof COSArray array && array.size() == 1 && COSName.FLATE_DECODE.equals(array.getObject(0));
    if (flateOnly) {
      try (InputStream raw = stream.createRawInputStream()) {
        add(inflatedLength(raw));
      }
    } else {
      try (InputStream decoded = stream.createInputStream()) {
        add(decoded.transferTo(java.io.OutputStream.nullOutputStream()));
      }
    }
  }

  private long inflatedLength(InputStream raw) throws InputRejectedException, IOException {
    Inflater inflater = new Inflater();
    try {
      byte[] in = new byte[16 * 1024];
      byte[] out = new byte[64 * 1024];
      long total = 0;
      int read;
      while ((read = raw.read(in)) > 0) {
        inflater.setInput(in, 0, read);
        while (!inflater.needsInput() && !inflater.finished()) {
          int n = inflater.inflate(out);
          if (n == 0 && (inflater.needsDictionary() || inflater.needsInput())) {
            break;
          }
          total += n;
          if (used + total > budget) {
            throw bomb();
          }
        }
        if (inflater.finished()) {
          break;
        }
      }
      return total;
    } catch (DataFormatException e) {
      // Damaged data: PDFBox decodes what it can of it; it cannot be larger than what was counted.
      return 0;
    } finally {
      inflater.end();
    }
  }

  private void add(long bytes) throws InputRejectedException {
    used += bytes;
    if (used > budget) {
      throw bomb();
    }
  }

  private InputRejectedException bomb() {
    return new InputRejectedException(Reason.DECOMPRESSION_BOMB, null,
        "page content expands beyond the limit of " + IngestSettings.megabytes(budget));
  }
}
