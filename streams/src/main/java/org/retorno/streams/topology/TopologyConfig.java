package org.retorno.streams.topology;

import java.util.Map;

/**
 * What the topology depends on besides its input: the serde settings (registry URL) and the
 * rules for joining claims into events.
 *
 * @param serdeConfig Confluent-style serde settings: {@code schema.registry.url} and friends
 * @param sameDayWindowDays how far apart two day-precise claims may be and still be one event
 * @param coarseWindowDays the same when either date is coarser than a day
 */
public record TopologyConfig(Map<String, ?> serdeConfig, int sameDayWindowDays, int coarseWindowDays) {

  public TopologyConfig {
    serdeConfig = Map.copyOf(serdeConfig);
    if (sameDayWindowDays < 0 || coarseWindowDays < sameDayWindowDays) {
      throw new IllegalArgumentException("event windows must satisfy 0 <= sameDay <= coarse, got "
          + sameDayWindowDays + " and " + coarseWindowDays);
    }
  }

  public static TopologyConfig withDefaults(Map<String, ?> serdeConfig) {
    return new TopologyConfig(serdeConfig, 1, 7);
  }
}
