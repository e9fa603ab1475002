package org.retorno.streams.api;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;
import org.retorno.schemas.registry.ServerTls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The streams app's HTTP endpoint: the dashboard at {@code /}, health, Prometheus metrics, the
 * read API (JSON, OpenAPI at {@code /openapi.json}), the HXL export and the live feed.
 * Bound before Kafka Streams starts, so {@code application.server} can name the real port.
 */
public final class HttpApi implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);

  private final HttpServer server;
  private final Optional<HttpTls> tls;
  private final ExecutorService executor;
  private final StaticAssets assets = new StaticAssets();
  private final LiveFeed live = new LiveFeed();
  private KafkaStreams streams;
  private PrometheusMeterRegistry meters;
  private AnalystAuth auth;
  private Routes routes;
  private TopicFeeds feeds;

  private HttpApi(HttpServer server, Optional<HttpTls> tls) {
    this.server = server;
    this.tls = tls;
    this.executor = Executors.newFixedThreadPool(8, runnable -> {
      Thread thread = new Thread(runnable, "retorno-http");
      thread.setDaemon(true);
      return thread;
    });
    server.setExecutor(executor);
  }

  /** Listens on host:port (0 for any free port); requests are refused until {@link #start}. */
  public static HttpApi bind(String host, int port) {
    return bind(host, port, Optional.empty());
  }

  /** As {@link #bind(String, int)}, speaking only HTTPS when {@code tls} is given. */
  public static HttpApi bind(String host, int port, Optional<HttpTls> tls) {
    try {
      return new HttpApi(ServerTls.listen(new InetSocketAddress(host, port), tls.map(HttpTls::server)), tls);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
    }
  }

  /** The address it listens on, as {@code application.server} would name it. */
  public HostInfo address() {
    InetSocketAddress address = server.getAddress();
    return new HostInfo(address.getHostString(), address.getPort());
  }

  /**
   * Starts answering. {@code self} is this instance's {@code application.server}: keys whose
   * partitions are active elsewhere are fetched from the instance that holds them.
   */
  public void start(KafkaStreams streams, HostInfo self, PrometheusMeterRegistry meters, ApiConfig config) {
    this.streams = streams;
    this.meters = meters;
    this.auth = new AnalystAuth(config.analystToken());
    LocalStores local = new LocalStores(streams);
    Cluster cluster = new Cluster(streams, self, new PeerClient(auth, tls.map(HttpTls::peers)));
    ProvenanceReader provenance = new ProvenanceReader(local, cluster);
    CountsReader countsReader = new CountsReader(local, cluster, provenance);
    CountsService counts = new CountsService(countsReader);
    ClaimIndex claims = new ClaimIndex(config.claimCapacity());
    AlertLog alerts = new AlertLog(config.alertCapacity());
    EventsQuery eventsQuery = new EventsQuery(local, cluster);
    this.routes = new Routes(counts, countsReader, provenance, new EventsService(eventsQuery, counts, claims),
        eventsQuery, alerts, new HxlExport(claims));
    alerts.onAlert(alert -> live.publish("alert", alert.json(Tier.PUBLIC)));
    this.feeds = new TopicFeeds(config.clientProperties(), config.serdeConfig(), alerts, claims,
        changed -> live.publish("counts", changed));
    feeds.start();
    server.createContext("/", this::handle);
    server.start();
  }

  public String url() {
    HostInfo address = address();
    return (tls.isPresent() ? "https://" : "http://") + address.host() + ":" + address.port();
  }

  @Override
  public void close() {
    live.close();
    server.stop(0);
    executor.shutdownNow();
    if (feeds != null) {
      feeds.close();
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    Optional<String> template = Routes.template(path);
    Timer.Sample sample = Timer.start(meters);
    Answer answer;
    try {
      if (!"GET".equals(exchange.getRequestMethod())) {
        answer = Answer.error(405, "only GET is supported");
      } else if (path.equals("/api/alerts/stream")) {
        live.subscribe(exchange);
        return;
      } else {
        answer = answer(exchange, path, template);
      }
    } catch (ApiException e) {
      answer = Answer.error(e.status(), e.getMessage());
    } catch (RuntimeException e) {
      LOG.warn("{} failed: {}", template.orElse("unknown path"), e.toString());
      answer = Answer.error(500, "internal error");
    }
    send(exchange, answer);
    sample.stop(Timer.builder("retorno.http.requests").description("HTTP API requests")
        .tag("route", template.orElse(path.startsWith("/api/") ? "unknown" : "static"))
        .tag("status", Integer.toString(answer.status()))
        .publishPercentiles(0.5, 0.99)
        .register(meters));
  }

  private Answer answer(HttpExchange exchange, String path, Optional<String> template) {
    if (path.equals("/health")) {
      return health();
    }
    if (path.equals("/metrics")) {
      return Answer.text(200, "text/plain; version=0.0.4; charset=utf-8", meters.scrape());
    }
    Optional<Answer> asset = assets.answer(path);
    if (asset.isPresent()) {
      return asset.get();
    }
    if (template.isEmpty()) {
      return Answer.error(404, "no such endpoint: " + path);
    }
    Tier tier = auth.tierOf(Optional.ofNullable(exchange.getRequestHeaders().getFirst("Authorization")));
    return routes.answer(template.get(), Request.of(exchange.getRequestURI(), tier));
  }

  private Answer health() {
    KafkaStreams.State state = streams.state();
    boolean up = state == KafkaStreams.State.RUNNING || state == KafkaStreams.State.REBALANCING;
    return Answer.json(up ? 200 : 503, Map.of("state", state.name()));
  }

  private static void send(HttpExchange exchange, Answer answer) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", answer.contentType());
    exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    answer.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
    exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(answer.body());
    }
  }
}
