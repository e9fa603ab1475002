package org.retorno.local.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine.Option;

/**
 * How a command reaches Kafka and the schema registry. Settings come, in increasing priority,
 * from a properties file, from environment variables and from flags; security settings
 * (security.protocol, ssl.*, sasl.*, basic.auth.*) pass through to the Kafka clients and serdes.
 */
public final class ClientOptions {
  @Option(names = "--bootstrap", paramLabel = "HOST:PORT",
      defaultValue = "${env:RETORNO_BOOTSTRAP:-localhost:9092}",
      description = "Kafka bootstrap servers (env RETORNO_BOOTSTRAP; default ${DEFAULT-VALUE}).")
  String bootstrap;

  @Option(names = "--registry", paramLabel = "URL",
      defaultValue = "${env:RETORNO_REGISTRY:-http://localhost:8081}",
      description = "Schema registry URL, Confluent-compatible (env RETORNO_REGISTRY; default ${DEFAULT-VALUE}).")
  String registry;

  @Option(names = "--client-config", paramLabel = "FILE",
      defaultValue = "${env:RETORNO_CLIENT_CONFIG}",
      description = "Properties file with client settings, e.g. security.protocol, ssl.*, sasl.*, basic.auth.user.info (env RETORNO_CLIENT_CONFIG).")
  Path clientConfig;

  @Option(names = {"-X", "--set"}, paramLabel = "KEY=VALUE",
      description = "Any Kafka client, Streams or serde setting; repeatable; overrides the file.")
  Map<String, String> overrides = new LinkedHashMap<>();

  /** File settings, then flags: {@code --bootstrap} and {@code --registry} always win. */
  public Properties toProperties() {
    Properties props = new Properties();
    if (clientConfig != null) {
      props.putAll(load(clientConfig));
    }
    props.putAll(overrides);
    props.put("bootstrap.servers", bootstrap);
    props.put("schema.registry.url", registry);
    return props;
  }

  static Properties load(Path file) {
    Properties props = new Properties();
    try (InputStream in = Files.newInputStream(file)) {
      props.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read settings file " + file + ": " + e.getMessage(), e);
    }
    return props;
  }
}
