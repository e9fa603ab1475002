package org.retorno.bench.suite;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;

/**
 * CPU time of the stream threads of one application. On a machine shared with other builds the
 * wall clock is noisy; the CPU the stream threads themselves spent per record is not.
 */
final class StreamThreadsCpu {
  private final String applicationId;
  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final java.util.Map<Long, Long> lastSeen = new java.util.HashMap<>();

  StreamThreadsCpu(String applicationId) {
    this.applicationId = applicationId;
  }

  /** Samples every live stream thread; call often enough to see threads before they end. */
  void sample() {
    for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info != null && info.getThreadName().startsWith(applicationId)
          && info.getThreadName().contains("StreamThread")) {
        long cpu = threads.getThreadCpuTime(info.getThreadId());
        if (cpu >= 0) {
          lastSeen.put(info.getThreadId(), cpu);
        }
      }
    }
  }

  /** CPU seconds of all stream threads seen, up to their last sample. */
  double seconds() {
    return lastSeen.values().stream().mapToLong(Long::longValue).sum() / 1e9;
  }
}
