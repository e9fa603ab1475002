package org.retorno.local.cli;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.retorno.local.registry.RegistryOptions;
import org.retorno.local.registry.RegistryServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "registry", mixinStandardHelpOptions = true,
    description = {"Run a Confluent-compatible schema registry until Ctrl-C.",
        "Its state lives in the compacted _schemas topic, so it survives restarts."})
final class RegistryCommand implements Callable<Integer> {
  @Mixin
  ClientOptions client;

  @Option(names = "--host", defaultValue = RegistryOptions.DEFAULT_HOST, description = "Address to listen on (default ${DEFAULT-VALUE}; loopback).")
  String host;

  @Option(names = "--port", defaultValue = "8081", description = "Port (default ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--topic", defaultValue = RegistryOptions.DEFAULT_TOPIC, description = "State topic (default ${DEFAULT-VALUE}).")
  String topic;

  @Override
  public Integer call() {
    Properties props = client.toProperties();
    Map<String, Object> clientProps = new HashMap<>();
    for (String key : Clients.adminProperties(props).stringPropertyNames()) {
      if (!key.equals("bootstrap.servers")) {
        clientProps.put(key, props.getProperty(key));
      }
    }
    RegistryServer server = RegistryServer.start(
        RegistryOptions.defaults(props.getProperty("bootstrap.servers")).withHost(host).withPort(port).withTopic(topic)
            .withClientProperties(clientProps));
    System.out.println("registry: " + server.url() + " (state in topic " + topic + ")");
    Shutdown.awaitSignal(server::close);
    return 0;
  }
}
