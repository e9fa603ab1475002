package org.retorno.streams.api;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.apache.kafka.streams.state.HostInfo;
import org.retorno.schemas.registry.RegistryTls;

/**
 * Asks another instance of the application for the part of an answer that its partitions hold.
 * Peers authenticate with the analyst token, so every instance must be configured with the same.
 */
final class PeerClient {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private final HttpClient http;
  private final String scheme;
  private final String authorization;

  /** @param tls how to reach peers that serve HTTPS; empty when the API speaks plain HTTP */
  PeerClient(AnalystAuth auth, Optional<RegistryTls> tls) {
    HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(TIMEOUT);
    tls.ifPresent(settings -> builder.sslContext(settings.sslContext()));
    this.http = builder.build();
    this.scheme = tls.isPresent() ? "https" : "http";
    this.authorization = auth.bearerHeader();
  }

  <T> T get(HostInfo peer, String pathAndQuery, TypeReference<T> type) {
    URI uri = URI.create(scheme + "://" + peer.host() + ":" + peer.port() + pathAndQuery);
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT)
        .header("Authorization", authorization).GET().build();
    HttpResponse<byte[]> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw ApiException.unavailable("instance " + peer + " did not answer: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ApiException.unavailable("interrupted while asking instance " + peer);
    }
    if (response.statusCode() != 200) {
      throw ApiException.unavailable("instance " + peer + " answered " + response.statusCode()
          + (response.statusCode() == 401 ? " (instances must share one analyst token)" : ""));
    }
    try {
      return Json.MAPPER.readValue(response.body(), type);
    } catch (IOException e) {
      throw ApiException.unavailable("instance " + peer + " sent an unreadable answer: " + e.getMessage());
    }
  }
}
