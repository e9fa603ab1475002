package org.retorno.streams.extract;

import java.util.List;
import java.util.stream.Collectors;
import org.retorno.avro.Claim;
import org.retorno.avro.CountKind;
import org.retorno.avro.PlacePrecision;

/**
 * A claim as the fields an annotator writes and a scorer compares: category, place, count,
 * semantics, event date with its precision, and the breakdown ("" when there is none).
 */
record ClaimFields(String category, String place, String count, String semantics, String date,
    String breakdown) {

  static ClaimFields of(Claim claim) {
    StringBuilder place = new StringBuilder(claim.getPlace().getName());
    if (claim.getPlace().getInferred()) {
      place.append('~');
    }
    if (claim.getPlace().getPrecision() != PlacePrecision.CITY) {
      place.append(" (").append(claim.getPlace().getPrecision()).append(')');
    }
    String count = claim.getCount().getKind() == CountKind.RANGE
        ? claim.getCount().getLow() + "-" + claim.getCount().getHigh() + " RANGE"
        : claim.getCount().getValue() + " " + claim.getCount().getKind();
    String breakdown = claim.getBreakdown().isEmpty() ? "" : claim.getBreakdown().entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(", ", "{", "}"));
    return new ClaimFields(claim.getCategory().name(), place.toString(), count,
        claim.getSemantics().name(), claim.getEventDate() + "/" + claim.getEventDatePrecision(),
        breakdown);
  }

  /** "KIDNAPPING | Reynosa | 12 MINIMUM | INCREMENT | 2019-07-03/DAY [| {breakdown}]". */
  static ClaimFields parse(String where, String line) {
    String[] cells = line.split("\\s*\\|\\s*");
    if (cells.length != 5 && cells.length != 6) {
      throw new IllegalStateException(where + "a claim needs 5 or 6 fields: " + line);
    }
    return new ClaimFields(cells[0], cells[1], cells[2], cells[3], cells[4],
        cells.length == 6 ? cells[5] : "");
  }

  /** The place a trap check compares: a city-precision name, or null for coarser places. */
  String city() {
    return place.contains("(") ? null : place.replace("~", "");
  }

  String whole() {
    return String.join(" | ", List.of(category, place, count, semantics, date))
        + (breakdown.isEmpty() ? "" : " | " + breakdown);
  }

  @Override
  public String toString() {
    return whole();
  }
}
