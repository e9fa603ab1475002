package org.retorno.streams.api;

import org.retorno.avro.Category;

/**
 * Small-cell suppression for public outputs: counts of 1–4 are shown as "<5", and sexual
 * violence, where a single case can identify a person, 1–9 as "<10". Zero is shown: it reveals no
 * one.
 */
public final class SmallCells {
  private SmallCells() {}

  public static int threshold(Category category) {
    return category == Category.SEXUAL_VIOLENCE ? 10 : 5;
  }

  public static boolean suppressed(Category category, long value) {
    return value > 0 && value < threshold(category);
  }

  /** The value as a public output shows it. */
  public static String display(Category category, long value) {
    return suppressed(category, value) ? "<" + threshold(category) : Long.toString(value);
  }
}
