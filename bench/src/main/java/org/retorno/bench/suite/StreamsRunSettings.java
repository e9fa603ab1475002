package org.retorno.bench.suite;

import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.retorno.streams.app.StreamsSettings;

/**
 * Kafka Streams settings for a bench run: the pipeline's own (exactly_once_v2, 100 ms commit,
 * event-time extractor, dead-letter handling) for the reference and the full topology alike, so
 * they differ only in what they compute.
 */
public final class StreamsRunSettings {
  /** Every bench application id starts with this; their internal topics do too. */
  public static final String APPLICATION_PREFIX = "retorno-bench-";

  private StreamsRunSettings() {}

  public static Properties of(String bootstrapServers, String registryUrl, String applicationId,
      Path stateDir, int threads) {
    Properties given = new Properties();
    given.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    given.put(StreamsSettings.REGISTRY_URL, registryUrl);
    Properties props = new StreamsSettings(given).streamsProperties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, APPLICATION_PREFIX + applicationId);
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toAbsolutePath().toString());
    props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, Integer.toString(threads));
    return props;
  }
}
