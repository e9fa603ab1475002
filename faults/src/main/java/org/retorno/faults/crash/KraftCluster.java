package org.retorno.faults.crash;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.common.Uuid;

/**
 * Three KRaft nodes (each broker and controller) as child JVMs running {@code kafka.Kafka}, so a
 * broker can be killed with a real SIGKILL: no shutdown hook, no flushed log, an unclean restart.
 * Replication 3 and {@code min.insync.replicas=2}: one node down, writes go on.
 */
public final class KraftCluster implements AutoCloseable {
  private static final String HOST = "127.0.0.1";
  public static final int NODES = 3;

  private final Path dir;
  private final int[] ports = new int[NODES];
  private final int[] controllerPorts = new int[NODES];
  private final Process[] processes = new Process[NODES];

  private KraftCluster(Path dir) {
    this.dir = dir;
  }

  /** Formats and starts three nodes under {@code dir}; returns once all three serve metadata. */
  public static KraftCluster start(Path dir, Duration timeout) {
    KraftCluster cluster = new KraftCluster(dir);
    try {
      for (int i = 0; i < NODES; i++) {
        cluster.ports[i] = freePort();
        cluster.controllerPorts[i] = freePort();
      }
      String clusterId = Uuid.randomUuid().toString();
      for (int i = 0; i < NODES; i++) {
        Path config = cluster.writeConfig(i);
        format(config, clusterId);
      }
      for (int i = 0; i < NODES; i++) {
        cluster.startNode(i);
      }
      cluster.awaitNodes(NODES, timeout);
      return cluster;
    } catch (RuntimeException e) {
      cluster.close();
      throw e;
    }
  }

  public String bootstrapServers() {
    List<String> servers = new ArrayList<>();
    for (int port : ports) {
      servers.add(HOST + ":" + port);
    }
    return String.join(",", servers);
  }

  public Admin admin() {
    return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 60_000));
  }

  /** SIGKILL to node {@code i}. */
  public void kill(int i) {
    ChildProcesses.kill(processes[i]);
  }

  /** Starts node {@code i} again on its own data: the unclean restart after {@link #kill}. */
  public void restart(int i) {
    startNode(i);
  }

  /** Polls until {@code count} brokers are registered and unfenced. */
  public void awaitNodes(int count, Duration timeout) {
    Poll.until("the cluster to have " + count + " brokers", timeout, () -> {
      try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
          AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000))) {
        return admin.describeCluster().nodes().get().size() >= count;
      } catch (Exception e) {
        return false;
      }
    });
  }

  /** Polls until node {@code i}'s own listener answers a metadata request (a restarted node is up). */
  public void awaitNodeServing(int i, Duration timeout) {
    Poll.until("node " + (i + 1) + " to serve again", timeout, () -> {
      try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, HOST + ":" + ports[i],
          AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3_000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3_000))) {
        return admin.describeCluster().nodes().get().size() == NODES;
      } catch (Exception e) {
        return false;
      }
    });
  }

  /**
   * Polls until every partition of every topic (internal ones included) has all three replicas in
   * sync again: the restarted node has caught up on what was written while it was down.
   */
  public void awaitFullIsr(Admin admin, Duration timeout) {
    Poll.until("every partition's ISR to be full again", timeout, () -> {
      try {
        var names = admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get();
        return admin.describeTopics(names).allTopicNames().get().values().stream()
            .flatMap(topic -> topic.partitions().stream())
            .allMatch(partition -> partition.isr().size() == partition.replicas().size());
      } catch (Exception e) {
        return false;
      }
    });
  }

  public Path logOf(int i) {
    return dir.resolve("node-" + (i + 1) + ".log");
  }

  private void startNode(int i) {
    processes[i] = ChildProcesses.startJava("kafka.Kafka",
        List.of("-Xms128m", "-Xmx512m", "-XX:+UseSerialGC", "-Dlog4j2.configurationFile=" + log4jConfig()),
        List.of(configPath(i).toString()), logOf(i));
  }

  private Path configPath(int i) {
    return dir.resolve("node-" + (i + 1) + ".properties");
  }

  private Path writeConfig(int i) {
    Properties props = new Properties();
    props.put("process.roles", "broker,controller");
    props.put("node.id", Integer.toString(i + 1));
    props.put("listeners", "PLAINTEXT://" + HOST + ":" + ports[i] + ",CONTROLLER://" + HOST + ":" + controllerPorts[i]);
    props.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + ports[i]);
    props.put("controller.listener.names", "CONTROLLER");
    props.put("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
    props.put("inter.broker.listener.name", "PLAINTEXT");
    List<String> voters = new ArrayList<>();
    for (int n = 0; n < NODES; n++) {
      voters.add((n + 1) + "@" + HOST + ":" + controllerPorts[n]);
    }
    props.put("controller.quorum.voters", String.join(",", voters));
    props.put("log.dirs", dir.resolve("node-" + (i + 1) + "-data").toAbsolutePath().toString());
    props.put("default.replication.factor", "3");
    props.put("min.insync.replicas", "2");
    props.put("offsets.topic.replication.factor", "3");
    props.put("offsets.topic.num.partitions", "3");
    props.put("transaction.state.log.replication.factor", "3");
    props.put("transaction.state.log.min.isr", "2");
    props.put("transaction.state.log.num.partitions", "3");
    props.put("share.coordinator.state.topic.replication.factor", "3");
    props.put("share.coordinator.state.topic.min.isr", "2");
    props.put("group.initial.rebalance.delay.ms", "0");
    props.put("auto.create.topics.enable", "false");
    props.put("num.partitions", "3");
    // Fewer threads per broker: three brokers and two Streams JVMs share two cores.
    props.put("num.network.threads", "2");
    props.put("num.io.threads", "2");
    props.put("num.recovery.threads.per.data.dir", "1");
    props.put("log.cleaner.threads", "1");
    // The broker-wide retention stays at its default (7 days): the records are stamped 2019, so any
    // topic not created with the project's own retention settings loses its history and the run fails.
    Path config = configPath(i);
    try {
      Files.createDirectories(dir);
      try (OutputStream out = Files.newOutputStream(config)) {
        props.store(out, "crash harness node " + (i + 1));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write broker config " + config, e);
    }
    return config;
  }

  private Path log4jConfig() {
    Path config = dir.resolve("log4j2-broker.properties");
    if (!Files.exists(config)) {
      String text = """
          status = error
          appender.out.type = Console
          appender.out.name = out
          appender.out.layout.type = PatternLayout
          appender.out.layout.pattern = [%d] %p %m (%c{1})%n
          rootLogger.level = warn
          rootLogger.appenderRef.out.ref = out
          logger.server.name = kafka.server.KafkaRaftServer
          logger.server.level = info
          """;
      try {
        Files.writeString(config, text);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + config, e);
      }
    }
    return config;
  }

  private static void format(Path config, String clusterId) {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    int exit;
    try (PrintStream print = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
      exit = StorageTool.execute(new String[] {"format", "-t", clusterId, "-c", config.toString()}, print);
    }
    if (exit != 0) {
      throw new IllegalStateException("formatting " + config + " failed: "
          + captured.toString(StandardCharsets.UTF_8).strip());
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(HOST, 0));
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on " + HOST, e);
    }
  }

  @Override
  public void close() {
    for (Process process : processes) {
      if (process != null) {
        ChildProcesses.kill(process);
      }
    }
  }
}
