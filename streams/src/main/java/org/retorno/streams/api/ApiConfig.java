package org.retorno.streams.api;

import java.util.Map;
import java.util.Properties;

/**
 * What the HTTP API needs besides the streams instance: the analyst token (also what instances
 * show each other), client settings for its own topic consumer, serde settings, and how many
 * claims and alerts it keeps in memory.
 */
public record ApiConfig(String analystToken, Properties clientProperties, Map<String, ?> serdeConfig,
    int claimCapacity, int alertCapacity) {

  public ApiConfig {
    clientProperties = (Properties) clientProperties.clone();
    serdeConfig = Map.copyOf(serdeConfig);
  }

  public static ApiConfig of(String analystToken, Properties clientProperties, Map<String, ?> serdeConfig) {
    return new ApiConfig(analystToken, clientProperties, serdeConfig, 500_000, 10_000);
  }
}
