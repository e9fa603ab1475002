package org.retorno.ingest;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringSerializer;

/** A mock producer whose n-th send is never acknowledged: its future fails, as after a delivery timeout. */
final class FailingProducer extends MockProducer<String, SpecificRecord> {
  private final int failingSend;
  private int sends;

  FailingProducer(int failingSend) {
    super(true, null, new StringSerializer(), (topic, value) -> new byte[0]);
    this.failingSend = failingSend;
  }

  @Override
  public synchronized Future<RecordMetadata> send(ProducerRecord<String, SpecificRecord> record, Callback callback) {
    if (++sends == failingSend) {
      TimeoutException timeout = new TimeoutException("Expiring 1 record(s) for " + record.topic() + "-0: 120000 ms");
      if (callback != null) {
        callback.onCompletion(null, timeout);
      }
      return CompletableFuture.failedFuture(timeout);
    }
    return super.send(record, callback);
  }
}
