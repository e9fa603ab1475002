package org.retorno.streams.topology;

import java.time.LocalDate;
import org.retorno.avro.PeriodEvent;

/**
 * Keys of count-provenance and its store: "cityId:yyyy-mm-dd:CATEGORY:eventId". One city's days
 * form one ordered key range, so the events and claims behind any count (a day, a week, a month,
 * an alert's episode) are one range read, whatever the granularity.
 */
public final class CountProvenance {
  private CountProvenance() {}

  static String key(PeriodEvent event) {
    return event.getCityId() + ":" + event.getEventDate() + ":" + event.getCategory() + ":" + event.getId();
  }

  /** The first key of a city's events on {@code from} or later. */
  public static String lowerBound(long cityId, LocalDate from) {
    return cityId + ":" + from;
  }

  /** The last key of a city's events on {@code to} or earlier (';' sorts right after ':'). */
  public static String upperBound(long cityId, LocalDate to) {
    return cityId + ":" + to + ";";
  }
}
