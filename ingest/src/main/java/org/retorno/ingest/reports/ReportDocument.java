package org.retorno.ingest.reports;

import java.time.LocalDate;

/**
 * A report as its file states it: text and whatever metadata the format carries (all nullable but
 * text and mediaType).
 *
 * @param language the document's declared language (HTML {@code lang}); null when it declares none
 */
record ReportDocument(String text, String title, LocalDate date, String author, String language,
    String mediaType) {}
