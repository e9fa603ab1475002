package org.retorno.schemas;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Every topic the pipeline reads or writes, with the settings it must be created with.
 *
 * <p>Retention is set on purpose: the records carry event times from 2019 onwards, and a default
 * time-based retention of 7 days would delete that history within minutes of ingest.
 */
public final class Topics {
  public static final String RAW_NEWS = "raw-news";
  public static final String RAW_REPORTS = "raw-reports";
  public static final String RAW_CASE_COUNTS = "raw-case-counts";
  public static final String INGEST_REJECTIONS = "ingest-rejections";
  public static final String CLAIMS = "claims";
  public static final String EVENTS = "events";
  public static final String REJECTED_CLAIMS = "rejected-claims";
  public static final String STOCKS = "stocks";
  public static final String CITY_COUNTS_DAILY = "city-counts-daily";
  public static final String CITY_COUNTS_DAILY_SETTLED = "city-counts-daily-settled";
  public static final String CITY_COUNTS_WEEKLY = "city-counts-weekly";
  public static final String CITY_COUNTS_WEEKLY_SETTLED = "city-counts-weekly-settled";
  public static final String CITY_COUNTS_MONTHLY = "city-counts-monthly";
  public static final String CITY_COUNTS_MONTHLY_SETTLED = "city-counts-monthly-settled";
  public static final String COVERAGE_DAILY = "coverage-daily";
  public static final String COUNT_PROVENANCE = "count-provenance";
  public static final String SPIKE_ALERTS = "spike-alerts";
  public static final String STREAMS_DLQ = "streams-dlq";

  /**
   * Segments roll by size, never by time. Kafka rolls a segment once a record's timestamp is more
   * than {@code segment.ms} (7 days by default) past the first of the segment, and our records
   * carry event times: history replayed in date order made a new segment, file and index per week
   * of event time on every partition, and a feed of one day per row (the latency bench) one every
   * few batches, with as many small segments for the cleaner on compacted topics. Streams'
   * internal topics get the same ({@code topic.} settings of the streams app).
   */
  public static final Map<String, String> EVENT_TIME_SEGMENTS = Map.of(
      TopicConfig.SEGMENT_MS_CONFIG, Long.toString(Duration.ofDays(36_500).toMillis()),
      TopicConfig.SEGMENT_BYTES_CONFIG, Integer.toString(64 * 1024 * 1024));

  /** How a topic is kept: a log of history kept forever, or a compacted table of latest values. */
  public enum Retention { FOREVER, COMPACTED }

  public record Spec(String name, Retention retention) {
    public NewTopic newTopic(int partitions, short replication) {
      return new NewTopic(name, partitions, replication).configs(configs());
    }

    public Map<String, String> configs() {
      return configsFor(retention);
    }
  }

  /** The settings of a topic kept this way, whichever its name (the bench's own topics use them too). */
  public static Map<String, String> configsFor(Retention retention) {
    Map<String, String> configs = new HashMap<>(EVENT_TIME_SEGMENTS);
    configs.putAll(switch (retention) {
      case FOREVER -> Map.of(
          TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
          TopicConfig.RETENTION_MS_CONFIG, "-1",
          TopicConfig.RETENTION_BYTES_CONFIG, "-1");
      case COMPACTED -> Map.of(
          TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
          TopicConfig.RETENTION_MS_CONFIG, "-1");
    });
    return Map.copyOf(configs);
  }

  public static final List<Spec> ALL = List.of(
      new Spec(RAW_NEWS, Retention.FOREVER),
      new Spec(RAW_REPORTS, Retention.FOREVER),
      new Spec(RAW_CASE_COUNTS, Retention.FOREVER),
      new Spec(INGEST_REJECTIONS, Retention.FOREVER),
      new Spec(CLAIMS, Retention.FOREVER),
      new Spec(EVENTS, Retention.COMPACTED),
      new Spec(REJECTED_CLAIMS, Retention.FOREVER),
      new Spec(STOCKS, Retention.COMPACTED),
      new Spec(CITY_COUNTS_DAILY, Retention.COMPACTED),
      new Spec(CITY_COUNTS_DAILY_SETTLED, Retention.FOREVER),
      new Spec(CITY_COUNTS_WEEKLY, Retention.COMPACTED),
      new Spec(CITY_COUNTS_WEEKLY_SETTLED, Retention.FOREVER),
      new Spec(CITY_COUNTS_MONTHLY, Retention.COMPACTED),
      new Spec(CITY_COUNTS_MONTHLY_SETTLED, Retention.FOREVER),
      new Spec(COUNT_PROVENANCE, Retention.COMPACTED),
      new Spec(COVERAGE_DAILY, Retention.COMPACTED),
      new Spec(SPIKE_ALERTS, Retention.FOREVER),
      new Spec(STREAMS_DLQ, Retention.FOREVER));

  private Topics() {}

  /**
   * Creates the topics that do not exist yet; existing ones are left as they are.
   *
   * @return the names of the topics created
   */
  public static Set<String> ensureExist(Admin admin, int partitions, short replication)
      throws InterruptedException, ExecutionException {
    Set<String> existing = admin.listTopics().names().get();
    List<NewTopic> missing = ALL.stream()
        .filter(spec -> !existing.contains(spec.name()))
        .map(spec -> spec.newTopic(partitions, replication))
        .toList();
    for (NewTopic topic : missing) {
      try {
        admin.createTopics(List.of(topic)).all().get();
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof TopicExistsException)) {
          throw e;
        }
      }
    }
    return missing.stream().map(NewTopic::name).collect(Collectors.toSet());
  }
}
