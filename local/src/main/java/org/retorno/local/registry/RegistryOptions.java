package org.retorno.local.registry;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How a {@link RegistryServer} reaches Kafka and where it listens.
 *
 * @param bootstrapServers Kafka bootstrap servers
 * @param clientProperties extra Kafka client properties (security settings), given to the admin
 *     client, producer and consumer alike
 * @param host address to listen on
 * @param port port to listen on; 0 picks a free one
 * @param topic the topic that holds the registry's state
 * @param replicationFactor replication of the topic when it is created; 0 leaves it to the
 *     broker's {@code default.replication.factor}
 * @param timeout how long a start or a write may wait for Kafka
 * @param security TLS and authentication of the HTTP side; none by default
 */
public record RegistryOptions(String bootstrapServers, Map<String, Object> clientProperties,
    String host, int port, String topic, short replicationFactor, Duration timeout, RegistrySecurity security) {

  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 8081;
  public static final String DEFAULT_TOPIC = "_schemas";

  public RegistryOptions {
    Objects.requireNonNull(bootstrapServers, "bootstrapServers");
    clientProperties = Map.copyOf(clientProperties);
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(security, "security");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("registry port " + port + " is outside 0..65535");
    }
    if (replicationFactor < 0) {
      throw new IllegalArgumentException("replication factor " + replicationFactor + " is negative");
    }
  }

  /** Without TLS or authentication. */
  public RegistryOptions(String bootstrapServers, Map<String, Object> clientProperties,
      String host, int port, String topic, short replicationFactor, Duration timeout) {
    this(bootstrapServers, clientProperties, host, port, topic, replicationFactor, timeout, RegistrySecurity.NONE);
  }

  /** Listens on 127.0.0.1:8081 and keeps its state in {@code _schemas}. */
  public static RegistryOptions defaults(String bootstrapServers) {
    return new RegistryOptions(bootstrapServers, Map.of(), DEFAULT_HOST, DEFAULT_PORT,
        DEFAULT_TOPIC, (short) 0, Duration.ofSeconds(30));
  }

  public RegistryOptions withPort(int newPort) {
    return new RegistryOptions(bootstrapServers, clientProperties, host, newPort, topic,
        replicationFactor, timeout, security);
  }

  public RegistryOptions withHost(String newHost) {
    return new RegistryOptions(bootstrapServers, clientProperties, newHost, port, topic,
        replicationFactor, timeout, security);
  }

  public RegistryOptions withTopic(String newTopic) {
    return new RegistryOptions(bootstrapServers, clientProperties, host, port, newTopic,
        replicationFactor, timeout, security);
  }

  public RegistryOptions withClientProperties(Map<String, Object> properties) {
    return new RegistryOptions(bootstrapServers, properties, host, port, topic,
        replicationFactor, timeout, security);
  }

  public RegistryOptions withReplicationFactor(short factor) {
    return new RegistryOptions(bootstrapServers, clientProperties, host, port, topic, factor,
        timeout, security);
  }

  public RegistryOptions withTimeout(Duration newTimeout) {
    return new RegistryOptions(bootstrapServers, clientProperties, host, port, topic,
        replicationFactor, newTimeout, security);
  }

  public RegistryOptions withSecurity(RegistrySecurity newSecurity) {
    return new RegistryOptions(bootstrapServers, clientProperties, host, port, topic, replicationFactor, timeout,
        newSecurity);
  }
}
