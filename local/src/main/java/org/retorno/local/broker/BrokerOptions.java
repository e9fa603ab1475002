package org.retorno.local.broker;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the embedded broker keeps its data and where it listens. Port 0 picks a free port.
 *
 * @param overrides extra broker properties, applied last
 */
public record BrokerOptions(Path dataDir, String host, int port, int controllerPort,
    Map<String, String> overrides) {

  public BrokerOptions {
    overrides = Map.copyOf(overrides);
  }

  public static BrokerOptions ephemeral(Path dataDir) {
    return new BrokerOptions(dataDir, "127.0.0.1", 0, 0, Map.of());
  }

  public BrokerOptions withPort(int newPort) {
    return new BrokerOptions(dataDir, host, newPort, controllerPort, overrides);
  }

  public BrokerOptions withHost(String newHost) {
    return new BrokerOptions(dataDir, newHost, port, controllerPort, overrides);
  }
}
