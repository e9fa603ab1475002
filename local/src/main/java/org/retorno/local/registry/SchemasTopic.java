package org.retorno.local.registry;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure the registry's topic exists with one partition and compaction. One partition gives a
 * single order of writes; compaction keeps the latest record per key forever, which is the whole
 * state. A topic that breaks either rule is refused rather than silently used.
 */
final class SchemasTopic {
  private static final Logger LOG = LoggerFactory.getLogger(SchemasTopic.class);

  private SchemasTopic() {}

  static void ensure(Map<String, Object> adminConfig, String topic, short replicationFactor,
      long timeoutMs) {
    try (Admin admin = Admin.create(adminConfig)) {
      Optional<TopicDescription> existing = describe(admin, topic, timeoutMs);
      if (existing.isEmpty()) {
        create(admin, topic, replicationFactor, timeoutMs);
      } else {
        verify(admin, existing.get(), timeoutMs);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while preparing topic " + topic, e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot prepare registry topic " + topic + ": "
          + rootMessage(e), e);
    }
  }

  private static Optional<TopicDescription> describe(Admin admin, String topic, long timeoutMs)
      throws InterruptedException, ExecutionException, TimeoutException {
    try {
      return Optional.of(admin.describeTopics(Set.of(topic)).allTopicNames()
          .get(timeoutMs, TimeUnit.MILLISECONDS).get(topic));
    } catch (ExecutionException e) {
      if (e.getCause() instanceof UnknownTopicOrPartitionException) {
        return Optional.empty();
      }
      throw e;
    }
  }

  private static void create(Admin admin, String topic, short replicationFactor, long timeoutMs)
      throws InterruptedException, ExecutionException, TimeoutException {
    NewTopic newTopic = new NewTopic(topic, Optional.of(1),
        replicationFactor == 0 ? Optional.empty() : Optional.of(replicationFactor))
        .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
    try {
      admin.createTopics(Set.of(newTopic)).all().get(timeoutMs, TimeUnit.MILLISECONDS);
      LOG.info("Created registry topic {} (1 partition, compacted)", topic);
    } catch (ExecutionException e) {
      // Another registry instance created it first: fine, it made it the same way.
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw e;
      }
    }
  }

  private static void verify(Admin admin, TopicDescription description, long timeoutMs)
      throws InterruptedException, ExecutionException, TimeoutException {
    String topic = description.name();
    if (description.partitions().size() != 1) {
      throw new IllegalStateException("registry topic " + topic + " has "
          + description.partitions().size() + " partitions; it must have exactly 1");
    }
    ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
    Config config = admin.describeConfigs(Set.of(resource)).all()
        .get(timeoutMs, TimeUnit.MILLISECONDS).get(resource);
    String policy = config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
    if (!TopicConfig.CLEANUP_POLICY_COMPACT.equals(policy)) {
      throw new IllegalStateException("registry topic " + topic + " has cleanup.policy=" + policy
          + "; it must be compact, or old schemas would be deleted");
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause.getClass().getSimpleName() + (cause.getMessage() == null ? ""
        : ": " + cause.getMessage());
  }
}
