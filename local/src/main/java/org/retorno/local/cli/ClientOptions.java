package org.retorno.local.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine.Option;

/**
 * How a command reaches Kafka and the schema registry. Settings come, in increasing priority,
 * from a properties file, from environment variables and from flags; security settings
 * (security.protocol, ssl.*, sasl.*, and the registry's basic.auth.*, bearer.auth.*,
 * schema.registry.ssl.*) pass through to the Kafka clients and serdes.
 *
 * <p>Any setting may also come from an environment variable named {@value #ENV_PREFIX} plus the
 * key in capitals with dots as underscores, e.g. {@code RETORNO_CLIENT_BEARER_AUTH_TOKEN} for
 * {@code bearer.auth.token}: the way to hand a secret to a container without a file or a flag.
 */
public final class ClientOptions {
  static final String ENV_PREFIX = "RETORNO_CLIENT_";

  static final String DEFAULT_BOOTSTRAP = "localhost:9092";
  static final String DEFAULT_REGISTRY = "http://localhost:8081";

  @Option(names = "--bootstrap", paramLabel = "HOST:PORT",
      defaultValue = "${env:RETORNO_BOOTSTRAP}",
      description = "Kafka bootstrap servers (env RETORNO_BOOTSTRAP; else the settings file; else " + DEFAULT_BOOTSTRAP + ").")
  String bootstrap;

  @Option(names = "--registry", paramLabel = "URL",
      defaultValue = "${env:RETORNO_REGISTRY}",
      description = "Schema registry URL, Confluent-compatible (env RETORNO_REGISTRY; else the settings file; else " + DEFAULT_REGISTRY + ").")
  String registry;

  @Option(names = "--client-config", paramLabel = "FILE",
      defaultValue = "${env:RETORNO_CLIENT_CONFIG}",
      description = "Properties file with client settings, e.g. security.protocol, ssl.*, sasl.*, basic.auth.user.info, bearer.auth.token, schema.registry.ssl.* (env RETORNO_CLIENT_CONFIG; single settings also from env RETORNO_CLIENT_<KEY>).")
  Path clientConfig;

  @Option(names = {"-X", "--set"}, paramLabel = "KEY=VALUE",
      description = "Any Kafka client, Streams or serde setting; repeatable; overrides the file.")
  Map<String, String> overrides = new LinkedHashMap<>();

  public Properties toProperties() {
    return toProperties(new Properties());
  }

  /**
   * Settings in increasing priority: {@code base} (a command's own settings file), the client
   * settings file, {@code -X}, then {@code --bootstrap}/{@code --registry} or their environment
   * variables; localhost only where none of these names a server.
   */
  public Properties toProperties(Properties base) {
    return toProperties(base, System.getenv());
  }

  /** As {@link #toProperties(Properties)}, with the environment given (for tests). */
  Properties toProperties(Properties base, Map<String, String> environment) {
    Properties props = new Properties();
    props.putAll(base);
    if (clientConfig != null) {
      props.putAll(load(clientConfig));
    }
    props.putAll(fromEnvironment(environment));
    props.putAll(overrides);
    putGivenOrDefault(props, "bootstrap.servers", bootstrap, DEFAULT_BOOTSTRAP);
    putGivenOrDefault(props, "schema.registry.url", registry, DEFAULT_REGISTRY);
    return props;
  }

  /** The bootstrap servers these settings name. */
  public String bootstrapServers() {
    return toProperties().getProperty("bootstrap.servers");
  }

  private static void putGivenOrDefault(Properties props, String key, String given, String fallback) {
    if (given != null && !given.isBlank()) {
      props.put(key, given);
    } else if (props.getProperty(key, "").isBlank()) {
      props.put(key, fallback);
    }
  }

  /** {@code RETORNO_CLIENT_SCHEMA_REGISTRY_URL=...} becomes {@code schema.registry.url=...}. */
  static Map<String, String> fromEnvironment(Map<String, String> environment) {
    Map<String, String> settings = new LinkedHashMap<>();
    environment.forEach((name, value) -> {
      if (name.startsWith(ENV_PREFIX) && name.length() > ENV_PREFIX.length()) {
        settings.put(name.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.'), value);
      }
    });
    return settings;
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
