package org.retorno.faults.crash;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

/**
 * One crash run: the workload, the faults and how the streams instances are configured.
 *
 * @param label names the run in the report ("exactly-once", "negative control")
 * @param streamsKills how many times a streams instance is killed (SIGKILL) and restarted
 * @param brokerKills how many times a broker is killed (SIGKILL) and restarted
 * @param minGap shortest time between two faults
 * @param maxGap longest planned time between two faults
 * @param feedRate records per second sent to raw-case-counts
 * @param streamsSettings Kafka Streams settings of both instances (guarantee, cache, commit interval)
 * @param workDir where the cluster's data, configs and every process's log go
 * @param convergeTimeout how long the pipeline may take to catch up after the last fault
 */
public record RunOptions(String label, WorkloadSpec workload, int streamsKills, int brokerKills, Duration minGap,
    Duration maxGap, int feedRate, Properties streamsSettings, Path workDir, Duration convergeTimeout) {

  /**
   * Static members: a restart within this time gets its partitions back without a rebalance. A
   * restart on this loaded machine reaches the group 15-50 s after the kill; past the timeout the
   * member is dropped and the rejoin costs two rebalances instead of none.
   */
  public static final String SESSION_TIMEOUT_MS = "90000";

  public static Properties exactlyOnce() {
    Properties props = new Properties();
    props.put("processing.guarantee", "exactly_once_v2");
    props.put("session.timeout.ms", SESSION_TIMEOUT_MS);
    return props;
  }

  /** The negative control: at-least-once with the record cache off, every update sent on at once. */
  public static Properties atLeastOnceNoCache(int commitIntervalMs) {
    Properties props = new Properties();
    props.put("processing.guarantee", "at_least_once");
    props.put("statestore.cache.max.bytes", "0");
    props.put("commit.interval.ms", Integer.toString(commitIntervalMs));
    props.put("session.timeout.ms", SESSION_TIMEOUT_MS);
    return props;
  }

  public String guarantee() {
    return streamsSettings.getProperty("processing.guarantee");
  }
}
