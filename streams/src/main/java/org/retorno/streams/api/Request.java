package org.retorno.streams.api;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.retorno.avro.Category;
import org.retorno.schemas.geo.BorderCity;

/** A GET request's path, query parameters and tier, with parsers that fail as a 400 naming the parameter. */
record Request(String path, Map<String, String> params, Tier tier) {

  static Request of(URI uri, Tier tier) {
    return new Request(uri.getPath(), query(uri.getRawQuery()), tier);
  }

  Optional<String> param(String name) {
    String value = params.get(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
  }

  LocalDate date(String name, LocalDate otherwise) {
    return param(name).map(text -> parseDate(name, text)).orElse(otherwise);
  }

  Optional<BorderCity> city(String name) {
    return param(name).map(Request::parseCity);
  }

  /** Comma-separated categories; all of them when absent. */
  Set<Category> categories(String name) {
    Optional<String> text = param(name);
    if (text.isEmpty()) {
      return EnumSet.allOf(Category.class);
    }
    Set<Category> categories = EnumSet.noneOf(Category.class);
    for (String part : text.get().split(",")) {
      categories.add(parseCategory(name, part));
    }
    return categories;
  }

  Optional<Category> category(String name) {
    return param(name).map(text -> parseCategory(name, text));
  }

  static Category parseCategory(String name, String text) {
    try {
      return Category.valueOf(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(name + " is not a category: " + text.strip());
    }
  }

  static LocalDate parseDate(String name, String text) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest(name + " is not a date (yyyy-mm-dd): " + text);
    }
  }

  /** A GeoNames id or a spelling of a border city's name; an unknown city is a 400. */
  static BorderCity parseCity(String text) {
    return findCity(text).orElseThrow(() -> ApiException.badRequest("not a border city: " + text.strip()));
  }

  static Optional<BorderCity> findCity(String text) {
    String trimmed = text.strip();
    Optional<BorderCity> city;
    if (trimmed.chars().allMatch(Character::isDigit) && !trimmed.isEmpty() && trimmed.length() < 19) {
      city = BorderCity.byGeonamesId(Long.parseLong(trimmed));
    } else {
      city = BorderCity.byName(trimmed);
    }
    return city;
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> params = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return params;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      params.put(key, value);
    }
    return params;
  }
}
