package org.retorno.streams.topology;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.retorno.streams.detect.DetectionConfig;

/**
 * What the topology depends on besides its input: the serde settings (registry URL), the rules
 * for joining claims into events, and the rules for placing them in time.
 *
 * @param serdeConfig Confluent-style serde settings: {@code schema.registry.url} and friends
 * @param sameDayWindowDays how far apart two day-precise claims may be and still be one event
 * @param coarseWindowDays the same when either date is coarser than a day
 * @param settleDays a period is provisional until stream time is this many days past its end
 * @param seriesStart claims dated before this are rejected (MPP began in January 2019)
 * @param clock today's date, for rejecting claims dated in the future
 * @param detection which spike method watches which series
 * @param listener told about documents, claims, events, rejections and alerts, for metrics
 */
public record TopologyConfig(Map<String, ?> serdeConfig, int sameDayWindowDays, int coarseWindowDays,
    int settleDays, LocalDate seriesStart, Clock clock, DetectionConfig detection,
    PipelineListener listener) {

  public static final int DEFAULT_SETTLE_DAYS = 30;
  public static final LocalDate DEFAULT_SERIES_START = LocalDate.of(2019, 1, 1);

  public TopologyConfig {
    serdeConfig = Map.copyOf(serdeConfig);
    if (sameDayWindowDays < 0 || coarseWindowDays < sameDayWindowDays) {
      throw new IllegalArgumentException("event windows must satisfy 0 <= sameDay <= coarse, got "
          + sameDayWindowDays + " and " + coarseWindowDays);
    }
    if (settleDays < 0) {
      throw new IllegalArgumentException("settling time must not be negative: " + settleDays);
    }
  }

  public static TopologyConfig withDefaults(Map<String, ?> serdeConfig) {
    return new TopologyConfig(serdeConfig, 1, 7, DEFAULT_SETTLE_DAYS, DEFAULT_SERIES_START,
        Clock.systemUTC(), DetectionConfig.defaults(), PipelineListener.NONE);
  }

  public TopologyConfig withSettleDays(int days) {
    return new TopologyConfig(serdeConfig, sameDayWindowDays, coarseWindowDays, days, seriesStart, clock, detection, listener);
  }

  public TopologyConfig withSeriesStart(LocalDate start) {
    return new TopologyConfig(serdeConfig, sameDayWindowDays, coarseWindowDays, settleDays, start, clock, detection, listener);
  }

  public TopologyConfig withClock(Clock newClock) {
    return new TopologyConfig(serdeConfig, sameDayWindowDays, coarseWindowDays, settleDays, seriesStart, newClock, detection, listener);
  }

  public TopologyConfig withDetection(DetectionConfig newDetection) {
    return new TopologyConfig(serdeConfig, sameDayWindowDays, coarseWindowDays, settleDays, seriesStart, clock,
        newDetection, listener);
  }

  public TopologyConfig withListener(PipelineListener newListener) {
    return new TopologyConfig(serdeConfig, sameDayWindowDays, coarseWindowDays, settleDays, seriesStart, clock,
        detection, newListener);
  }
}
