package org.retorno.streams.api;

import java.time.LocalDate;
import java.util.List;
import org.retorno.avro.Category;
import org.retorno.avro.PeriodEvent;
import org.retorno.avro.TimePrecision;

/** One count-provenance entry: an event counted on a day of a city, with its claims. */
record Provenance(String eventId, long cityId, Category category, LocalDate date, TimePrecision precision,
    List<String> claimIds) {

  static Provenance of(PeriodEvent event) {
    return new Provenance(event.getId(), event.getCityId(), event.getCategory(), event.getEventDate(),
        event.getEventDatePrecision(), List.copyOf(event.getClaimIds()));
  }
}
