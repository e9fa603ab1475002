package org.retorno.streams.api;

import com.fasterxml.jackson.core.type.TypeReference;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.retorno.avro.Category;
import org.retorno.avro.Event;
import org.retorno.schemas.geo.BorderCity;
import org.retorno.streams.topology.Names;

/** Events from the events store of whichever instance holds them: one by id, or a filtered list. */
final class EventsQuery {
  static final String INTERNAL_PATH = "/internal/events";
  private static final TypeReference<List<EventView>> EVENTS = new TypeReference<>() {};

  private final LocalStores local;
  private final Cluster cluster;

  EventsQuery(LocalStores local, Cluster cluster) {
    this.local = local;
    this.cluster = cluster;
  }

  Optional<EventView> byId(String id) {
    Cluster.Owner owner = cluster.ownerOf(Names.EVENTS_STORE, id);
    if (owner.remote().isPresent()) {
      List<EventView> found = cluster.ask(owner.remote().get(),
          INTERNAL_PATH + "/" + CountsReader.encode(id), EVENTS);
      return found.stream().findFirst();
    }
    return local.<Event>get(Names.EVENTS_STORE, id, owner.partition()).map(EventView::of);
  }

  /** This instance's answer for a key it was asked for: found or not, as a list of at most one. */
  List<EventView> byIdLocal(String id) {
    Cluster.Owner owner = cluster.ownerOf(Names.EVENTS_STORE, id);
    if (owner.remote().isPresent()) {
      throw ApiException.unavailable("event partition " + owner.partition() + " moved (rebalancing?)");
    }
    return local.<Event>get(Names.EVENTS_STORE, id, owner.partition()).map(EventView::of).stream().toList();
  }

  List<EventView> list(Filter filter) {
    List<EventView> events = cluster.gather(Names.EVENTS_STORE, () -> listLocal(filter),
        INTERNAL_PATH + filter.query(), EVENTS);
    events.sort(Comparator.comparing(EventView::eventDate).thenComparing(EventView::placeName)
        .thenComparing(EventView::category).thenComparing(EventView::id));
    return events;
  }

  List<EventView> listLocal(Filter filter) {
    List<EventView> events = new ArrayList<>();
    for (Object value : local.range(Names.EVENTS_STORE, null, null)) {
      EventView event = EventView.of((Event) value);
      if (filter.matches(event)) {
        events.add(event);
      }
    }
    return events;
  }

  /** Which events a list asks for; every part optional. */
  record Filter(Optional<BorderCity> city, Optional<Category> category, LocalDate from, LocalDate to) {
    boolean matches(EventView event) {
      return city.map(c -> Long.valueOf(c.geonamesId()).equals(event.cityId())).orElse(true)
          && category.map(c -> c == event.category()).orElse(true)
          && !event.eventDate().isBefore(from) && !event.eventDate().isAfter(to);
    }

    String query() {
      return "?from=" + from + "&to=" + to + city.map(c -> "&city=" + c.geonamesId()).orElse("")
          + category.map(c -> "&category=" + c).orElse("");
    }
  }
}
