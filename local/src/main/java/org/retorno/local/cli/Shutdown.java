package org.retorno.local.cli;

import java.util.concurrent.CountDownLatch;

/** Blocks a long-running command until Ctrl-C (SIGINT/SIGTERM), then lets it close cleanly. */
final class Shutdown {
  private Shutdown() {}

  static void awaitSignal(Runnable onShutdown) {
    CountDownLatch stopped = new CountDownLatch(1);
    CountDownLatch closed = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      stopped.countDown();
      try {
        closed.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "retorno-shutdown"));
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      try {
        onShutdown.run();
      } finally {
        closed.countDown();
      }
    }
  }
}
