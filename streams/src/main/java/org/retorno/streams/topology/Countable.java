package org.retorno.streams.topology;

import java.time.LocalDate;
import org.retorno.avro.Claim;
import org.retorno.avro.CountSemantics;
import org.retorno.avro.PlacePrecision;

/**
 * Which claims may become events in per-city counts: increments at a known border city with a
 * date. Cumulative totals need differencing per source first; stocks and sample sizes never add
 * up; a claim at state or country precision is never assigned to a city. Such claims stay on the
 * claims topic for analysts.
 */
final class Countable {
  private Countable() {}

  static boolean isCountable(Claim claim) {
    return claim != null
        && claim.getSemantics() == CountSemantics.INCREMENT
        && claim.getPlace().getPrecision() == PlacePrecision.CITY
        && claim.getPlace().getGeonamesId() != null
        && dateOf(claim) != null
        && claim.getCount().getValue() > 0;
  }

  /** The date a claim is placed at: its event date, else the date it was reported. */
  static LocalDate dateOf(Claim claim) {
    return claim.getEventDate() != null ? claim.getEventDate() : claim.getReportDate();
  }

  static String cityCategoryKey(Claim claim) {
    return claim.getPlace().getGeonamesId() + ":" + claim.getCategory();
  }
}
