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

/**
 * A mock producer some of whose sends are never acknowledged: their futures fail, as after a
 * delivery timeout. Sends are numbered from 1, resends included.
 */
final class FailingProducer extends MockProducer<String, SpecificRecord> {
  private final int firstFailingSend;
  private final int failures;
  private int sends;

  /** Only send number {@code failingSend} fails: a broker that is away for a moment. */
  FailingProducer(int failingSend) {
    this(failingSend, 1);
  }

  /** Sends {@code firstFailingSend} to {@code firstFailingSend + failures - 1} fail. */
  FailingProducer(int firstFailingSend, int failures) {
    super(true, null, new StringSerializer(), (topic, value) -> new byte[0]);
    this.firstFailingSend = firstFailingSend;
    this.failures = failures;
  }

  /** Every send from {@code firstFailingSend} on fails: a broker that went away for good. */
  static FailingProducer from(int firstFailingSend) {
    return new FailingProducer(firstFailingSend, Integer.MAX_VALUE);
  }

  /** Calls to send so far, failed or not. */
  synchronized int sends() {
    return sends;
  }

  @Override
  public synchronized Future<RecordMetadata> send(ProducerRecord<String, SpecificRecord> record, Callback callback) {
    sends++;
    if (sends >= firstFailingSend && sends - firstFailingSend < failures) {
      TimeoutException timeout = new TimeoutException("Expiring 1 record(s) for " + record.topic() + "-0: 120000 ms");
      if (callback != null) {
        callback.onCompletion(null, timeout);
      }
      return CompletableFuture.failedFuture(timeout);
    }
    return super.send(record, callback);
  }
}
