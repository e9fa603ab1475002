package org.retorno.streams.detect;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Makes methods from their names and parameters, as the command line and the per-metric
 * configuration write them: {@code c1}, {@code c2:min-sigma=0.5},
 * {@code cusum:ratio=2,dispersion=0.2,threshold=5}. Parameters left out take R's defaults (EARS)
 * or this class's (CUSUM). Bad input is refused with a one-line reason.
 */
public final class SpikeMethods {
  /** The method names, in the order the command line lists them. */
  public static final List<String> NAMES = List.of("c1", "c2", "c3", "c3-cdc", "cusum");

  public static final double DEFAULT_CUSUM_RATIO = 2;
  public static final double DEFAULT_CUSUM_DISPERSION = 0;
  public static final double DEFAULT_CUSUM_THRESHOLD = 5;
  public static final int DEFAULT_CUSUM_BASELINE = 8;
  public static final int DEFAULT_CUSUM_GUARD = 1;
  public static final double DEFAULT_CUSUM_MIN_MEAN = 0.5;

  private static final Map<String, List<String>> KEYS = Map.of(
      "c1", List.of("baseline", "alpha", "min-sigma"),
      "c2", List.of("baseline", "alpha", "min-sigma"),
      "c3", List.of("baseline", "alpha", "min-sigma"),
      "c3-cdc", List.of("baseline", "min-sigma", "threshold"),
      "cusum", List.of("ratio", "dispersion", "threshold", "baseline", "guard", "min-mean"));

  private SpikeMethods() {
  }

  /** Reads {@code name[:key=value[,key=value...]]}. */
  public static SpikeMethod parse(String spec) {
    String trimmed = spec.trim();
    int colon = trimmed.indexOf(':');
    String name = colon < 0 ? trimmed : trimmed.substring(0, colon);
    Map<String, String> parameters = new LinkedHashMap<>();
    if (colon >= 0 && colon < trimmed.length() - 1) {
      for (String pair : trimmed.substring(colon + 1).split(",")) {
        int equals = pair.indexOf('=');
        if (equals <= 0) {
          throw new IllegalArgumentException("method '" + spec + "': '" + pair.trim() + "' is not key=value");
        }
        parameters.put(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
      }
    }
    return create(name, parameters);
  }

  /** The method {@code name} with {@code parameters} (configuration names, values as text). */
  public static SpikeMethod create(String name, Map<String, String> parameters) {
    String method = name.trim().toLowerCase(Locale.ROOT);
    List<String> keys = KEYS.get(method);
    if (keys == null) {
      throw new IllegalArgumentException("unknown method '" + name + "': use " + String.join(", ", NAMES));
    }
    for (String key : parameters.keySet()) {
      if (!keys.contains(key)) {
        throw new IllegalArgumentException("method " + method + " has no parameter '" + key + "': use "
            + String.join(", ", keys));
      }
    }
    Values values = new Values(method, parameters);
    return switch (method) {
      case "c1" -> EarsC1C2.c1(ears(values, EarsParameters.DEFAULT_ALPHA_C1_C2));
      case "c2" -> EarsC1C2.c2(ears(values, EarsParameters.DEFAULT_ALPHA_C1_C2));
      case "c3" -> new EarsC3(ears(values, EarsParameters.DEFAULT_ALPHA_C3));
      case "c3-cdc" -> new EarsC3Cdc(values.integer("baseline", EarsParameters.DEFAULT_BASELINE),
          values.number("min-sigma", 0), values.number("threshold", EarsC3Cdc.DEFAULT_THRESHOLD));
      default -> new CountCusum(values.number("ratio", DEFAULT_CUSUM_RATIO),
          values.number("dispersion", DEFAULT_CUSUM_DISPERSION),
          values.number("threshold", DEFAULT_CUSUM_THRESHOLD),
          values.integer("baseline", DEFAULT_CUSUM_BASELINE),
          values.integer("guard", DEFAULT_CUSUM_GUARD),
          values.number("min-mean", DEFAULT_CUSUM_MIN_MEAN));
    };
  }

  private static EarsParameters ears(Values values, double defaultAlpha) {
    return new EarsParameters(values.integer("baseline", EarsParameters.DEFAULT_BASELINE),
        values.number("alpha", defaultAlpha), values.number("min-sigma", 0));
  }

  private record Values(String method, Map<String, String> given) {
    double number(String key, double fallback) {
      String text = given.get(key);
      if (text == null) {
        return fallback;
      }
      try {
        return Double.parseDouble(text);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("method " + method + ": " + key + " '" + text + "' is not a number");
      }
    }

    int integer(String key, int fallback) {
      String text = given.get(key);
      if (text == null) {
        return fallback;
      }
      try {
        return Integer.parseInt(text);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("method " + method + ": " + key + " '" + text + "' is not a whole number");
      }
    }
  }
}
