package org.retorno.streams.topology;

import java.time.LocalDate;
import org.retorno.avro.Claim;
import org.retorno.avro.CountSemantics;
import org.retorno.avro.PlacePrecision;

/**
 * Which claims may become events in per-city counts: increments at a known border city with a
 * date. Cumulative totals are differenced per source first; stocks and sample sizes never add up;
 * a claim at state or country precision is never assigned to a city. Such claims stay on the
 * claims topic for analysts. Retracted claims pass, so they can leave the events they joined.
 */
final class Countable {
  private Countable() {}

  static boolean atCity(Claim claim) {
    return claim != null
        && claim.getPlace().getPrecision() == PlacePrecision.CITY
        && claim.getPlace().getGeonamesId() != null
        && dateOf(claim) != null;
  }

  static boolean isCountable(Claim claim) {
    return atCity(claim)
        && claim.getSemantics() == CountSemantics.INCREMENT
        && (claim.getRetracted() || claim.getCount().getValue() > 0);
  }

  /** The date a claim is placed at: its event date, else the date it was reported. */
  static LocalDate dateOf(Claim claim) {
    return claim.getEventDate() != null ? claim.getEventDate() : claim.getReportDate();
  }

  static String cityCategoryKey(Claim claim) {
    return claim.getPlace().getGeonamesId() + ":" + claim.getCategory();
  }

  /** One source's series of a metric at a city: totals of one series are differenced together. */
  static String seriesKey(Claim claim) {
    return claim.getSourceName() + "|" + cityCategoryKey(claim);
  }
}
