package org.retorno.local.demo;

import java.nio.file.Path;

/**
 * Where the local pipeline keeps its data and listens. Port 0 picks a free port; everything
 * listens on {@code host}, loopback unless the operator asks otherwise.
 */
public record PipelineOptions(Path dataDir, String host, int brokerPort, int registryPort,
    int httpPort, int partitions) {

  public static PipelineOptions ephemeral(Path dataDir) {
    return new PipelineOptions(dataDir, "127.0.0.1", 0, 0, 0, 2);
  }
}
