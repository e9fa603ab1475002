package org.retorno.ingest;

import java.time.LocalDate;
import org.retorno.avro.SourceKind;

/**
 * What the operator knows about a batch of inputs better than the inputs say themselves.
 *
 * <p>Every field is nullable. {@code sourceKind}, {@code sourceName} and {@code title} override what
 * the documents say (who published a file and what it is called are the operator's call).
 * {@code language} and {@code publishedDate} are fallbacks: a date or language stated by the item
 * itself (or, for language, detected with confidence in its text) is more precise than one given for
 * a whole batch.
 *
 * @param sourceKind who published; null means the default of the source type (news: NEWS,
 *     reports: NGO, counts: GOVERNMENT)
 * @param sourceName outlet (news), organisation (reports) or table source (counts)
 * @param title title of every record of the batch
 * @param language ISO 639-1 code used when an item does not state one
 * @param publishedDate date used when an item does not state one
 */
public record IngestOptions(SourceKind sourceKind, String sourceName, String title, String language,
    LocalDate publishedDate) {

  public static IngestOptions defaults() {
    return new IngestOptions(null, null, null, null, null);
  }

  public SourceKind sourceKindOr(SourceKind fallback) {
    return sourceKind != null ? sourceKind : fallback;
  }
}
