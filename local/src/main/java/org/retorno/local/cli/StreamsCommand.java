package org.retorno.local.cli;

import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.retorno.schemas.Topics;
import org.retorno.streams.app.StreamsApp;
import org.retorno.streams.app.StreamsSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "streams", mixinStandardHelpOptions = true,
    description = {"Run the streams application (claims, events, per-city counts, HTTP endpoint) until Ctrl-C.",
        "Several instances with the same application.id share the work by partitions."})
final class StreamsCommand implements Callable<Integer> {
  @Mixin
  ClientOptions client;

  @Option(names = "--config", paramLabel = "FILE", defaultValue = "${env:RETORNO_STREAMS_CONFIG}",
      description = "Properties file: Kafka Streams settings (application.id, state.dir, num.stream.threads, "
          + "replication.factor, security), retorno.http.host, retorno.http.port (env RETORNO_STREAMS_CONFIG).")
  Path config;

  @Option(names = "--http-port", description = "HTTP endpoint port (default 8080, or retorno.http.port).")
  Integer httpPort;

  @Option(names = "--http-host", description = "HTTP endpoint address (default 127.0.0.1, or retorno.http.host).")
  String httpHost;

  // Declared so that the environment variable is part of the command's documented interface; the
  // settings read it themselves. A flag would show the secret in process lists: use the variable.
  @Option(names = "--analyst-token", hidden = true, defaultValue = "${env:RETORNO_ANALYST_TOKEN}",
      description = "Bearer token of the analyst tier (env RETORNO_ANALYST_TOKEN; several instances "
          + "behind one address must share it). Generated when unset.")
  String analystToken;

  @Option(names = "--create-topics", negatable = true, defaultValue = "true",
      description = "Create the pipeline's topics if missing, with their retention settings (default ${DEFAULT-VALUE}).")
  boolean createTopics;

  @Option(names = "--partitions", defaultValue = "3", description = "Partitions of topics this creates (default ${DEFAULT-VALUE}).")
  int partitions;

  @Option(names = "--replication", defaultValue = "1", description = "Replication of topics this creates (default ${DEFAULT-VALUE}).")
  short replication;

  @Override
  public Integer call() throws Exception {
    Properties props = client.toProperties(config != null ? ClientOptions.load(config) : new Properties());
    if (httpPort != null) {
      props.put(StreamsSettings.HTTP_PORT, httpPort.toString());
    }
    if (httpHost != null) {
      props.put(StreamsSettings.HTTP_HOST, httpHost);
    }
    if (analystToken != null && !analystToken.isBlank()) {
      props.put(StreamsSettings.ANALYST_TOKEN, analystToken);
    }
    StreamsSettings settings = new StreamsSettings(props);
    if (createTopics) {
      try (Admin admin = Admin.create(Clients.adminProperties(props))) {
        Topics.ensureExist(admin, partitions, replication);
      }
    }
    StreamsApp app = StreamsApp.start(settings);
    System.out.println("streams: HTTP endpoint " + app.httpUrl() + " (metrics at /metrics)");
    if (settings.analystTokenGenerated()) {
      System.out.println("streams: analyst bearer token " + app.analystToken()
          + " (made up for this run; set RETORNO_ANALYST_TOKEN to choose one)");
    }
    Shutdown.awaitSignal(app::close);
    return 0;
  }
}
