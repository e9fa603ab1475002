package org.retorno.streams.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import org.apache.kafka.streams.KafkaStreams;
import org.retorno.avro.CategoryCount;
import org.retorno.avro.CityCounts;
import org.retorno.schemas.geo.BorderCity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The streams app's HTTP endpoint: health, Prometheus metrics, and the public read API. Public
 * answers apply small-cell suppression and never carry evidence text.
 */
public final class HttpApi implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final KafkaStreams streams;
  private final PrometheusMeterRegistry meters;
  private final DailyCountsReader counts;

  public HttpApi(String host, int port, KafkaStreams streams, PrometheusMeterRegistry meters) {
    this.streams = streams;
    this.meters = meters;
    this.counts = new DailyCountsReader(streams);
    try {
      this.server = HttpServer.create(new InetSocketAddress(host, port), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
    }
    server.setExecutor(Executors.newFixedThreadPool(4, runnable -> {
      Thread thread = new Thread(runnable, "retorno-http");
      thread.setDaemon(true);
      return thread;
    }));
    server.createContext("/health", exchange -> handle(exchange, this::health));
    server.createContext("/metrics", exchange -> handle(exchange, ex -> metrics()));
    server.createContext("/api/cities", exchange -> handle(exchange, ex -> cities()));
    server.createContext("/api/counts", exchange -> handle(exchange, this::dailyCounts));
  }

  public void start() {
    server.start();
  }

  public String url() {
    InetSocketAddress address = server.getAddress();
    return "http://" + address.getHostString() + ":" + address.getPort();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private record Answer(int status, String contentType, String body) {
    static Answer json(int status, Object value) {
      try {
        return new Answer(status, "application/json", JSON.writeValueAsString(value));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static final class BadRequest extends RuntimeException {
    BadRequest(String message) {
      super(message);
    }
  }

  private interface Handler {
    Answer answer(HttpExchange exchange);
  }

  private void handle(HttpExchange exchange, Handler handler) throws IOException {
    Answer answer;
    try {
      if (!"GET".equals(exchange.getRequestMethod())) {
        answer = Answer.json(405, Map.of("error", "only GET is supported"));
      } else {
        answer = handler.answer(exchange);
      }
    } catch (BadRequest e) {
      answer = Answer.json(400, Map.of("error", e.getMessage()));
    } catch (RuntimeException e) {
      LOG.warn("{} failed: {}", exchange.getRequestURI().getPath(), e.getMessage());
      answer = Answer.json(503, Map.of("error", "not available: " + e.getMessage()));
    }
    byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", answer.contentType() + "; charset=utf-8");
    exchange.sendResponseHeaders(answer.status(), body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private Answer health(HttpExchange exchange) {
    KafkaStreams.State state = streams.state();
    boolean up = state == KafkaStreams.State.RUNNING || state == KafkaStreams.State.REBALANCING;
    return Answer.json(up ? 200 : 503, Map.of("state", state.name()));
  }

  private Answer metrics() {
    return new Answer(200, "text/plain; version=0.0.4", meters.scrape());
  }

  private Answer cities() {
    List<Map<String, Object>> cities = new ArrayList<>();
    for (BorderCity city : BorderCity.values()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("geonamesId", city.geonamesId());
      row.put("name", city.displayName());
      row.put("admin1Code", city.admin1Code());
      row.put("admin2Code", city.inegiCode());
      row.put("latitude", city.latitude());
      row.put("longitude", city.longitude());
      row.put("usTwin", city.usTwin());
      cities.add(row);
    }
    return Answer.json(200, cities);
  }

  private Answer dailyCounts(HttpExchange exchange) {
    Map<String, String> query = query(exchange.getRequestURI());
    Optional<Long> city = Optional.ofNullable(query.get("city")).map(HttpApi::cityId);
    LocalDate from = date(query.getOrDefault("from", "1900-01-01"), "from");
    LocalDate to = date(query.getOrDefault("to", "9999-12-31"), "to");
    List<Map<String, Object>> rows = new ArrayList<>();
    for (CityCounts counts : this.counts.read(city, from, to)) {
      rows.add(publicRow(counts));
    }
    return Answer.json(200, rows);
  }

  static Map<String, Object> publicRow(CityCounts counts) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("cityId", counts.getCityId());
    row.put("city", counts.getCityName());
    row.put("admin1Code", counts.getAdmin1Code());
    row.put("granularity", counts.getGranularity().name());
    row.put("periodStart", counts.getPeriodStart().toString());
    row.put("periodEnd", counts.getPeriodEnd().toString());
    List<Map<String, Object>> categories = new ArrayList<>();
    for (CategoryCount count : counts.getCounts()) {
      Map<String, Object> cell = new LinkedHashMap<>();
      boolean suppressed = SmallCells.suppressed(count.getCategory(), count.getValue());
      cell.put("category", count.getCategory().name());
      cell.put("value", suppressed ? null : count.getValue());
      cell.put("display", SmallCells.display(count.getCategory(), count.getValue()));
      cell.put("suppressed", suppressed);
      cell.put("eventIds", count.getEventIds());
      categories.add(cell);
    }
    row.put("counts", categories);
    return row;
  }

  private static long cityId(String text) {
    try {
      return Long.parseLong(text.strip());
    } catch (NumberFormatException e) {
      return BorderCity.byName(text).map(BorderCity::geonamesId)
          .orElseThrow(() -> new BadRequest("unknown city: " + text));
    }
  }

  private static LocalDate date(String text, String name) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new BadRequest(name + " is not a date (yyyy-mm-dd): " + text);
    }
  }

  private static Map<String, String> query(URI uri) {
    Map<String, String> params = new HashMap<>();
    String raw = uri.getRawQuery();
    if (raw == null || raw.isEmpty()) {
      return params;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      params.put(key, value);
    }
    return params;
  }
}
