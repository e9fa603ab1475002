package org.retorno.bench.cluster;

import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.retorno.schemas.Topics;

/**
 * The bench's own topics, and the pipeline's topics between runs. Bench records carry event times
 * from 2019: a time-based retention would delete them within minutes of the write and a consumer
 * would then read nothing, so every topic the bench creates keeps its history on purpose.
 */
public final class HistoryTopics {
  /**
   * Retention for records with historic timestamps: never deleted by time or size; segments roll
   * by size, as on the pipeline's topics ({@link Topics#EVENT_TIME_SEGMENTS}).
   */
  public static final Map<String, String> KEEP_HISTORY = Topics.configsFor(Topics.Retention.FOREVER);

  private static final Duration DELETE_TIMEOUT = Duration.ofSeconds(60);

  private final Admin admin;
  private final int partitions;

  public HistoryTopics(Admin admin, int partitions) {
    this.admin = admin;
    this.partitions = partitions;
  }

  public int partitions() {
    return partitions;
  }

  /** Creates a topic that keeps its history, unless it exists, and waits until it has leaders. */
  public void create(String name) throws InterruptedException, ExecutionException {
    createWithRetry(new NewTopic(name, partitions, (short) 1).configs(KEEP_HISTORY));
    awaitLeaders(List.of(name));
  }

  /**
   * Deletes the pipeline's topics and every topic a bench application made (names starting with
   * {@code internalPrefix}), then creates the pipeline's topics anew: each run starts empty.
   */
  public void resetPipeline(String internalPrefix) throws InterruptedException, ExecutionException {
    Set<String> doomed = new HashSet<>();
    Set<String> existing = admin.listTopics().names().get();
    for (Topics.Spec spec : Topics.ALL) {
      if (existing.contains(spec.name())) {
        doomed.add(spec.name());
      }
    }
    existing.stream().filter(name -> name.startsWith(internalPrefix)).forEach(doomed::add);
    delete(doomed);
    ensurePipelineTopics();
  }

  public void ensurePipelineTopics() throws InterruptedException, ExecutionException {
    for (Topics.Spec spec : Topics.ALL) {
      createWithRetry(spec.newTopic(partitions, (short) 1));
    }
    awaitLeaders(Topics.ALL.stream().map(Topics.Spec::name).toList());
  }

  /**
   * Waits until every partition of the topics has a leader: a producer that starts sooner may
   * wait for metadata, and on a loaded machine its first batches can expire meanwhile.
   */
  private void awaitLeaders(Collection<String> names) throws InterruptedException, ExecutionException {
    long deadline = System.nanoTime() + DELETE_TIMEOUT.toNanos();
    while (true) {
      try {
        boolean led = admin.describeTopics(names).allTopicNames().get().values().stream()
            .allMatch(description -> description.partitions().size() == partitions
                && description.partitions().stream().allMatch(partition -> partition.leader() != null));
        if (led) {
          return;
        }
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
          throw e;
        }
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("topics without a leader " + DELETE_TIMEOUT.toSeconds() + " s after creation: "
            + names);
      }
      Thread.sleep(20);
    }
  }

  public void delete(Collection<String> names) throws InterruptedException, ExecutionException {
    if (names.isEmpty()) {
      return;
    }
    try {
      admin.deleteTopics(names).all().get();
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
        throw e;
      }
    }
    long deadline = System.nanoTime() + DELETE_TIMEOUT.toNanos();
    while (admin.listTopics().names().get().stream().anyMatch(names::contains)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("topics still present " + DELETE_TIMEOUT.toSeconds()
            + " s after deletion: " + names);
      }
      Thread.sleep(50);
    }
  }

  /** A topic just deleted may still be "marked for deletion" for a moment: try again until it goes. */
  private void createWithRetry(NewTopic topic) throws InterruptedException, ExecutionException {
    long deadline = System.nanoTime() + DELETE_TIMEOUT.toNanos();
    while (true) {
      if (admin.listTopics().names().get().contains(topic.name())) {
        return;
      }
      try {
        admin.createTopics(List.of(topic)).all().get();
        return;
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof TopicExistsException) || System.nanoTime() > deadline) {
          throw e;
        }
        Thread.sleep(100);
      }
    }
  }
}
