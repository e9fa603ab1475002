package org.retorno.faults;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/** How many records a topic holds, from offsets alone: cheap enough to poll while a test runs. */
public final class TopicSizes {
  private TopicSizes() {}

  /** End minus start offsets over the topic's partitions (a transaction marker counts too). */
  public static long recordsOn(Admin admin, String topic) throws ExecutionException, InterruptedException {
    List<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic)
        .partitions().stream().map(partition -> new TopicPartition(topic, partition.partition())).toList();
    var ends = admin.listOffsets(offsets(partitions, OffsetSpec.latest())).all().get();
    var starts = admin.listOffsets(offsets(partitions, OffsetSpec.earliest())).all().get();
    return partitions.stream().mapToLong(p -> ends.get(p).offset() - starts.get(p).offset()).sum();
  }

  private static Map<TopicPartition, OffsetSpec> offsets(List<TopicPartition> partitions, OffsetSpec spec) {
    return partitions.stream().collect(Collectors.toMap(Function.identity(), p -> spec));
  }
}
