package org.retorno.ingest;

import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.retorno.schemas.serde.AvroSerializer;

/** The producer settings ingest needs on top of what the operator passes (servers, registry, security). */
public final class IngestProducerConfig {
  static final String LINGER_MS = "20";
  static final String BATCH_BYTES = "131072";

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
    // Ingest sends a whole file's rows at once and flushes at its end, so waiting for a batch to
    // fill costs no latency: the flush sends what lingers. Kafka's defaults (16 KB batches, a few
    // ms of linger) cut a table of 300-byte rows into many small acks=all requests, each a round of
    // replication; 128 KB batches with 20 ms to fill them are what the raw producer is measured with.
    properties.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, LINGER_MS);
    properties.putIfAbsent(ProducerConfig.BATCH_SIZE_CONFIG, BATCH_BYTES);
    properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, AvroSerializer.class.getName());
    properties.put(ProducerConfig.ACKS_CONFIG, "all");
    properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    return properties;
  }
}
