package org.retorno.schemas.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends registry requests to the first URL that answers, with Confluent's content types, optional
 * basic or bearer auth, TLS and timeouts, and turns Confluent error bodies into {@link RegistryException}s.
 */
final class RegistryHttp {
  static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
  static final String ACCEPT = "application/vnd.schemaregistry.v1+json, application/vnd.schemaregistry+json; qs=0.9,"
      + " application/json; qs=0.5";
  /** Confluent's client code for a response it could not read. */
  static final int UNREADABLE_RESPONSE = 50005;

  private final List<URI> baseUrls;
  private final HttpClient http;
  private final Duration requestTimeout;
  private final Optional<String> authorization;
  /** The URL that answered last; requests start there, so a dead first URL costs one failure only. */
  private final AtomicInteger current = new AtomicInteger();

  /** @param authorization the whole Authorization header value; never logged or put in a message */
  RegistryHttp(List<URI> baseUrls, Duration connectTimeout, Duration requestTimeout, Optional<String> authorization,
      Optional<RegistryTls> tls) {
    if (baseUrls.isEmpty()) {
      throw new IllegalArgumentException("at least one registry URL is needed");
    }
    this.baseUrls = List.copyOf(baseUrls);
    HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(connectTimeout);
    tls.ifPresent(settings -> builder.sslContext(settings.sslContext()));
    this.http = builder.build();
    this.requestTimeout = requestTimeout;
    this.authorization = authorization;
  }

  JsonNode get(String path) {
    return send("GET", path, null);
  }

  JsonNode post(String path, JsonNode body) {
    return send("POST", path, body);
  }

  JsonNode put(String path, JsonNode body) {
    return send("PUT", path, body);
  }

  /** A path segment, percent-encoded (subjects may hold any character). */
  static String segment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private JsonNode send(String method, String path, JsonNode body) {
    IOException lastFailure = null;
    int start = current.get();
    for (int attempt = 0; attempt < baseUrls.size(); attempt++) {
      int index = (start + attempt) % baseUrls.size();
      try {
        HttpResponse<String> response = http.send(request(baseUrls.get(index), method, path, body),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        current.set(index);
        return read(method, path, response);
      } catch (IOException e) {
        lastFailure = e;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new RegistryUnavailableException("Interrupted while calling the schema registry: " + method + " " + path, e);
      }
    }
    throw new RegistryUnavailableException("No schema registry answered " + method + " " + path + " at " + baseUrls
        + ": " + describe(lastFailure), lastFailure);
  }

  private HttpRequest request(URI base, String method, String path, JsonNode body) {
    String root = base.toString().endsWith("/") ? base.toString().substring(0, base.toString().length() - 1)
        : base.toString();
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(root + path))
        .timeout(requestTimeout)
        .header("Accept", ACCEPT)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
    if (body != null) {
      builder.header("Content-Type", CONTENT_TYPE);
    }
    authorization.ifPresent(value -> builder.header("Authorization", value));
    return builder.build();
  }

  private static JsonNode read(String method, String path, HttpResponse<String> response) {
    int status = response.statusCode();
    String text = response.body() == null ? "" : response.body();
    if (status >= 200 && status < 300) {
      if (text.isBlank()) {
        return NullNode.getInstance();
      }
      try {
        return RegistryJson.MAPPER.readTree(text);
      } catch (IOException e) {
        throw unreadable(status, method, path, "the body is not JSON");
      }
    }
    throw errorOf(status, method, path, text);
  }

  private static RegistryException errorOf(int status, String method, String path, String text) {
    try {
      JsonNode error = RegistryJson.MAPPER.readTree(text);
      if (error != null && error.path("error_code").isIntegralNumber() && error.path("message").isTextual()) {
        return new RegistryException(status, error.get("error_code").intValue(), error.get("message").asText());
      }
    } catch (IOException e) {
      // not a Confluent error body; reported below
    }
    return unreadable(status, method, path, "HTTP " + status + " without a registry error body: "
        + RegistryJson.firstLine(text.isBlank() ? "(empty)" : text));
  }

  static RegistryException unreadable(int status, String method, String path, String reason) {
    return new RegistryException(status, UNREADABLE_RESPONSE,
        "Unexpected answer from the schema registry to " + method + " " + path + ": " + reason);
  }

  private static String describe(IOException e) {
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : " " + RegistryJson.firstLine(message));
  }
}
