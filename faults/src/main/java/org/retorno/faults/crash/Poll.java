package org.retorno.faults.crash;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waiting for a condition by polling it, never by sleeping a guessed time. */
final class Poll {
  private static final long INTERVAL_MS = 100;

  private Poll() {}

  static void until(String what, Duration timeout, BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("timed out after " + timeout.toSeconds() + " s waiting for " + what);
      }
      pause();
    }
  }

  /** True once the condition holds, false when the timeout passes first. */
  static boolean within(Duration timeout, BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      pause();
    }
    return true;
  }

  /** Waits until {@code dueNanos} ({@link System#nanoTime()}): the planned moment of the next fault. */
  static void sleepUntil(long dueNanos) {
    long wait = dueNanos - System.nanoTime();
    if (wait > 0) {
      try {
        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting", e);
      }
    }
  }

  static void pause() {
    try {
      Thread.sleep(INTERVAL_MS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting", e);
    }
  }
}
