package org.retorno.streams.detect;

import java.math.BigDecimal;

/** How parameters and results are written: shortest exact decimal, NA for undefined (as R prints). */
public final class Numbers {
  private Numbers() {
  }

  /** 0.5 not 0.50000, 7 not 7.0; NA for NaN, Inf and -Inf for infinities. */
  public static String plain(double value) {
    if (Double.isNaN(value)) {
      return "NA";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "Inf" : "-Inf";
    }
    return new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
  }

  /** Rounded to {@code digits} decimals for a table, NA for NaN. */
  public static String rounded(double value, int digits) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return plain(value);
    }
    return plain(BigDecimal.valueOf(value).setScale(digits, java.math.RoundingMode.HALF_EVEN).doubleValue());
  }
}
