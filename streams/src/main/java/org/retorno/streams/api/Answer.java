package org.retorno.streams.api;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** What an endpoint answers: status, content type and body, plus any extra headers. */
record Answer(int status, String contentType, byte[] body, Map<String, String> headers) {

  static Answer json(int status, Object value) {
    return new Answer(status, "application/json; charset=utf-8", Json.write(value), Map.of());
  }

  static Answer ok(Object value) {
    return json(200, value);
  }

  static Answer error(int status, String message) {
    return json(status, Map.of("error", message));
  }

  static Answer text(int status, String contentType, String body) {
    return new Answer(status, contentType, body.getBytes(StandardCharsets.UTF_8), Map.of());
  }

  Answer withHeader(String name, String value) {
    Map<String, String> more = new java.util.LinkedHashMap<>(headers);
    more.put(name, value);
    return new Answer(status, contentType, body, Map.copyOf(more));
  }
}
