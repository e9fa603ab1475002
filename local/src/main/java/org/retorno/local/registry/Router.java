package org.retorno.local.registry;

import java.util.ArrayList;
import java.util.List;

/**
 * Maps a method and path segments to an endpoint. Patterns are written like
 * {@code "subjects/{}/versions"}: {@code {}} takes one non-empty segment and hands it to the
 * endpoint, a trailing {@code **} takes the rest. A known path with another method is a 405, an
 * unknown path a 404, both with Confluent's error body.
 */
final class Router {

  @FunctionalInterface
  interface Endpoint {
    ApiResponse handle(ApiRequest request, List<String> params);
  }

  /** A matched route: the endpoint and the name to log it under. */
  record Match(String name, Endpoint endpoint, List<String> params) {}

  private record Route(String method, String pattern, List<String> parts, Endpoint endpoint) {}

  /** Code that runs around every endpoint, e.g. to translate domain errors. */
  @FunctionalInterface
  interface Wrapper {
    ApiResponse around(Endpoint endpoint, ApiRequest request, List<String> params);
  }

  private final List<Route> routes = new ArrayList<>();

  Router add(String method, String pattern, Endpoint endpoint) {
    List<String> parts = pattern.isEmpty() ? List.of() : List.of(pattern.split("/"));
    routes.add(new Route(method, pattern, parts, endpoint));
    return this;
  }

  /** Applies {@code wrapper} around every endpoint added so far. */
  Router wrapping(Wrapper wrapper) {
    routes.replaceAll(route -> new Route(route.method(), route.pattern(), route.parts(),
        (request, params) -> wrapper.around(route.endpoint(), request, params)));
    return this;
  }

  Match match(String method, List<String> segments) {
    boolean pathKnown = false;
    for (Route route : routes) {
      List<String> params = bind(route.parts(), segments);
      if (params == null) {
        continue;
      }
      pathKnown = true;
      if (route.method().equals(method)) {
        return new Match(method + " /" + route.pattern(), route.endpoint(), params);
      }
    }
    if (pathKnown) {
      throw ApiError.methodNotAllowed(method);
    }
    throw ApiError.notFound("HTTP 404 Not Found");
  }

  private static List<String> bind(List<String> parts, List<String> segments) {
    List<String> params = new ArrayList<>();
    for (int i = 0; i < parts.size(); i++) {
      String part = parts.get(i);
      if (part.equals("**")) {
        return params;
      }
      if (i >= segments.size()) {
        return null;
      }
      String segment = segments.get(i);
      if (part.equals("{}")) {
        if (segment.isEmpty()) {
          return null;
        }
        params.add(segment);
      } else if (!part.equals(segment)) {
        return null;
      }
    }
    return parts.size() == segments.size() ? params : null;
  }
}
