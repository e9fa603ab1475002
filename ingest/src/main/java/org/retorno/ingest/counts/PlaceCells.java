package org.retorno.ingest.counts;

import java.util.HashMap;
import java.util.Map;
import org.retorno.avro.Place;
import org.retorno.ingest.InputRejectedException;
import org.retorno.ingest.Reason;
import org.retorno.schemas.geo.BorderCity;

/**
 * One table's place cells, each distinct cell resolved and folded once. A table names a handful of
 * places thousands of times, and folding a name (NFD, marks, case) and looking it up among the
 * cities' variants was a tenth of parsing a row. Both are functions of the cell alone, so a cached
 * answer is the answer; rows of one table share the {@link Place}, as a wide table's cells do.
 */
final class PlaceCells implements CountRowValidator.PlaceResolver {
  /** Tables with more distinct place cells than this are hostile or broken: the rest go uncached. */
  private static final int MAX_CELLS = 1024;

  /** {@code place} null: the cell names no place we know. */
  private record Resolved(Place place, String folded) {}

  private final CountRowValidator.PlaceResolver resolver;
  private final Map<String, Resolved> byCell = new HashMap<>();

  PlaceCells(CountRowValidator.PlaceResolver resolver) {
    this.resolver = resolver;
  }

  @Override
  public Place resolve(String cell) throws InputRejectedException {
    Resolved resolved = resolved(cell);
    if (resolved == null) {
      return resolver.resolve(cell);
    }
    if (resolved.place() == null) {
      throw new InputRejectedException(Reason.UNKNOWN_PLACE);
    }
    return resolved.place();
  }

  @Override
  public String fold(String cell) {
    Resolved resolved = resolved(cell);
    return resolved == null ? BorderCity.fold(cell) : resolved.folded();
  }

  /** @return null when the table has too many distinct cells to keep another */
  private Resolved resolved(String cell) {
    Resolved resolved = byCell.get(cell);
    if (resolved != null || byCell.size() >= MAX_CELLS) {
      return resolved;
    }
    Place place;
    try {
      place = resolver.resolve(cell);
    } catch (InputRejectedException e) {
      if (e.reason() != Reason.UNKNOWN_PLACE || e.position() != null || e.detail() != null) {
        return null;
      }
      place = null;
    }
    resolved = new Resolved(place, BorderCity.fold(cell));
    byCell.put(cell, resolved);
    return resolved;
  }
}
