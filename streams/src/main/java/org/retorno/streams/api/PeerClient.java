package org.retorno.streams.api;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Asks another instance of the application for the part of an answer that its partitions hold.
 * Peers authenticate with the analyst token, so every instance must be configured with the same.
 */
final class PeerClient {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  private final String authorization;

  PeerClient(AnalystAuth auth) {
    this.authorization = auth.bearerHeader();
  }

  <T> T get(HostInfo peer, String pathAndQuery, TypeReference<T> type) {
    URI uri = URI.create("http://" + peer.host() + ":" + peer.port() + pathAndQuery);
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
