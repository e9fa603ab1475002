package org.retorno.streams.topology;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.errors.internals.ExceptionHandlerUtils;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.retorno.schemas.Topics;

/**
 * Records the topology can read but not process go to the dead-letter topic instead of vanishing,
 * with the headers Kafka's own dead-letter records carry ({@code __streams.errors.exception},
 * {@code .message}, {@code .topic}, {@code .partition}, {@code .offset}) plus {@link #REASON_HEADER}, a
 * fixed word an operator can count by. The value is written back as its source topic's serde
 * writes it (the schema id registered for that topic), so the entry holds the record as it was read
 * and the dead-letter topic needs no schema of its own.
 */
public final class DeadLetters {
  /** A fixed word naming why a record is on the dead-letter topic, on every entry the pipeline writes. */
  public static final String REASON_HEADER = "retorno.dead-letter.reason";
  /** A raw record without a key: its source cannot be tracked, withdrawn or co-partitioned. */
  public static final String NULL_KEY = "null-key";

  private DeadLetters() {}

  /**
   * The records of {@code stream} that do not match {@code unprocessable}; the others go to the
   * dead-letter topic with {@code reason} and are counted by the listener.
   *
   * @param name prefix of the operators this adds (split, stamp, sink), unique in the topology
   */
  static <V> KStream<String, V> divert(KStream<String, V> stream, Predicate<String> unprocessable, String reason,
      String message, String sourceTopic, Serde<V> valueSerde, PipelineListener listener, String name) {
    Serde<V> asRead = Serdes.serdeFrom(
        (topic, value) -> valueSerde.serializer().serialize(sourceTopic, value),
        (topic, bytes) -> valueSerde.deserializer().deserialize(sourceTopic, bytes));
    Map<String, KStream<String, V>> branches = stream.split(Named.as(name + "-"))
        .branch((key, value) -> unprocessable.test(key), Branched.withConsumer(bad -> bad
            .processValues(() -> new Stamp<V>(reason, message, listener), Named.as(name + "-stamp"))
            .to(Topics.STREAMS_DLQ, Produced.with(Serdes.String(), asRead).withName(name + "-dead-letters")),
            "diverted"))
        .defaultBranch(Branched.as("kept"));
    return branches.get(name + "-kept");
  }

  /** Adds the reason headers and counts the record; the value passes unchanged. */
  private static final class Stamp<V> implements FixedKeyProcessor<String, V, V> {
    private final String reason;
    private final String message;
    private final PipelineListener listener;
    private FixedKeyProcessorContext<String, V> context;

    Stamp(String reason, String message, PipelineListener listener) {
      this.reason = reason;
      this.message = message;
      this.listener = listener;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, V> context) {
      this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, V> record) {
      Headers headers = new RecordHeaders(record.headers().toArray());
      put(headers, REASON_HEADER, reason);
      put(headers, ExceptionHandlerUtils.HEADER_ERRORS_EXCEPTION_NAME, reason);
      put(headers, ExceptionHandlerUtils.HEADER_ERRORS_EXCEPTION_MESSAGE_NAME, message);
      context.recordMetadata().ifPresent(source -> where(headers, source));
      listener.deadLetter(reason);
      context.forward(record.withHeaders(headers));
    }

    private static void where(Headers headers, RecordMetadata source) {
      put(headers, ExceptionHandlerUtils.HEADER_ERRORS_TOPIC_NAME, source.topic());
      put(headers, ExceptionHandlerUtils.HEADER_ERRORS_PARTITION_NAME, Integer.toString(source.partition()));
      put(headers, ExceptionHandlerUtils.HEADER_ERRORS_OFFSET_NAME, Long.toString(source.offset()));
    }

    private static void put(Headers headers, String name, String value) {
      headers.remove(name);
      headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
  }
}
