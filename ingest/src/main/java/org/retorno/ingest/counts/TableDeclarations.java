package org.retorno.ingest.counts;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a table says about itself in comment lines before its header, one {@code # key: value} a
 * line: {@code metric}, {@code semantics}, {@code source}, {@code source_url}, {@code mapping},
 * {@code thousands-separator}. Keys are read case-insensitively with {@code -}, {@code _} and space
 * alike; other comment lines are prose and ignored.
 */
final class TableDeclarations {
  private static final Pattern DECLARATION = Pattern.compile("^\\s*([A-Za-z][A-Za-z _-]{0,40}?)\\s*[:=]\\s*(.*?)\\s*$");

  private final Map<String, String> values;

  private TableDeclarations(Map<String, String> values) {
    this.values = values;
  }

  static TableDeclarations parse(String headerComment) {
    Map<String, String> values = new HashMap<>();
    if (headerComment != null) {
      for (String line : headerComment.split("\\R")) {
        Matcher matcher = DECLARATION.matcher(line);
        if (matcher.matches() && !matcher.group(2).isEmpty()) {
          values.putIfAbsent(key(matcher.group(1)), matcher.group(2));
        }
      }
    }
    return new TableDeclarations(values);
  }

  Optional<String> get(String key) {
    return Optional.ofNullable(values.get(key(key)));
  }

  private static String key(String raw) {
    return raw.strip().toLowerCase(Locale.ROOT).replaceAll("[ _-]+", "_");
  }
}
