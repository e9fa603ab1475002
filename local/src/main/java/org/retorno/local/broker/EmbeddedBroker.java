package org.retorno.local.broker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Apache Kafka broker in KRaft mode (one combined broker and controller), running in this
 * JVM. Its log directory survives restarts: the storage is formatted only once.
 */
public final class EmbeddedBroker implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedBroker.class);

  private final KafkaRaftServer server;
  private final String bootstrapServers;

  private EmbeddedBroker(KafkaRaftServer server, String bootstrapServers) {
    this.server = server;
    this.bootstrapServers = bootstrapServers;
  }

  public static EmbeddedBroker start(BrokerOptions options) {
    Path logDir = options.dataDir().resolve("kafka").toAbsolutePath();
    int port = options.port() == 0 ? freePort(options.host()) : options.port();
    int controllerPort = options.controllerPort() == 0 ? freePort(options.host()) : options.controllerPort();
    Properties props = brokerProperties(options.host(), port, controllerPort, logDir);
    props.putAll(options.overrides());
    try {
      Files.createDirectories(logDir);
      formatOnce(props, logDir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare broker data directory " + logDir, e);
    }
    KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
    server.startup();
    String bootstrap = options.host() + ":" + port;
    LOG.info("Kafka broker (KRaft) listening on {} with data in {}", bootstrap, logDir);
    return new EmbeddedBroker(server, bootstrap);
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  @Override
  public void close() {
    server.shutdown();
    server.awaitShutdown();
  }

  private static Properties brokerProperties(String host, int port, int controllerPort, Path logDir) {
    Properties props = new Properties();
    props.put("process.roles", "broker,controller");
    props.put("node.id", "1");
    props.put("listeners", "PLAINTEXT://" + host + ":" + port + ",CONTROLLER://" + host + ":" + controllerPort);
    props.put("advertised.listeners", "PLAINTEXT://" + host + ":" + port);
    props.put("controller.listener.names", "CONTROLLER");
    props.put("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
    props.put("inter.broker.listener.name", "PLAINTEXT");
    props.put("controller.quorum.voters", "1@" + host + ":" + controllerPort);
    props.put("log.dirs", logDir.toString());
    // A single node: every internal topic must accept replication factor 1, or
    // consumer groups and exactly-once transactions hang.
    props.put("offsets.topic.replication.factor", "1");
    props.put("offsets.topic.num.partitions", "4");
    props.put("transaction.state.log.replication.factor", "1");
    props.put("transaction.state.log.min.isr", "1");
    props.put("transaction.state.log.num.partitions", "4");
    props.put("share.coordinator.state.topic.replication.factor", "1");
    props.put("share.coordinator.state.topic.min.isr", "1");
    props.put("group.initial.rebalance.delay.ms", "0");
    props.put("num.partitions", "1");
    props.put("auto.create.topics.enable", "false");
    props.put("log.retention.hours", "-1");
    return props;
  }

  /**
   * Formats the storage unless an earlier run did. The controller address is part of the stored
   * quorum state only with --standalone, so we format without it and name the voters in config:
   * the ports may differ on the next start.
   */
  private static void formatOnce(Properties props, Path logDir) throws IOException {
    if (Files.exists(logDir.resolve("meta.properties"))) {
      return;
    }
    Path config = Files.createTempFile("retorno-broker", ".properties");
    try {
      try (var out = Files.newOutputStream(config)) {
        props.store(out, "retorno embedded broker");
      }
      ByteArrayOutputStream captured = new ByteArrayOutputStream();
      int exit;
      try (PrintStream print = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
        exit = StorageTool.execute(new String[] {"format", "-t", Uuid.randomUuid().toString(),
            "-c", config.toString()}, print);
      }
      if (exit != 0) {
        throw new IllegalStateException("formatting broker storage in " + logDir + " failed: "
            + captured.toString(StandardCharsets.UTF_8).strip());
      }
    } finally {
      Files.deleteIfExists(config);
    }
  }

  private static int freePort(String host) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(host, 0));
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on " + host, e);
    }
  }
}
