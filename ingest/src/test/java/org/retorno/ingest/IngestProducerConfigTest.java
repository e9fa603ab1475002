package org.retorno.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.retorno.schemas.serde.AvroSerializer;

class IngestProducerConfigTest {

  @Test
  void passesClientSettingsThroughAndForcesDurability() {
    Properties given = new Properties();
    given.put("bootstrap.servers", "broker:9093");
    given.put("schema.registry.url", "https://registry:8081");
    given.put("basic.auth.credentials.source", "USER_INFO");
    given.put("security.protocol", "SASL_SSL");
    given.put("sasl.mechanism", "SCRAM-SHA-512");
    given.put("ssl.truststore.location", "/etc/kafka/truststore.jks");
    given.put("acks", "0");
    given.put("enable.idempotence", "false");

    Properties config = IngestProducerConfig.from(given);

    assertThat(config).containsEntry("bootstrap.servers", "broker:9093")
        .containsEntry("schema.registry.url", "https://registry:8081")
        .containsEntry("basic.auth.credentials.source", "USER_INFO")
        .containsEntry("security.protocol", "SASL_SSL")
        .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
        .containsEntry("ssl.truststore.location", "/etc/kafka/truststore.jks")
        .containsEntry("acks", "all")
        .containsEntry("enable.idempotence", "true")
        .containsEntry("client.id", "retorno-ingest")
        .containsEntry("key.serializer", "org.apache.kafka.common.serialization.StringSerializer")
        .containsEntry("value.serializer", AvroSerializer.class.getName());
    assertThat(given).containsEntry("acks", "0");
  }

  @Test
  void batchesAFilesRowsUnlessTheOperatorSaysOtherwise() {
    assertThat(IngestProducerConfig.from(new Properties()))
        .containsEntry("linger.ms", "20")
        .containsEntry("batch.size", "131072");

    Properties given = new Properties();
    given.put("linger.ms", "0");
    given.put("batch.size", "16384");
    assertThat(IngestProducerConfig.from(given))
        .containsEntry("linger.ms", "0")
        .containsEntry("batch.size", "16384");
  }

  @Test
  void keepsAClientIdTheOperatorChose() {
    Properties given = new Properties();
    given.put("client.id", "ingest-night-batch");
    assertThat(IngestProducerConfig.from(given)).containsEntry("client.id", "ingest-night-batch");
  }
}
