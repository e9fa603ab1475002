package org.retorno.streams.extract;

import java.time.LocalDate;
import org.retorno.avro.SourceKind;

/**
 * One text to read claims from. {@code text} is what offsets refer to; when a {@code title} is
 * given and the text starts with it, the title is read as a headline that summarises the body.
 */
public record SourceDocument(String sourceId, SourceKind sourceKind, String sourceName,
    String sourceUrl, String language, String title, String text, LocalDate reportDate) {

  public SourceDocument {
    if (sourceId == null || sourceId.isBlank()) {
      throw new IllegalArgumentException("source document: sourceId is missing");
    }
    if (text == null) {
      throw new IllegalArgumentException("source document " + sourceId + ": text is missing");
    }
    if (sourceKind == null) {
      sourceKind = SourceKind.UNKNOWN;
    }
    if (sourceName == null) {
      sourceName = sourceId;
    }
  }
}
