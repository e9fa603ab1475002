package org.retorno.faults.crash;

/**
 * One injected fault and how the system came back from it.
 *
 * @param kind "streams" or "broker"
 * @param target the instance id or broker node killed
 * @param atSeconds seconds after the feed started
 * @param gapSeconds seconds since the previous fault (or the start of the feed)
 * @param toRunningMs SIGKILL to RUNNING again (streams), or to the broker registered again
 * @param toProgressMs SIGKILL to the first offset the restarted member committed; -1 when it had
 *     nothing left to process
 */
public record FaultRecord(String kind, String target, double atSeconds, double gapSeconds, long toRunningMs,
    long toProgressMs) {}
