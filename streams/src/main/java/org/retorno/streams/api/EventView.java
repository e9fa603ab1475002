package org.retorno.streams.api;

import java.time.LocalDate;
import java.util.List;
import org.retorno.avro.Category;
import org.retorno.avro.Event;

/** One real-world event as the stores hold it: exact figures, the ids of its claims and sources. */
record EventView(String id, Long cityId, String placeName, String admin1Code, Category category,
    LocalDate eventDate, String eventDatePrecision, long figure, String figureRule, long low, long high,
    boolean conflict, List<String> claimIds, List<String> sourceIds, int corroboration) {

  static EventView of(Event event) {
    return new EventView(event.getId(), event.getPlace().getGeonamesId(), event.getPlace().getName(),
        event.getPlace().getAdmin1Code(), event.getCategory(), event.getEventDate(),
        event.getEventDatePrecision().name(), event.getFigure(), event.getFigureRule(), event.getLow(),
        event.getHigh(), event.getConflict(), List.copyOf(event.getClaimIds()),
        List.copyOf(event.getSourceIds()), event.getCorroboration());
  }
}
