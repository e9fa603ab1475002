package org.retorno.streams.app;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.internals.ExceptionHandlerUtils;
import org.retorno.streams.api.PipelineMetrics;
import org.retorno.streams.topology.DeadLetters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A record the application cannot read goes to the dead-letter topic, raw key and value as they
 * were, with the reason, source topic, partition and offset in headers (and
 * {@code retorno.dead-letter.reason=unreadable}, as every entry the pipeline writes carries a
 * reason word); processing continues.
 * Unlike Kafka's LogAndContinue handler it logs one line without a stack trace: a bad record is
 * an expected event, and the full trace is in the dead-letter record's headers.
 */
public final class DeadLetterDeserializationHandler implements DeserializationExceptionHandler {
  private static final Logger LOG = LoggerFactory.getLogger(DeadLetterDeserializationHandler.class);

  /** The {@link DeadLetters#REASON_HEADER} of a record that could not be deserialized. */
  public static final String UNREADABLE = "unreadable";

  /** Where the app hands this handler its metrics (Kafka creates handlers from class names). */
  static final String METRICS_CONFIG = "retorno.pipeline.metrics";

  private String deadLetterTopic;
  private PipelineMetrics metrics = PipelineMetrics.discarding();

  @Override
  public void configure(Map<String, ?> configs) {
    Object topic = configs.get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG);
    deadLetterTopic = topic == null ? null : topic.toString();
    if (configs.get(METRICS_CONFIG) instanceof PipelineMetrics given) {
      metrics = given;
    }
  }

  @Override
  public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record,
      Exception exception) {
    LOG.warn("unreadable record {}-{}@{} sent to {}: {}", record.topic(), record.partition(),
        record.offset(), deadLetterTopic == null ? "no dead-letter topic (dropped)" : deadLetterTopic,
        exception.getMessage());
    metrics.deadLetter(exception.getClass().getSimpleName());
    List<ProducerRecord<byte[], byte[]>> letters = ExceptionHandlerUtils.maybeBuildDeadLetterQueueRecords(
        deadLetterTopic, record.key(), record.value(), context, exception);
    for (ProducerRecord<byte[], byte[]> letter : letters) {
      letter.headers().add(DeadLetters.REASON_HEADER, UNREADABLE.getBytes(StandardCharsets.UTF_8));
    }
    return Response.resume(letters);
  }
}
