package org.retorno.streams.api;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.retorno.avro.Category;
import org.retorno.avro.Granularity;
import org.retorno.schemas.geo.BorderCity;

/**
 * Events as each tier sees them. Analysts: figures, claims, evidence. The public: only events of
 * cells the public counts show, with who reported them but no figures, since an event's figure
 * or the number of events in a hidden cell would give that cell away.
 */
final class EventsService {
  private final EventsQuery events;
  private final CountsService counts;
  private final ClaimIndex claims;

  EventsService(EventsQuery events, CountsService counts, ClaimIndex claims) {
    this.events = events;
    this.counts = counts;
    this.claims = claims;
  }

  /** One event with its claims and evidence: analysts only. */
  Map<String, Object> event(String id) {
    EventView event = events.byId(id).orElseThrow(() -> ApiException.notFound("no event with id " + id));
    Map<String, Object> json = analystJson(event);
    List<ClaimView> found = claims.all(event.claimIds());
    json.put("claims", found);
    json.put("claimsNotYetRead", event.claimIds().size() - found.size());
    return json;
  }

  List<Map<String, Object>> list(Tier tier, EventsQuery.Filter filter) {
    List<EventView> found = events.list(filter);
    List<Map<String, Object>> out = new ArrayList<>();
    if (tier == Tier.ANALYST) {
      found.forEach(event -> out.add(analystJson(event)));
      return out;
    }
    Set<String> shownCells = visibleCells(filter, found);
    for (EventView event : found) {
      if (event.cityId() != null && shownCells.contains(cellKey(event.cityId(), event.category(), event.eventDate()))) {
        out.add(publicJson(event));
      }
    }
    return out;
  }

  private Set<String> visibleCells(EventsQuery.Filter filter, List<EventView> found) {
    Set<String> visible = new HashSet<>();
    if (found.isEmpty()) {
      return visible;
    }
    LocalDate first = found.stream().map(EventView::eventDate).min(LocalDate::compareTo).orElseThrow();
    LocalDate last = found.stream().map(EventView::eventDate).max(LocalDate::compareTo).orElseThrow();
    for (CountsService.Shown shown : counts.shown(Tier.PUBLIC, Granularity.DAY, filter.city(), first, last)) {
      for (CountsService.ShownCell cell : shown.cells()) {
        if (!cell.shown().hidden()) {
          visible.add(cellKey(shown.row().cityId(), cell.category(), shown.row().periodStart()));
        }
      }
    }
    return visible;
  }

  private static String cellKey(long cityId, Category category, LocalDate day) {
    return cityId + ":" + category + ":" + day;
  }

  private Map<String, Object> analystJson(EventView event) {
    Map<String, Object> json = new LinkedHashMap<>(Json.MAPPER.convertValue(event, Map.class));
    json.put("sources", sources(event));
    return json;
  }

  private Map<String, Object> publicJson(EventView event) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", event.id());
    json.put("cityId", event.cityId());
    json.put("placeName", event.placeName());
    json.put("category", event.category().name());
    json.put("eventDate", event.eventDate().toString());
    json.put("eventDatePrecision", event.eventDatePrecision());
    json.put("conflict", event.conflict());
    json.put("corroboration", event.corroboration());
    json.put("sources", sources(event));
    return json;
  }

  private List<ClaimView.Source> sources(EventView event) {
    Set<ClaimView.Source> sources = new LinkedHashSet<>();
    for (ClaimView claim : claims.all(event.claimIds())) {
      sources.add(claim.source());
    }
    return List.copyOf(sources);
  }

  static EventsQuery.Filter filter(Request request) {
    Optional<BorderCity> city = request.city("city");
    Optional<Category> category = request.category("category");
    return new EventsQuery.Filter(city, category, request.date("from", LocalDate.of(1900, 1, 1)),
        request.date("to", LocalDate.of(9999, 12, 24)));
  }
}
