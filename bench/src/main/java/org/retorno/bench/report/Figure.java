package org.retorno.bench.report;

import java.util.Locale;

/**
 * One measured figure: its JSON key, what it is, its value and unit, and its target if the issue
 * set one.
 */
public record Figure(String section, String key, String label, double value, String unit, Target target) {
  public boolean produced() {
    return !Double.isNaN(value) && !Double.isInfinite(value);
  }

  /** Three significant digits, with thousands separated: figures from a noisy machine need no more. */
  static String format(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return "n/a";
    }
    double magnitude = Math.abs(value);
    if (magnitude >= 1000) {
      return String.format(Locale.ROOT, "%,.0f", value);
    }
    if (magnitude >= 100) {
      return String.format(Locale.ROOT, "%.0f", value);
    }
    if (magnitude >= 10) {
      return String.format(Locale.ROOT, "%.1f", value);
    }
    return String.format(Locale.ROOT, "%.3f", value);
  }

  String formattedValue() {
    return format(value) + (unit.isEmpty() ? "" : " " + unit);
  }

  String verdict() {
    if (target == null) {
      return "";
    }
    return target.describe() + (target.metBy(value) ? " ✓" : " ✗");
  }
}
