package org.retorno.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.junit.jupiter.api.Test;

class TopicHistoryTest {

  @Test
  void theHistoryConsumerGetsTheServersAndSecurityButNoGroupAndNoSerdeSettings() {
    Properties client = new Properties();
    client.put("bootstrap.servers", "kafka-1:9093");
    client.put("security.protocol", "SASL_SSL");
    client.put("sasl.mechanism", "SCRAM-SHA-512");
    client.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required;");
    client.put("ssl.truststore.location", "/etc/retorno/truststore.p12");
    client.put("schema.registry.url", "https://registry:8081");
    client.put("basic.auth.user.info", "ingest:secret");
    client.put("group.id", "someone-elses-group");
    client.put("acks", "1");

    Properties consumer = TopicHistory.consumerProperties(client);

    assertThat(consumer).containsEntry("bootstrap.servers", "kafka-1:9093")
        .containsEntry("security.protocol", "SASL_SSL")
        .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
        .containsEntry("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required;")
        .containsEntry("ssl.truststore.location", "/etc/retorno/truststore.p12")
        .containsEntry("enable.auto.commit", "false")
        .containsEntry("client.id", "retorno-ingest-history")
        .doesNotContainKeys("schema.registry.url", "basic.auth.user.info", "group.id", "acks");
  }
}
