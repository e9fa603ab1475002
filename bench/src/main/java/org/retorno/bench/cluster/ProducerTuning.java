package org.retorno.bench.cluster;

import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The producer settings every producing measurement shares, so that their records/s compare: the
 * durability ingest forces (acks=all, idempotent) and one batching.
 */
public final class ProducerTuning {
  public static final String LINGER_MS = "20";
  public static final String BATCH_BYTES = "131072";

  private ProducerTuning() {}

  /** {@code base} plus the shared durability and batching settings. */
  public static Properties apply(Properties base) {
    Properties props = new Properties();
    props.putAll(base);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    props.put(ProducerConfig.LINGER_MS_CONFIG, LINGER_MS);
    props.put(ProducerConfig.BATCH_SIZE_CONFIG, BATCH_BYTES);
    return props;
  }

  public static String describe() {
    return "acks=all, idempotent, linger.ms=" + LINGER_MS + ", batch.size=" + BATCH_BYTES;
  }
}
