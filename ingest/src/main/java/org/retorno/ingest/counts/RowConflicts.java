package org.retorno.ingest.counts;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.retorno.avro.CaseCountRow;
import org.retorno.avro.Category;
import org.retorno.avro.CountSemantics;
import org.retorno.ingest.InputRejectedException;
import org.retorno.ingest.Reason;

/**
 * A table states each count once. The same period, place, metric and meaning again with the same
 * value is a repeated row (its key is the same, so it counts as a duplicate); with another value it
 * is a contradiction within one source, and the later row is rejected naming the earlier one, so
 * no figure is chosen silently. Places are compared as cities: "Cd. Juárez" is "Ciudad Juárez".
 */
final class RowConflicts {
  private record Stated(long line, long value) {}

  /** What makes two rows state the same count; a record rather than a joined string, built per row. */
  private record Identity(String source, LocalDate periodStart, LocalDate periodEnd, Long geonamesId,
      boolean inferred, Category category, CountSemantics semantics) {}

  private static final int MAX_PRESIZED_ROWS = 1 << 16;

  private final Map<Identity, Stated> byIdentity;

  /**
   * Sized up front so the map is not rehashed as it fills, up to a bound: a file of blank lines is
   * not worth a table of that size.
   *
   * @param expectedRows about how many rows the table has (its line count)
   */
  RowConflicts(int expectedRows) {
    int rows = Math.min(Math.max(expectedRows, 0), MAX_PRESIZED_ROWS);
    byIdentity = new HashMap<>((int) (rows / 0.75f) + 1);
  }

  void check(CaseCountRow row) throws InputRejectedException {
    Identity identity = new Identity(row.getSourceName(), row.getPeriodStart(), row.getPeriodEnd(),
        row.getPlace().getGeonamesId(), row.getPlace().getInferred(), row.getCategory(), row.getSemantics());
    Stated earlier = byIdentity.putIfAbsent(identity, new Stated(row.getLineNumber(), row.getValue()));
    if (earlier != null && earlier.value() != row.getValue()) {
      throw new InputRejectedException(Reason.CONFLICTING_ROW, null,
          "same period, place and metric as line " + earlier.line() + " with another value");
    }
  }
}
