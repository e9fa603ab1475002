package org.retorno.bench.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.retorno.local.broker.BrokerOptions;
import org.retorno.local.broker.EmbeddedBroker;
import org.retorno.local.registry.RegistryOptions;
import org.retorno.local.registry.RegistryServer;
import org.retorno.schemas.serde.SerdeConfig;

/**
 * One embedded broker and our schema registry, on ephemeral loopback ports, with data in a
 * directory of their own: every measurement of one bench run talks to these two.
 */
public final class BenchCluster implements AutoCloseable {
  private final Path dataDir;
  private final boolean ownsDataDir;
  private final EmbeddedBroker broker;
  private final RegistryServer registry;
  private final Admin admin;
  private final HistoryTopics topics;

  private BenchCluster(Path dataDir, boolean ownsDataDir, EmbeddedBroker broker, RegistryServer registry,
      Admin admin, int partitions) {
    this.dataDir = dataDir;
    this.ownsDataDir = ownsDataDir;
    this.broker = broker;
    this.registry = registry;
    this.admin = admin;
    this.topics = new HistoryTopics(admin, partitions);
  }

  /**
   * Starts the broker and registry in {@code dataDir}, or in a temporary directory deleted on close
   * when it is null.
   */
  public static BenchCluster start(Path dataDir, int partitions) throws IOException {
    boolean temporary = dataDir == null;
    Path dir = temporary ? Files.createTempDirectory("retorno-bench") : dataDir;
    EmbeddedBroker broker = EmbeddedBroker.start(BrokerOptions.ephemeral(dir));
    RegistryServer registry = null;
    try {
      registry = RegistryServer.start(RegistryOptions.defaults(broker.bootstrapServers()).withPort(0));
      Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
      return new BenchCluster(dir, temporary, broker, registry, admin, partitions);
    } catch (RuntimeException | Error e) {
      if (registry != null) {
        registry.close();
      }
      broker.close();
      throw e;
    }
  }

  public String bootstrapServers() {
    return broker.bootstrapServers();
  }

  public String registryUrl() {
    return registry.url();
  }

  public Admin admin() {
    return admin;
  }

  public HistoryTopics topics() {
    return topics;
  }

  public Path dataDir() {
    return dataDir;
  }

  /** bootstrap.servers and schema.registry.url, for producers, consumers and the ingestor. */
  public Properties clientProperties() {
    Properties props = new Properties();
    props.put("bootstrap.servers", bootstrapServers());
    props.put(SerdeConfig.SCHEMA_REGISTRY_URL, registryUrl());
    return props;
  }

  public Map<String, Object> serdeConfig() {
    Map<String, Object> config = new HashMap<>();
    config.put(SerdeConfig.SCHEMA_REGISTRY_URL, registryUrl());
    return config;
  }

  @Override
  public void close() {
    admin.close();
    registry.close();
    broker.close();
    if (ownsDataDir) {
      deleteRecursively(dataDir);
    }
  }

  public static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + dir, e);
    }
  }
}
