package org.retorno.ingest.counts;

import java.util.HashMap;
import java.util.Map;
import org.retorno.avro.CaseCountRow;
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

  private final Map<String, Stated> byIdentity = new HashMap<>();

  void check(CaseCountRow row) throws InputRejectedException {
    String identity = String.join("|", row.getSourceName(), row.getPeriodStart().toString(),
        row.getPeriodEnd().toString(), String.valueOf(row.getPlace().getGeonamesId()),
        String.valueOf(row.getPlace().getInferred()), row.getCategory().name(), row.getSemantics().name());
    Stated earlier = byIdentity.putIfAbsent(identity, new Stated(row.getLineNumber(), row.getValue()));
    if (earlier != null && earlier.value() != row.getValue()) {
      throw new InputRejectedException(Reason.CONFLICTING_ROW, null,
          "same period, place and metric as line " + earlier.line() + " with another value");
    }
  }
}
