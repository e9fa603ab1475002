package org.retorno.faults.crash;

import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.retorno.avro.CaseCountRow;
import org.retorno.schemas.Topics;
import org.retorno.schemas.serde.AvroSerde;

/**
 * Sends the workload to {@code raw-case-counts} at a steady rate, as ingest would: keyed by source
 * id, idempotent, {@code acks=all}, retried through a broker's restart. The feed is the ground
 * truth, so a record that cannot be written fails the run.
 */
final class Feeder {
  private final AtomicInteger acknowledged = new AtomicInteger();
  private final AtomicReference<Exception> failure = new AtomicReference<>();

  int acknowledged() {
    return acknowledged.get();
  }

  CompletableFuture<Void> start(Workload workload, String bootstrap, String registryUrl, int recordsPerSecond) {
    return CompletableFuture.runAsync(() -> feed(workload, bootstrap, registryUrl, recordsPerSecond));
  }

  private void feed(Workload workload, String bootstrap, String registryUrl, int recordsPerSecond) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    props.put(ProducerConfig.LINGER_MS_CONFIG, "10");
    props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "300000");
    var values = AvroSerde.specific(CaseCountRow.class, Map.of("schema.registry.url", registryUrl), false);
    long start = System.nanoTime();
    try (KafkaProducer<String, CaseCountRow> producer = new KafkaProducer<>(props, new StringSerializer(),
        values.serializer())) {
      int sent = 0;
      for (WorkloadRecord record : workload.records()) {
        producer.send(new ProducerRecord<>(Topics.RAW_CASE_COUNTS, null, record.timestampMs(), record.key(),
            record.row()), (metadata, exception) -> {
              if (exception != null) {
                failure.compareAndSet(null, exception);
              } else {
                acknowledged.incrementAndGet();
              }
            });
        sent++;
        long due = start + sent * 1_000_000_000L / recordsPerSecond;
        long wait = due - System.nanoTime();
        if (wait > 1_000_000) {
          Thread.sleep(wait / 1_000_000);
        }
      }
      producer.flush();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while feeding", e);
    }
    if (failure.get() != null) {
      throw new IllegalStateException("a workload record could not be written: " + failure.get(), failure.get());
    }
    if (acknowledged.get() != workload.records().size()) {
      throw new IllegalStateException("only " + acknowledged.get() + " of " + workload.records().size()
          + " workload records were acknowledged");
    }
  }
}
