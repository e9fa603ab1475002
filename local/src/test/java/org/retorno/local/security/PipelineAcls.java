package org.retorno.local.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.retorno.local.registry.RegistryOptions;
import org.retorno.schemas.Topics;
import org.retorno.streams.app.StreamsSettings;

/**
 * The least each of the pipeline's principals needs, as Kafka ACLs. Ingest writes the raw topics and
 * the rejection topic (and reads their keys, to skip what earlier runs sent); streams reads the raw
 * topics and writes every derived topic, its own internal topics and transactions; the registry
 * owns its state topic. Nothing else is allowed: with StandardAuthorizer no ACL means no access.
 */
final class PipelineAcls {
  static final String INGEST = "ingest";
  static final String STREAMS = "streams";
  static final String REGISTRY = "registry";

  static final Set<String> INGEST_TOPICS = Set.of(Topics.RAW_NEWS, Topics.RAW_REPORTS,
      Topics.RAW_CASE_COUNTS, Topics.INGEST_REJECTIONS);
  static final Set<String> RAW_TOPICS = Set.of(Topics.RAW_NEWS, Topics.RAW_REPORTS, Topics.RAW_CASE_COUNTS);

  private PipelineAcls() {}

  /** Topics the streams app writes: every topic of the pipeline but what ingest writes. */
  static List<String> derivedTopics() {
    return Topics.ALL.stream().map(Topics.Spec::name).filter(name -> !INGEST_TOPICS.contains(name)).toList();
  }

  static List<AclBinding> all() {
    List<AclBinding> acls = new ArrayList<>();
    for (String topic : INGEST_TOPICS) {
      allow(acls, INGEST, topic(topic), AclOperation.WRITE, AclOperation.READ, AclOperation.DESCRIBE);
    }
    for (String topic : RAW_TOPICS) {
      allow(acls, STREAMS, topic(topic), AclOperation.READ, AclOperation.DESCRIBE);
    }
    for (String topic : derivedTopics()) {
      allow(acls, STREAMS, topic(topic), AclOperation.WRITE, AclOperation.READ, AclOperation.DESCRIBE);
    }
    String app = StreamsSettings.DEFAULT_APPLICATION_ID;
    // Changelog and repartition topics are named after the application id.
    allow(acls, STREAMS, new ResourcePattern(ResourceType.TOPIC, app + "-", PatternType.PREFIXED), AclOperation.ALL);
    allow(acls, STREAMS, new ResourcePattern(ResourceType.GROUP, app, PatternType.LITERAL), AclOperation.READ);
    // Exactly-once: each stream thread's producer has a transactional id starting with the application id.
    allow(acls, STREAMS, new ResourcePattern(ResourceType.TRANSACTIONAL_ID, app + "-", PatternType.PREFIXED),
        AclOperation.WRITE, AclOperation.DESCRIBE);
    allow(acls, REGISTRY, topic(RegistryOptions.DEFAULT_TOPIC), AclOperation.ALL);
    return acls;
  }

  private static ResourcePattern topic(String name) {
    return new ResourcePattern(ResourceType.TOPIC, name, PatternType.LITERAL);
  }

  private static void allow(List<AclBinding> acls, String user, ResourcePattern resource,
      AclOperation... operations) {
    for (AclOperation operation : operations) {
      acls.add(new AclBinding(resource,
          new AccessControlEntry("User:" + user, "*", operation, AclPermissionType.ALLOW)));
    }
  }
}
