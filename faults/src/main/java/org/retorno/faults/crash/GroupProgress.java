package org.retorno.faults.crash;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/** What the streams application's consumer group has committed, seen from outside with an admin client. */
final class GroupProgress {
  private final Admin admin;
  private final String groupId;

  GroupProgress(Admin admin, String groupId) {
    this.admin = admin;
    this.groupId = groupId;
  }

  /** Committed offsets of every partition the group commits (input and repartition topics). */
  Map<TopicPartition, Long> committed() {
    try {
      Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(groupId)
          .partitionsToOffsetAndMetadata().get();
      Map<TopicPartition, Long> committed = new HashMap<>();
      offsets.forEach((partition, offset) -> {
        if (offset != null) {
          committed.put(partition, offset.offset());
        }
      });
      return committed;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted reading group offsets", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot read the offsets of group " + groupId + ": " + e.getCause(), e);
    }
  }

  /** Records of {@code topic} not yet committed by the group (end offset minus committed, summed). */
  long lag(String topic) {
    Map<TopicPartition, Long> ends = endOffsets(topic);
    Map<TopicPartition, Long> committed = committed();
    long lag = 0;
    for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
      lag += Math.max(0, end.getValue() - committed.getOrDefault(end.getKey(), 0L));
    }
    return lag;
  }

  /** Read-committed end offsets (last stable offsets) of every partition of {@code topic}. */
  Map<TopicPartition, Long> endOffsets(String topic) {
    try {
      int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
      Map<TopicPartition, OffsetSpec> request = new HashMap<>();
      for (int p = 0; p < partitions; p++) {
        request.put(new TopicPartition(topic, p), OffsetSpec.latest());
      }
      return admin.listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get()
          .entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted reading end offsets", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot read the end offsets of " + topic + ": " + e.getCause(), e);
    }
  }
}
