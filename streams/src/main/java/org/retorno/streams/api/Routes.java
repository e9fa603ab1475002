package org.retorno.streams.api;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.retorno.avro.AlertSeverity;
import org.retorno.avro.Category;
import org.retorno.avro.Granularity;
import org.retorno.schemas.geo.BorderCity;
import org.retorno.streams.topology.Periods;

/** The read API's endpoints, each a function of the request to an answer. */
final class Routes {
  static final LocalDate FIRST_DAY = LocalDate.of(1900, 1, 1);
  static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 24);

  private final CountsService counts;
  private final CountsReader countsReader;
  private final EventsService events;
  private final EventsQuery eventsQuery;
  private final ProvenanceReader provenance;
  private final AlertLog alerts;
  private final HxlExport export;

  Routes(CountsService counts, CountsReader countsReader, ProvenanceReader provenance, EventsService events,
      EventsQuery eventsQuery, AlertLog alerts, HxlExport export) {
    this.counts = counts;
    this.countsReader = countsReader;
    this.provenance = provenance;
    this.events = events;
    this.eventsQuery = eventsQuery;
    this.alerts = alerts;
    this.export = export;
  }

  /** The route template a path matches, for metrics; empty when nothing matches. */
  static Optional<String> template(String path) {
    if (path.equals("/api/cities") || path.equals("/api/counts") || path.equals("/api/alerts")
        || path.equals("/api/events") || path.equals("/api/export.csv") || path.equals("/internal/counts")
        || path.equals("/internal/events") || path.equals(ProvenanceReader.INTERNAL_PATH)) {
      return Optional.of(path);
    }
    if (path.matches("/api/cities/[^/]+/counts")) {
      return Optional.of("/api/cities/{id}/counts");
    }
    if (path.matches("/api/events/[^/]+")) {
      return Optional.of("/api/events/{id}");
    }
    if (path.matches("/internal/events/[^/]+")) {
      return Optional.of("/internal/events/{id}");
    }
    return Optional.empty();
  }

  Answer answer(String template, Request request) {
    if (template.startsWith("/internal/") && request.tier() != Tier.ANALYST) {
      throw new ApiException(401, "internal endpoints need the analyst token");
    }
    return switch (template) {
      case "/api/cities" -> Answer.ok(cities());
      case "/api/cities/{id}/counts" -> cityCounts(request);
      case "/api/counts" -> Answer.ok(counts.rows(request.tier(), Granularity.DAY, request.city("city"),
          request.date("from", FIRST_DAY), request.date("to", LAST_DAY), Set.of(Category.values())));
      case "/api/alerts" -> alerts(request);
      case "/api/events" -> Answer.ok(events.list(request.tier(), EventsService.filter(request)));
      case "/api/events/{id}" -> event(request);
      case "/api/export.csv" -> exportCsv(request);
      case "/internal/counts" -> Answer.ok(countsReader.readLocal(granularity(request),
          request.city("city"), request.date("from", FIRST_DAY), request.date("to", LAST_DAY)));
      case "/internal/events" -> Answer.ok(eventsQuery.listLocal(EventsService.filter(request)));
      case ProvenanceReader.INTERNAL_PATH -> Answer.ok(provenance.readLocal(cityIds(request),
          request.date("from", FIRST_DAY), request.date("to", LAST_DAY)));
      case "/internal/events/{id}" -> Answer.ok(eventsQuery.byIdLocal(lastSegment(request.path())));
      default -> throw ApiException.notFound("no such endpoint: " + request.path());
    };
  }

  private static List<Map<String, Object>> cities() {
    List<Map<String, Object>> cities = new ArrayList<>();
    for (BorderCity city : BorderCity.values()) {
      cities.add(city(city));
    }
    return cities;
  }

  static Map<String, Object> city(BorderCity city) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("geonamesId", city.geonamesId());
    row.put("name", city.displayName());
    row.put("countryCode", "MX");
    row.put("admin1Code", city.admin1Code());
    row.put("admin2Code", city.inegiCode());
    row.put("latitude", city.latitude());
    row.put("longitude", city.longitude());
    row.put("usTwin", city.usTwin());
    return row;
  }

  private Answer cityCounts(Request request) {
    String id = request.path().split("/")[3];
    BorderCity city = Request.findCity(id).orElseThrow(() -> ApiException.notFound("not a border city: " + id));
    Granularity granularity = granularity(request);
    LocalDate from = request.date("from", FIRST_DAY);
    LocalDate to = request.date("to", LAST_DAY);
    if (to.isBefore(from)) {
      throw ApiException.badRequest("to (" + to + ") is before from (" + from + ")");
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("city", city(city));
    json.put("granularity", granularity.name());
    json.put("tier", request.tier().name().toLowerCase(Locale.ROOT));
    json.put("periods", counts.rows(request.tier(), granularity, Optional.of(city), from, to,
        request.categories("metric")));
    return Answer.ok(json);
  }

  private Answer alerts(Request request) {
    LocalDate since = request.date("since", FIRST_DAY);
    Optional<Long> city = request.city("city").map(BorderCity::geonamesId);
    AlertSeverity minimum = request.param("severity").map(text -> {
      try {
        return AlertSeverity.valueOf(text.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw ApiException.badRequest("severity is not one of INFO, WARNING, ALERT: " + text);
      }
    }).orElse(AlertSeverity.INFO);
    List<Map<String, Object>> found = new ArrayList<>();
    for (AlertView alert : alerts.find(since, city, minimum)) {
      Map<String, Object> json = alert.json(request.tier());
      if (request.tier() == Tier.ANALYST) {
        Granularity granularity = Granularity.valueOf(alert.granularity());
        json.put("eventIds", provenance.eventIds(granularity, alert.cityId(), Category.valueOf(alert.category()),
            alert.periodStart(), Periods.end(granularity, alert.lastPeriod())));
      }
      found.add(json);
    }
    return Answer.ok(found);
  }

  private static List<Long> cityIds(Request request) {
    List<Long> ids = new ArrayList<>();
    for (String id : request.param("cities").orElse("").split(",")) {
      if (!id.isBlank()) {
        try {
          ids.add(Long.parseLong(id.strip()));
        } catch (NumberFormatException e) {
          throw ApiException.badRequest("cities is not a comma-separated list of GeoNames ids: " + id);
        }
      }
    }
    return ids;
  }

  private Answer event(Request request) {
    if (request.tier() != Tier.ANALYST) {
      throw new ApiException(401, "an event's claims and evidence need the analyst token");
    }
    return Answer.ok(events.event(lastSegment(request.path())));
  }

  private Answer exportCsv(Request request) {
    Granularity granularity = granularity(request);
    String csv = export.csv(counts.shown(request.tier(), granularity, request.city("city"),
        request.date("from", FIRST_DAY), request.date("to", LAST_DAY)), request.categories("metric"));
    String name = "retorno-" + granularity.name().toLowerCase(Locale.ROOT) + "-"
        + request.tier().name().toLowerCase(Locale.ROOT) + ".csv";
    return Answer.text(200, "text/csv; charset=utf-8", csv)
        .withHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
  }

  private static Granularity granularity(Request request) {
    String text = request.param("granularity").orElse("day");
    // Days and weeks only: their suppression is designed together (a week is a total of its
    // days); months would be one more total over the same cells and need their own protection.
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "day" -> Granularity.DAY;
      case "week" -> Granularity.WEEK;
      default -> throw ApiException.badRequest("granularity is not day or week: " + text);
    };
  }

  private static String lastSegment(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }
}
