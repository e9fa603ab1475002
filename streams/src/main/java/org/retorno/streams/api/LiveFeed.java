package org.retorno.streams.api;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Server-Sent Events to open dashboards: {@code alert} (public form, no figures) and
 * {@code counts} (which city and period were revised, so the page refetches them through the
 * suppressing API). A connection that fails is dropped; a comment every 15 s keeps proxies from
 * closing idle ones and finds dead ones.
 */
final class LiveFeed implements AutoCloseable {
  private final Set<HttpExchange> clients = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(runnable -> {
    Thread thread = new Thread(runnable, "retorno-sse-heartbeat");
    thread.setDaemon(true);
    return thread;
  });

  LiveFeed() {
    heartbeat.scheduleAtFixedRate(() -> broadcast(": keep-alive\n\n"), 15, 15, TimeUnit.SECONDS);
  }

  /** Keeps the exchange open after the handler returns; events are written from other threads. */
  void subscribe(HttpExchange exchange) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
    exchange.getResponseHeaders().set("Cache-Control", "no-cache");
    exchange.sendResponseHeaders(200, 0);
    clients.add(exchange);
    send(exchange, "retry: 3000\n: connected\n\n");
  }

  void publish(String event, Object data) {
    broadcast("event: " + event + "\ndata: " + Json.text(data) + "\n\n");
  }

  int clients() {
    return clients.size();
  }

  private void broadcast(String message) {
    for (HttpExchange client : clients) {
      send(client, message);
    }
  }

  private void send(HttpExchange client, String message) {
    // One writer at a time per connection: alerts, count notices and heartbeats interleave.
    synchronized (client) {
      try {
        OutputStream out = client.getResponseBody();
        out.write(message.getBytes(StandardCharsets.UTF_8));
        out.flush();
      } catch (IOException | RuntimeException e) {
        clients.remove(client);
        client.close();
      }
    }
  }

  @Override
  public void close() {
    heartbeat.shutdownNow();
    for (HttpExchange client : clients) {
      client.close();
    }
    clients.clear();
  }
}
