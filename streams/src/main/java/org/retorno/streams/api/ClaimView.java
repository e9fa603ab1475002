package org.retorno.streams.api;

import java.time.LocalDate;
import org.retorno.avro.Category;
import org.retorno.avro.Claim;

/**
 * A claim with its provenance, for analysts: the source, the figure as written and the scrubbed
 * evidence sentence with its offsets. Public answers carry only the source fields.
 */
record ClaimView(String id, String sourceId, String sourceKind, String sourceName, String sourceUrl,
    String language, Category category, long value, String countKind, String countText, String semantics,
    LocalDate eventDate, LocalDate reportDate, String evidence, int evidenceStart, int evidenceEnd,
    String extractorVersion, double confidence) {

  static ClaimView of(Claim claim) {
    return new ClaimView(claim.getId(), claim.getSourceId(), claim.getSourceKind().name(),
        claim.getSourceName(), claim.getSourceUrl(), claim.getLanguage(), claim.getCategory(),
        claim.getCount().getValue(), claim.getCount().getKind().name(), claim.getCount().getText(),
        claim.getSemantics().name(), claim.getEventDate(), claim.getReportDate(),
        claim.getEvidence().getSentence(), claim.getEvidence().getStart(), claim.getEvidence().getEnd(),
        claim.getExtractorVersion(), claim.getConfidence());
  }

  /** A source as public answers may show it: who published it and where, nothing quoted. */
  record Source(String id, String kind, String name, String url) {}

  Source source() {
    return new Source(sourceId, sourceKind, sourceName, sourceUrl);
  }
}
