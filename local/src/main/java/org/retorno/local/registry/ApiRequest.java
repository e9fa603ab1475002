package org.retorno.local.registry;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One HTTP request, decoded: method, URL-decoded path segments, query parameters and the raw body.
 */
record ApiRequest(String method, List<String> segments, Map<String, String> query, byte[] body) {

  /** The longest schema text accepted; our largest contract is a few kilobytes. */
  static final int MAX_SCHEMA_CHARS = 1024 * 1024;
  /** Request bodies are flat objects; the schema inside is a string, parsed by Avro on its own. */
  static final int MAX_BODY_NESTING = 16;

  static final ObjectMapper JSON = JsonMapper.builder(JsonFactory.builder()
          .streamReadConstraints(StreamReadConstraints.builder()
              .maxDocumentLength(RegistryHttpHandler.MAX_BODY_BYTES)
              .maxStringLength(MAX_SCHEMA_CHARS)
              .maxNestingDepth(MAX_BODY_NESTING)
              .build())
          .build())
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  ApiRequest {
    segments = List.copyOf(segments);
    query = Map.copyOf(query);
  }

  static ApiRequest of(String method, String rawPath, String rawQuery, byte[] body) {
    return new ApiRequest(method, segments(rawPath), query(rawQuery), body);
  }

  /** True when the query parameter is present and "true" (any case), as Jersey reads booleans. */
  boolean flag(String name) {
    return "true".equalsIgnoreCase(query.get(name));
  }

  /**
   * The body as a JSON object. The error names where the JSON broke, never what it said: bodies
   * may carry anything, and error messages end up in logs.
   */
  ObjectNode jsonObject() {
    if (body.length == 0) {
      throw ApiError.unprocessable("Request body is empty; expected a JSON object");
    }
    JsonNode node;
    try {
      node = JSON.readTree(body);
    } catch (StreamConstraintsException e) {
      // Jackson's message names the limit and the size, never the content.
      throw new ApiError(413, 413, "Request body exceeds the registry's limits: "
          + e.getOriginalMessage());
    } catch (JacksonException e) {
      JsonLocation at = e.getLocation();
      String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      throw ApiError.unprocessable("Request body is not valid JSON" + where);
    } catch (java.io.IOException e) {
      throw ApiError.unprocessable("Request body could not be read");
    }
    if (node == null || !node.isObject()) {
      throw ApiError.unprocessable("Request body must be a JSON object");
    }
    return (ObjectNode) node;
  }

  /** "/subjects/a%2Fb/versions/" becomes [subjects, a/b, versions]; "+" stays a plus in a path. */
  private static List<String> segments(String rawPath) {
    String path = rawPath == null ? "" : rawPath;
    while (path.startsWith("/")) {
      path = path.substring(1);
    }
    if (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    List<String> segments = new ArrayList<>();
    if (path.isEmpty()) {
      return segments;
    }
    for (String raw : path.split("/", -1)) {
      segments.add(decode(raw.replace("+", "%2B"), "path"));
    }
    return segments;
  }

  private static Map<String, String> query(String rawQuery) {
    Map<String, String> params = new HashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return params;
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq), "query");
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1), "query");
      params.putIfAbsent(name, value);
    }
    return params;
  }

  private static String decode(String raw, String part) {
    try {
      return URLDecoder.decode(raw, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new ApiError(400, 400, "Malformed percent-encoding in the request " + part);
    }
  }
}
