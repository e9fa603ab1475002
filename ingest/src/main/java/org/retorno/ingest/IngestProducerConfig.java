package org.retorno.ingest;

import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.retorno.schemas.serde.AvroSerializer;

/** The producer settings ingest needs on top of what the operator passes (servers, registry, security). */
public final class IngestProducerConfig {
  private IngestProducerConfig() {}

  /**
   * Everything in {@code clientProperties} is passed through (bootstrap.servers, schema.registry.url,
   * basic auth, security.protocol, ssl.*, sasl.*). Durability settings are forced: a record counted
   * as produced must be on every in-sync replica, once.
   */
  public static Properties from(Properties clientProperties) {
    Properties properties = new Properties();
    properties.putAll(clientProperties);
    properties.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "retorno-ingest");
    // Each of the ingestor's send attempts waits this long for the broker; three attempts with
    // their pauses report a broker that stays away within about three minutes.
    properties.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "60000");
    properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, AvroSerializer.class.getName());
    properties.put(ProducerConfig.ACKS_CONFIG, "all");
    properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    return properties;
  }
}
