package org.retorno.local.registry;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/** A real single-node KRaft cluster on ephemeral ports, for one test class. */
public final class TestBroker implements AutoCloseable {
  private final KafkaClusterTestKit cluster;

  private TestBroker(KafkaClusterTestKit cluster) {
    this.cluster = cluster;
  }

  public static TestBroker start() {
    try {
      KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
          .setCombined(true)
          .setNumBrokerNodes(1)
          .setNumControllerNodes(1)
          .build())
          // A consumer group of the JavaScript clients would otherwise wait 3 s to form.
          .setConfigProp("group.initial.rebalance.delay.ms", "0")
          // Topics appear only where code creates them, as on the real deployment.
          .setConfigProp("auto.create.topics.enable", "false")
          .setConfigProp("offsets.topic.replication.factor", "1")
          .setConfigProp("offsets.topic.num.partitions", "1")
          .setConfigProp("transaction.state.log.replication.factor", "1")
          .setConfigProp("transaction.state.log.min.isr", "1")
          .build();
      cluster.format();
      cluster.startup();
      cluster.waitForReadyBrokers();
      return new TestBroker(cluster);
    } catch (Exception e) {
      throw new IllegalStateException("test broker did not start", e);
    }
  }

  public String bootstrapServers() {
    return cluster.bootstrapServers();
  }

  @Override
  public void close() throws Exception {
    cluster.close();
  }
}
