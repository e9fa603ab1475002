package org.retorno.ingest.counts;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A file's declared thousands separator, from a comment line before its header:
 * {@code # thousands-separator: .} (Spanish convention, "16.714"), {@code ,} (English, "16,714") or
 * {@code space}.
 */
enum ThousandsSeparator {
  DOT('.'), COMMA(','), SPACE(' ');

  private static final Pattern DECLARATION =
      Pattern.compile("thousands[-_ ]separator\\s*[:=]\\s*(\\S+)", Pattern.CASE_INSENSITIVE);

  private final char symbol;

  ThousandsSeparator(char symbol) {
    this.symbol = symbol;
  }

  char symbol() { return symbol; }

  /** @return the declared separator; empty when the comment declares none */
  static Optional<ThousandsSeparator> declaredIn(String headerComment) throws IllegalArgumentException {
    if (headerComment == null) {
      return Optional.empty();
    }
    Matcher matcher = DECLARATION.matcher(headerComment);
    if (!matcher.find()) {
      return Optional.empty();
    }
    return switch (matcher.group(1).replaceAll("[\"']", "").toLowerCase(java.util.Locale.ROOT)) {
      case "." -> Optional.of(DOT);
      case "," -> Optional.of(COMMA);
      case "space", "\u00a0", "\u202f" -> Optional.of(SPACE);
      default -> throw new IllegalArgumentException("unknown thousands separator (use '.', ',' or space)");
    };
  }
}
