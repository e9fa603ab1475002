package org.retorno.local.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Tells when the streams application has processed everything written so far: its consumer
 * group has committed, on every input and repartition topic, the end offset. Under exactly-once
 * the commit and the outputs are one transaction, so committed input means visible output.
 */
public final class ProcessingProgress {
  private final Admin admin;
  private final String applicationId;
  private final List<String> inputTopics;

  public ProcessingProgress(Admin admin, String applicationId, List<String> inputTopics) {
    this.admin = admin;
    this.applicationId = applicationId;
    this.inputTopics = List.copyOf(inputTopics);
  }

  /** Waits until caught up twice in a row (a repartition hop may still be in flight once). */
  public void awaitCaughtUp(Duration timeout) throws InterruptedException, ExecutionException {
    Instant deadline = Instant.now().plus(timeout);
    int consecutive = 0;
    while (consecutive < 2) {
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException("the streams application did not catch up within "
            + timeout.toSeconds() + " s; lag: " + lag());
      }
      consecutive = lag().isEmpty() ? consecutive + 1 : 0;
      Thread.sleep(250);
    }
  }

  /** Partitions not yet fully processed, with how many records remain. */
  public Map<TopicPartition, Long> lag() throws InterruptedException, ExecutionException {
    Map<TopicPartition, OffsetAndMetadata> committed = admin
        .listConsumerGroupOffsets(applicationId).partitionsToOffsetAndMetadata().get();
    Set<String> topics = new HashSet<>(inputTopics);
    admin.listTopics().names().get().stream()
        .filter(name -> name.startsWith(applicationId + "-") && name.endsWith("-repartition"))
        .forEach(topics::add);
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    admin.describeTopics(topics).allTopicNames().get().forEach((name, description) ->
        description.partitions().forEach(partition ->
            latest.put(new TopicPartition(name, partition.partition()), OffsetSpec.latest())));
    Map<TopicPartition, Long> ends = admin.listOffsets(latest).all().get().entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));
    Map<TopicPartition, Long> lag = new HashMap<>();
    ends.forEach((partition, end) -> {
      OffsetAndMetadata done = committed.get(partition);
      long position = done == null ? 0L : done.offset();
      if (position < end) {
        lag.put(partition, end - position);
      }
    });
    return lag;
  }
}
