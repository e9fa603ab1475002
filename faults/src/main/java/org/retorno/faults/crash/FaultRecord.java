package org.retorno.faults.crash;

/**
 * One injected fault and how the system came back from it, each time measured from the SIGKILL;
 * -1 where a step was not observed.
 *
 * @param kind "streams" or "broker"
 * @param target the instance id or broker node killed
 * @param atSeconds seconds after the feed started
 * @param gapSeconds seconds since the previous fault recovered (or the start of the feed)
 * @param duringFeed whether records were still being fed at the kill (a streams kill with nothing
 *     flowing has nothing to process twice, so it cannot catch an at-least-once control)
 * @param toJvmUpMs streams: the new JVM's first Kafka client (JVM started, app settings read)
 * @param toStartedMs streams: Kafka Streams started (stores opened, joining the group); broker:
 *     the restarted node's listener answers with all three brokers
 * @param toRunningMs streams: RUNNING again; broker: every partition's ISR full again
 * @param toProgressMs streams: the restarted JVM has processed records and committed; -1 when it
 *     had nothing left to process
 */
public record FaultRecord(String kind, String target, double atSeconds, double gapSeconds, boolean duringFeed,
    long toJvmUpMs,
    long toStartedMs, long toRunningMs, long toProgressMs) {

  FaultRecord withProgress(long progressMs) {
    return new FaultRecord(kind, target, atSeconds, gapSeconds, duringFeed, toJvmUpMs, toStartedMs, toRunningMs,
        progressMs);
  }
}
