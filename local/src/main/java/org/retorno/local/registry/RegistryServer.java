package org.retorno.local.registry;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.retorno.schemas.registry.ServerTls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A schema registry that speaks Confluent's REST protocol (the part Kafka clients use, Avro only)
 * and keeps its state in a compacted Kafka topic, like Confluent's. Several instances may read the
 * same topic; each sees the others' writes.
 *
 * <pre>{@code
 * try (RegistryServer registry = RegistryServer.start(RegistryOptions.defaults(bootstrap).withPort(0))) {
 *   String url = registry.url();   // http://127.0.0.1:PORT
 * }
 * }</pre>
 */
public final class RegistryServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RegistryServer.class);
  private static final int HTTP_THREADS = 8;

  static {
    // The JDK server writes headers and body in two packets; with Nagle's algorithm and the
    // client's delayed ACK every answer then waits about 40 ms. The JDK reads this property once,
    // when its first HTTP server starts in this JVM; an operator's own setting wins.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final SchemaStore store;
  private final HttpServer http;
  private final ExecutorService executor;
  private final boolean tls;

  private RegistryServer(SchemaStore store, HttpServer http, ExecutorService executor, boolean tls) {
    this.store = store;
    this.http = http;
    this.executor = executor;
    this.tls = tls;
  }

  /** Reads the registry topic to its end, then listens. Returns once requests are served. */
  public static RegistryServer start(RegistryOptions options) {
    SchemaStore store = SchemaStore.open(options);
    ExecutorService executor = Executors.newFixedThreadPool(HTTP_THREADS, daemonThreads());
    HttpServer http;
    try {
      http = ServerTls.listen(new InetSocketAddress(options.host(), options.port()), options.security().tls());
    } catch (IOException e) {
      executor.shutdownNow();
      store.close();
      throw new UncheckedIOException("schema registry cannot listen on " + options.host() + ":"
          + options.port() + ": " + e.getMessage(), e);
    }
    http.createContext("/", new RegistryHttpHandler(new RegistryApi(store).routes(),
        options.security().authenticator()));
    http.setExecutor(executor);
    http.start();
    RegistryServer server = new RegistryServer(store, http, executor, options.security().tls().isPresent());
    LOG.info("Schema registry listening on {} with state in topic {} ({}, {})", server.url(), options.topic(),
        options.security().tls().map(Object::toString).orElse("no TLS"),
        options.security().authenticator().isPresent() ? "authentication required" : "no authentication");
    warnIfExposed(http.getAddress(), options.security());
    return server;
  }

  /** One line for an operator who opened the registry to other hosts without locking it. */
  private static void warnIfExposed(InetSocketAddress address, RegistrySecurity security) {
    if (address.getAddress().isLoopbackAddress()) {
      return;
    }
    if (!security.authenticates()) {
      LOG.warn("Schema registry on {} accepts any caller from other hosts: give it a users or tokens file, or"
          + " require client certificates", address);
    } else if (security.tls().isEmpty()) {
      LOG.warn("Schema registry on {} receives passwords and tokens unencrypted from other hosts: give it a TLS"
          + " key store", address);
    }
  }

  public int port() {
    return http.getAddress().getPort();
  }

  /** The base URL clients are configured with, e.g. {@code http://127.0.0.1:8081} or https with TLS. */
  public String url() {
    String host = http.getAddress().getHostString();
    return (tls ? "https://" : "http://") + (host.contains(":") ? "[" + host + "]" : host) + ":" + port();
  }

  @Override
  public void close() {
    http.stop(0);
    executor.shutdownNow();
    store.close();
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, "registry-http-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
