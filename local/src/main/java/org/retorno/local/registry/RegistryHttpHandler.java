package org.retorno.local.registry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns HTTP exchanges into {@link ApiRequest}s and answers with JSON. Every failure, expected or
 * not, leaves as a Confluent error body; one log line per error, naming the route, never the body.
 */
final class RegistryHttpHandler implements HttpHandler {
  static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

  private static final Logger LOG = LoggerFactory.getLogger(RegistryHttpHandler.class);
  /** Schemas are small; this bounds the memory one request can take. */
  static final int MAX_BODY_BYTES = 8 * 1024 * 1024;
  private static final Set<String> ACCEPTED_TYPES = Set.of(CONTENT_TYPE,
      "application/vnd.schemaregistry+json", "application/json", "application/octet-stream");

  private final Router router;
  private final Optional<RegistryAuthenticator> authenticator;

  RegistryHttpHandler(Router router, Optional<RegistryAuthenticator> authenticator) {
    this.router = router;
    this.authenticator = authenticator;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    String routeName = "unknown route";
    ApiResponse response;
    try {
      authenticate(exchange);
      ApiRequest request = ApiRequest.of(method, exchange.getRequestURI().getRawPath(),
          exchange.getRequestURI().getRawQuery(), readBody(exchange.getRequestBody()));
      Router.Match match = router.match(method, request.segments());
      routeName = match.name();
      checkContentType(exchange.getRequestHeaders().getFirst("Content-Type"));
      response = match.endpoint().handle(request, match.params());
    } catch (ApiError e) {
      response = ApiResponse.error(e);
      if (e.status() >= 500) {
        LOG.warn("HTTP {} (error {}) on {}: {}", e.status(), e.errorCode(), routeName,
            e.getMessage());
      } else {
        LOG.info("HTTP {} (error {}) on {}", e.status(), e.errorCode(), routeName);
      }
    } catch (RuntimeException | StackOverflowError e) {
      // A bug or a pathological schema must still get an answer, or the client waits forever.
      response = ApiResponse.error(ApiError.storeError("Internal error in the schema registry"));
      LOG.error("HTTP 500 on {}: {}", routeName, e.getClass().getName());
    }
    send(exchange, method, response);
  }

  /**
   * Before the body is read, so an anonymous client cannot make the server buffer 8 MB. Only
   * {@code GET /} stays open: it answers {@code {}} and tells a load balancer the server is up.
   */
  private void authenticate(HttpExchange exchange) {
    if (authenticator.isEmpty()) {
      return;
    }
    String path = exchange.getRequestURI().getRawPath();
    if ("GET".equals(exchange.getRequestMethod()) && ("/".equals(path) || path.isEmpty())) {
      return;
    }
    authenticator.get().authenticate(exchange.getRequestHeaders().getFirst("Authorization"));
  }

  private static void checkContentType(String header) {
    if (header == null || header.isBlank()) {
      return;
    }
    String type = header.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    if (!ACCEPTED_TYPES.contains(type)) {
      throw ApiError.unsupportedMediaType(type);
    }
  }

  private static byte[] readBody(InputStream in) throws IOException {
    byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
    if (body.length > MAX_BODY_BYTES) {
      throw new ApiError(413, 413, "Request body is larger than " + MAX_BODY_BYTES + " bytes");
    }
    return body;
  }

  private void send(HttpExchange exchange, String method, ApiResponse response)
      throws IOException {
    byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
    if (response.status() == 401) {
      authenticator.ifPresent(auth -> exchange.getResponseHeaders().put("WWW-Authenticate", auth.challenges()));
    }
    boolean head = "HEAD".equals(method);
    exchange.sendResponseHeaders(response.status(), head ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      if (!head) {
        out.write(bytes);
      }
    } finally {
      exchange.close();
    }
  }
}
