package org.retorno.streams.app;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;
import org.retorno.schemas.Topics;
import org.retorno.schemas.registry.RegistryTls;
import org.retorno.streams.api.HttpTls;
import org.retorno.streams.detect.DetectionConfig;
import org.retorno.streams.topology.EventTimeExtractor;
import org.retorno.streams.topology.TopologyConfig;

/**
 * The streams application's settings: one properties map holding Kafka Streams and client keys
 * (security included) passed through as they are, the serde keys ({@code schema.registry.url},
 * {@code schema.registry.ssl.*}, {@code basic.auth.*}, {@code bearer.auth.*}), and our own keys
 * under {@code retorno.}.
 */
public final class StreamsSettings {
  public static final String HTTP_HOST = "retorno.http.host";
  public static final String HTTP_PORT = "retorno.http.port";
  public static final String REGISTRY_URL = "schema.registry.url";
  /** Days of stream time after a period's end before it is settled (default 30). */
  public static final String SETTLE_DAYS = "retorno.settle.days";
  /** Claims dated before this (yyyy-mm-dd) are rejected (default 2019-01-01). */
  public static final String SERIES_START = "retorno.series.start";
  /** The bearer token of the analyst tier; every instance of one application must have the same. */
  public static final String ANALYST_TOKEN = "retorno.analyst.token";
  public static final String ANALYST_TOKEN_ENV = "RETORNO_ANALYST_TOKEN";
  public static final String DEFAULT_APPLICATION_ID = "retorno-streams";
  /** The query API serves HTTPS with this key store (PKCS12 unless {@value #HTTP_TLS_KEYSTORE_TYPE} says). */
  public static final String HTTP_TLS_KEYSTORE_LOCATION = "retorno.http.tls.keystore.location";
  /** Or the environment variable {@value #HTTP_TLS_KEYSTORE_PASSWORD_ENV}. Never logged. */
  public static final String HTTP_TLS_KEYSTORE_PASSWORD = "retorno.http.tls.keystore.password";
  public static final String HTTP_TLS_KEYSTORE_PASSWORD_ENV = "RETORNO_HTTP_TLS_KEYSTORE_PASSWORD";
  public static final String HTTP_TLS_KEYSTORE_TYPE = "retorno.http.tls.keystore.type";
  public static final String HTTP_TLS_KEY_PASSWORD = "retorno.http.tls.key.password";
  /** CAs of the peers' certificates and, for mutual TLS, of clients' certificates. */
  public static final String HTTP_TLS_TRUSTSTORE_LOCATION = "retorno.http.tls.truststore.location";
  /** Or the environment variable {@value #HTTP_TLS_TRUSTSTORE_PASSWORD_ENV}. Never logged. */
  public static final String HTTP_TLS_TRUSTSTORE_PASSWORD = "retorno.http.tls.truststore.password";
  public static final String HTTP_TLS_TRUSTSTORE_PASSWORD_ENV = "RETORNO_HTTP_TLS_TRUSTSTORE_PASSWORD";
  public static final String HTTP_TLS_TRUSTSTORE_TYPE = "retorno.http.tls.truststore.type";
  /** {@code none} (default) or {@code required}: clients must show a certificate the trust store's CAs signed. */
  public static final String HTTP_TLS_CLIENT_AUTH = "retorno.http.tls.client.auth";

  private final Properties properties;
  private final Map<String, String> environment;
  private final String analystToken;
  private final boolean analystTokenGenerated;

  public StreamsSettings(Properties properties) {
    this(properties, System.getenv());
  }

  /** With the environment given, for tests: {@value #ANALYST_TOKEN_ENV} is read from it. */
  public StreamsSettings(Properties properties, Map<String, String> environment) {
    this.properties = new Properties();
    this.properties.putAll(properties);
    this.environment = Map.copyOf(environment);
    require(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG);
    require(REGISTRY_URL);
    String configured = this.properties.getProperty(ANALYST_TOKEN, "").strip();
    if (configured.isEmpty()) {
      configured = environment.getOrDefault(ANALYST_TOKEN_ENV, "").strip();
    }
    this.analystTokenGenerated = configured.isEmpty();
    this.analystToken = analystTokenGenerated ? randomToken() : configured;
  }

  private static String randomToken() {
    byte[] bytes = new byte[24];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /**
   * The analyst tier's bearer token: {@value #ANALYST_TOKEN} in the settings, else the environment
   * variable {@value #ANALYST_TOKEN_ENV}, else a random one made for this run (see
   * {@link #analystTokenGenerated()}). Never log it.
   */
  public String analystToken() {
    return analystToken;
  }

  /** True when no token was configured and {@link #analystToken()} was made up for this run. */
  public boolean analystTokenGenerated() {
    return analystTokenGenerated;
  }

  private void require(String key) {
    if (properties.getProperty(key, "").isBlank()) {
      throw new IllegalArgumentException("streams settings: '" + key + "' is required");
    }
  }

  public String httpHost() {
    return properties.getProperty(HTTP_HOST, "127.0.0.1");
  }

  public int httpPort() {
    String port = properties.getProperty(HTTP_PORT, "8080");
    try {
      return Integer.parseInt(port.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("streams settings: '" + HTTP_PORT + "' is not a port: " + port);
    }
  }

  /**
   * TLS of the query API when {@value #HTTP_TLS_KEYSTORE_LOCATION} is set; empty serves plain HTTP.
   *
   * @throws IllegalArgumentException naming the key and the reason, never a password
   */
  public Optional<HttpTls> httpTls() {
    String keyStore = properties.getProperty(HTTP_TLS_KEYSTORE_LOCATION, "").strip();
    String clientAuth = properties.getProperty(HTTP_TLS_CLIENT_AUTH, "none").strip().toLowerCase(Locale.ROOT);
    if (!clientAuth.equals("none") && !clientAuth.equals("required")) {
      throw new IllegalArgumentException("streams settings: '" + HTTP_TLS_CLIENT_AUTH + "' is none or required, not "
          + clientAuth);
    }
    if (keyStore.isEmpty()) {
      if (clientAuth.equals("required")) {
        throw new IllegalArgumentException("streams settings: '" + HTTP_TLS_CLIENT_AUTH + "=required' needs '"
            + HTTP_TLS_KEYSTORE_LOCATION + "'");
      }
      return Optional.empty();
    }
    String trustStore = properties.getProperty(HTTP_TLS_TRUSTSTORE_LOCATION, "").strip();
    try {
      return Optional.of(HttpTls.of(
          new RegistryTls.Store(Path.of(keyStore), secret(HTTP_TLS_KEYSTORE_PASSWORD, HTTP_TLS_KEYSTORE_PASSWORD_ENV),
              properties.getProperty(HTTP_TLS_KEYSTORE_TYPE, "PKCS12").strip()),
          Optional.ofNullable(properties.getProperty(HTTP_TLS_KEY_PASSWORD)),
          trustStore.isEmpty() ? Optional.empty() : Optional.of(new RegistryTls.Store(Path.of(trustStore),
              secret(HTTP_TLS_TRUSTSTORE_PASSWORD, HTTP_TLS_TRUSTSTORE_PASSWORD_ENV),
              properties.getProperty(HTTP_TLS_TRUSTSTORE_TYPE, "PKCS12").strip())),
          clientAuth.equals("required")));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("streams settings: " + e.getMessage(), e);
    }
  }

  private String secret(String key, String environmentVariable) {
    String configured = properties.getProperty(key);
    return configured != null ? configured : environment.get(environmentVariable);
  }

  /** The topology's rules: serde settings, settling time, series start, spike methods ({@code detect.*}). */
  public TopologyConfig topologyConfig() {
    TopologyConfig config = TopologyConfig.withDefaults(serdeConfig());
    String settle = properties.getProperty(SETTLE_DAYS);
    if (settle != null) {
      try {
        config = config.withSettleDays(Integer.parseInt(settle.strip()));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("streams settings: '" + SETTLE_DAYS + "' is not a number of days: " + settle);
      }
    }
    String start = properties.getProperty(SERIES_START);
    if (start != null) {
      try {
        config = config.withSeriesStart(LocalDate.parse(start.strip()));
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("streams settings: '" + SERIES_START + "' is not a date (yyyy-mm-dd): " + start);
      }
    }
    return config.withDetection(DetectionConfig.fromProperties(properties));
  }

  /** Settings for the Avro serdes: the registry URL and whatever else names a serde key. */
  public Map<String, Object> serdeConfig() {
    Map<String, Object> config = new HashMap<>();
    for (String key : properties.stringPropertyNames()) {
      if (key.startsWith("schema.registry.") || key.startsWith("basic.auth.") || key.startsWith("bearer.auth.")
          || key.equals("auto.register.schemas") || key.equals("use.latest.version")) {
        config.put(key, properties.getProperty(key));
      }
    }
    return config;
  }

  /** Kafka Streams properties: our defaults, then everything given, minus our own keys. */
  public Properties streamsProperties() {
    Properties streams = new Properties();
    streams.put(StreamsConfig.APPLICATION_ID_CONFIG, DEFAULT_APPLICATION_ID);
    streams.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    streams.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, "true");
    streams.put(StreamsConfig.DEFAULT_TIMESTAMP_EXTRACTOR_CLASS_CONFIG, EventTimeExtractor.class.getName());
    streams.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
        DeadLetterDeserializationHandler.class.getName());
    streams.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
        LogAndContinueProcessingExceptionHandler.class.getName());
    streams.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, Topics.STREAMS_DLQ);
    streams.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "100");
    // Repartition and changelog records carry event times too (Topics.EVENT_TIME_SEGMENTS).
    Topics.EVENT_TIME_SEGMENTS.forEach((key, value) -> streams.put(StreamsConfig.topicPrefix(key), value));
    for (String key : properties.stringPropertyNames()) {
      if (!key.startsWith("retorno.") && !key.startsWith(DetectionConfig.PREFIX)) {
        streams.put(key, properties.getProperty(key));
      }
    }
    return streams;
  }

  public Path stateDir() {
    return Path.of(streamsProperties().getProperty(StreamsConfig.STATE_DIR_CONFIG,
        System.getProperty("java.io.tmpdir") + "/kafka-streams"));
  }
}
