package org.retorno.streams.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.processor.TaskId;
import org.junit.jupiter.api.Test;
import org.retorno.schemas.Topics;
import org.retorno.streams.topology.DeadLetters;

class DeadLetterDeserializationHandlerTest {
  @Test
  void anUnreadableRecordGoesToTheDeadLetterTopicAsItWasWithItsReason() {
    DeadLetterDeserializationHandler handler = new DeadLetterDeserializationHandler();
    handler.configure(Map.of(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, Topics.STREAMS_DLQ));
    byte[] key = "k".getBytes(StandardCharsets.UTF_8);
    byte[] value = {0x7f, 1, 2};
    ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>(Topics.RAW_NEWS, 2, 41L, key, value);

    DeserializationExceptionHandler.Response response = handler.handleError(context(record),
        record, new SerializationException("unknown magic byte 0x7f"));

    assertThat(response.result()).isEqualTo(DeserializationExceptionHandler.Result.RESUME);
    assertThat(response.deadLetterQueueRecords()).hasSize(1);
    ProducerRecord<byte[], byte[]> letter = response.deadLetterQueueRecords().get(0);
    assertThat(letter.topic()).isEqualTo(Topics.STREAMS_DLQ);
    assertThat(letter.key()).isEqualTo(key);
    assertThat(letter.value()).isEqualTo(value);
    assertThat(text(letter.headers().lastHeader(DeadLetters.REASON_HEADER))).isEqualTo("unreadable");
    assertThat(text(letter.headers().lastHeader("__streams.errors.topic"))).isEqualTo(Topics.RAW_NEWS);
    assertThat(text(letter.headers().lastHeader("__streams.errors.offset"))).isEqualTo("41");
  }

  private static String text(Header header) {
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  private static ErrorHandlerContext context(ConsumerRecord<byte[], byte[]> record) {
    return new ErrorHandlerContext() {
      @Override public String topic() { return record.topic(); }
      @Override public int partition() { return record.partition(); }
      @Override public long offset() { return record.offset(); }
      @Override public org.apache.kafka.common.header.Headers headers() { return new RecordHeaders(); }
      @Override public String processorNodeId() { return "KSTREAM-SOURCE-0000000000"; }
      @Override public TaskId taskId() { return new TaskId(0, record.partition()); }
      @Override public long timestamp() { return 0L; }
      @Override public byte[] sourceRawKey() { return record.key(); }
      @Override public byte[] sourceRawValue() { return record.value(); }
    };
  }
}
