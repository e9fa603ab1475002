package org.retorno.local.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.retorno.local.broker.BrokerOptions;
import org.retorno.local.broker.EmbeddedBroker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "broker", mixinStandardHelpOptions = true,
    description = "Run a single-node Kafka broker (KRaft) on this machine until Ctrl-C.")
final class BrokerCommand implements Callable<Integer> {
  @Option(names = "--data-dir", defaultValue = "./data", description = "Where the broker keeps its log (default ${DEFAULT-VALUE}).")
  Path dataDir;

  @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on (default ${DEFAULT-VALUE}; loopback).")
  String host;

  @Option(names = "--port", defaultValue = "9092", description = "Client port (default ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--controller-port", defaultValue = "0", description = "KRaft controller port (default: any free port).")
  int controllerPort;

  @Override
  public Integer call() {
    EmbeddedBroker broker = EmbeddedBroker.start(
        new BrokerOptions(dataDir, host, port, controllerPort, Map.of()));
    System.out.println("broker: " + broker.bootstrapServers() + " (data in " + dataDir.toAbsolutePath() + ")");
    Shutdown.awaitSignal(broker::close);
    return 0;
  }
}
