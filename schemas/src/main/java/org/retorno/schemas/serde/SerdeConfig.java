package org.retorno.schemas.serde;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/**
 * The serde settings, under the names Confluent's serdes use, read from a Kafka config map. Values
 * may be strings or typed values; a bad value fails with Kafka's one-line {@link ConfigException}.
 */
public final class SerdeConfig {
  /** Comma-separated http(s) URLs, tried in order; or {@code mock://scope} for an in-memory registry. */
  public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
  /** Register the record's schema on first use (default true); when false, look its id up. */
  public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
  /** Write with the subject's latest schema and its id (default false). */
  public static final String USE_LATEST_VERSION = "use.latest.version";
  /** Deserialize to the generated SpecificRecord classes (default false: GenericRecord). */
  public static final String SPECIFIC_AVRO_READER = "specific.avro.reader";
  /** The generated class to read keys as (implies a specific reader). */
  public static final String SPECIFIC_AVRO_KEY_TYPE = "specific.avro.key.type";
  /** The generated class to read values as (implies a specific reader). */
  public static final String SPECIFIC_AVRO_VALUE_TYPE = "specific.avro.value.type";
  /** Generic records carry LocalDate, Instant, ... instead of raw ints and longs (default false). */
  public static final String AVRO_USE_LOGICAL_TYPE_CONVERTERS = "avro.use.logical.type.converters";
  /** Only {@value #USER_INFO} is supported: credentials from {@link #BASIC_AUTH_USER_INFO}. */
  public static final String BASIC_AUTH_CREDENTIALS_SOURCE = "basic.auth.credentials.source";
  /** "user:password"; never logged. */
  public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";
  public static final String HTTP_CONNECT_TIMEOUT_MS = "http.connect.timeout.ms";
  public static final String HTTP_READ_TIMEOUT_MS = "http.read.timeout.ms";
  /** How long a subject's latest version is cached, for {@link #USE_LATEST_VERSION}. */
  public static final String LATEST_CACHE_TTL_SEC = "latest.cache.ttl.sec";

  public static final String USER_INFO = "USER_INFO";
  public static final String MOCK_URL_PREFIX = "mock://";

  private static final ConfigDef DEFINITION = new ConfigDef()
      .define(SCHEMA_REGISTRY_URL, Type.LIST, List.of(), Importance.HIGH, "Registry URLs, or mock://scope.")
      .define(AUTO_REGISTER_SCHEMAS, Type.BOOLEAN, true, Importance.MEDIUM, "Register schemas on first use.")
      .define(USE_LATEST_VERSION, Type.BOOLEAN, false, Importance.MEDIUM, "Write with the latest schema.")
      .define(SPECIFIC_AVRO_READER, Type.BOOLEAN, false, Importance.MEDIUM, "Read SpecificRecords.")
      .define(SPECIFIC_AVRO_KEY_TYPE, Type.CLASS, null, Importance.LOW, "Class to read keys as.")
      .define(SPECIFIC_AVRO_VALUE_TYPE, Type.CLASS, null, Importance.LOW, "Class to read values as.")
      .define(AVRO_USE_LOGICAL_TYPE_CONVERTERS, Type.BOOLEAN, false, Importance.LOW, "Logical types in generic records.")
      .define(BASIC_AUTH_CREDENTIALS_SOURCE, Type.STRING, "", ConfigDef.ValidString.in("", USER_INFO),
          Importance.MEDIUM, "Where basic auth credentials come from.")
      .define(BASIC_AUTH_USER_INFO, Type.PASSWORD, null, Importance.MEDIUM, "user:password.")
      .define(HTTP_CONNECT_TIMEOUT_MS, Type.INT, 10_000, ConfigDef.Range.atLeast(1), Importance.LOW, "Connect timeout.")
      .define(HTTP_READ_TIMEOUT_MS, Type.INT, 30_000, ConfigDef.Range.atLeast(1), Importance.LOW, "Request timeout.")
      .define(LATEST_CACHE_TTL_SEC, Type.LONG, 30L, ConfigDef.Range.atLeast(0), Importance.LOW, "Latest cache TTL.");

  private final Map<String, Object> values;

  private SerdeConfig(Map<String, Object> values) {
    this.values = values;
  }

  /** @throws ConfigException naming the setting and the reason */
  public static SerdeConfig parse(Map<String, ?> config) {
    SerdeConfig parsed = new SerdeConfig(DEFINITION.parse(config));
    parsed.basicAuthUserInfo();
    return parsed;
  }

  @SuppressWarnings("unchecked")
  public List<String> registryUrls() {
    return (List<String>) values.get(SCHEMA_REGISTRY_URL);
  }

  public boolean autoRegisterSchemas() {
    return (Boolean) values.get(AUTO_REGISTER_SCHEMAS);
  }

  public boolean useLatestVersion() {
    return (Boolean) values.get(USE_LATEST_VERSION);
  }

  /** True when {@link #SPECIFIC_AVRO_READER} is set or a class to read as is configured. */
  public boolean specificAvroReader(boolean isKey) {
    return (Boolean) values.get(SPECIFIC_AVRO_READER) || specificType(isKey).isPresent();
  }

  public Optional<Class<?>> specificType(boolean isKey) {
    return Optional.ofNullable((Class<?>) values.get(isKey ? SPECIFIC_AVRO_KEY_TYPE : SPECIFIC_AVRO_VALUE_TYPE));
  }

  public boolean useLogicalTypeConverters() {
    return (Boolean) values.get(AVRO_USE_LOGICAL_TYPE_CONVERTERS);
  }

  /** @throws ConfigException if the credentials source and the user info do not go together */
  public Optional<String> basicAuthUserInfo() {
    String source = (String) values.get(BASIC_AUTH_CREDENTIALS_SOURCE);
    Password userInfo = (Password) values.get(BASIC_AUTH_USER_INFO);
    if (USER_INFO.equals(source)) {
      if (userInfo == null || userInfo.value().isEmpty()) {
        throw new ConfigException(BASIC_AUTH_USER_INFO + " is required when " + BASIC_AUTH_CREDENTIALS_SOURCE
            + " is " + USER_INFO);
      }
      return Optional.of(userInfo.value());
    }
    if (userInfo != null) {
      throw new ConfigException(BASIC_AUTH_USER_INFO + " is set but " + BASIC_AUTH_CREDENTIALS_SOURCE
          + " is not " + USER_INFO + "; set it to " + USER_INFO + " to send the credentials");
    }
    return Optional.empty();
  }

  public Duration connectTimeout() {
    return Duration.ofMillis((Integer) values.get(HTTP_CONNECT_TIMEOUT_MS));
  }

  public Duration requestTimeout() {
    return Duration.ofMillis((Integer) values.get(HTTP_READ_TIMEOUT_MS));
  }

  public Duration latestCacheTtl() {
    return Duration.ofSeconds((Long) values.get(LATEST_CACHE_TTL_SEC));
  }
}
