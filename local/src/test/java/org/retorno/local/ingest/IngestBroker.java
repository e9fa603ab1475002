package org.retorno.local.ingest;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.retorno.local.broker.BrokerOptions;
import org.retorno.local.broker.EmbeddedBroker;
import org.retorno.local.registry.RegistryOptions;
import org.retorno.local.registry.RegistryServer;
import org.retorno.schemas.Topics;

/**
 * The embedded broker with the pipeline's topics and our schema registry, on ports picked once so
 * the broker can be stopped and started again where clients expect it.
 */
final class IngestBroker implements AutoCloseable {
  private final BrokerOptions options;
  private final String bootstrapServers;
  private EmbeddedBroker broker;
  private final RegistryServer registry;

  private IngestBroker(BrokerOptions options) throws Exception {
    this.options = options;
    this.broker = EmbeddedBroker.start(options);
    this.bootstrapServers = broker.bootstrapServers();
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
      Topics.ensureExist(admin, 1, (short) 1);
    }
    this.registry = RegistryServer.start(new RegistryOptions(broker.bootstrapServers(), Map.of(), "127.0.0.1", 0,
        RegistryOptions.DEFAULT_TOPIC, (short) 1, Duration.ofSeconds(30)));
  }

  static IngestBroker start(Path dataDir) throws Exception {
    return new IngestBroker(new BrokerOptions(dataDir, "127.0.0.1", freePort(), freePort(), Map.of()));
  }

  /** The same address before and after a restart. */
  String bootstrapServers() {
    return bootstrapServers;
  }

  String registryUrl() {
    return registry.url();
  }

  Properties clientProperties() {
    Properties properties = new Properties();
    properties.put("bootstrap.servers", bootstrapServers());
    properties.put("schema.registry.url", registryUrl());
    return properties;
  }

  void stopBroker() {
    broker.close();
    broker = null;
  }

  void restartBroker() {
    broker = EmbeddedBroker.start(options);
  }

  /** Every key on a topic, in offset order, read to the end of its partitions. */
  List<String> keysOn(String topic) {
    Map<String, Object> config = new HashMap<>();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    List<String> keys = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
          .map(info -> new TopicPartition(topic, info.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          keys.add(record.key());
        }
      }
    }
    return keys;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() {
    registry.close();
    if (broker != null) {
      broker.close();
    }
  }
}
