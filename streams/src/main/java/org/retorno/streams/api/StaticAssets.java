package org.retorno.streams.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The dashboard's files, from the classpath only: the page and its script under
 * {@code dashboard/}, uPlot from its WebJar. Nothing is fetched from elsewhere at run time.
 */
final class StaticAssets {
  private static final String UPLOT = "META-INF/resources/webjars/uplot/1.6.30/dist/";
  private static final Map<String, String> FILES = Map.of(
      "/", "dashboard/index.html",
      "/assets/dashboard.js", "dashboard/dashboard.js",
      "/assets/dashboard.css", "dashboard/dashboard.css",
      "/assets/border.js", "dashboard/border.js",
      "/assets/uPlot.iife.min.js", UPLOT + "uPlot.iife.min.js",
      "/assets/uPlot.min.css", UPLOT + "uPlot.min.css",
      "/openapi.json", "dashboard/openapi.json");
  private static final Map<String, String> TYPES = Map.of(
      "html", "text/html; charset=utf-8",
      "js", "text/javascript; charset=utf-8",
      "css", "text/css; charset=utf-8",
      "json", "application/json; charset=utf-8");

  private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

  Optional<Answer> answer(String path) {
    String resource = FILES.get(path);
    if (resource == null) {
      return Optional.empty();
    }
    byte[] body = cache.computeIfAbsent(resource, StaticAssets::load);
    String type = TYPES.get(resource.substring(resource.lastIndexOf('.') + 1));
    return Optional.of(new Answer(200, type, body, Map.of("Cache-Control", "no-cache")));
  }

  private static byte[] load(String resource) {
    try (InputStream in = StaticAssets.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing from the classpath: " + resource);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
