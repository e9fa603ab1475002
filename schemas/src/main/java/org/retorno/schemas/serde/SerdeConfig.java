package org.retorno.schemas.serde;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;
import org.retorno.schemas.registry.RegistryTls;

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
  /**
   * {@value #USER_INFO}: credentials from {@link #BASIC_AUTH_USER_INFO}; {@value #URL}: from the
   * user info of the registry URL ({@code https://user:password@host}), which is then removed
   * from the URL before it is used or shown.
   */
  public static final String BASIC_AUTH_CREDENTIALS_SOURCE = "basic.auth.credentials.source";
  /** "user:password"; never logged. */
  public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";
  /** Only {@value #STATIC_TOKEN} is supported: the token in {@link #BEARER_AUTH_TOKEN}. */
  public static final String BEARER_AUTH_CREDENTIALS_SOURCE = "bearer.auth.credentials.source";
  /** Sent as {@code Authorization: Bearer <token>}; never logged. */
  public static final String BEARER_AUTH_TOKEN = "bearer.auth.token";
  /** Trust store for https registries (default: the JDK's CAs). */
  public static final String SSL_TRUSTSTORE_LOCATION = "schema.registry.ssl.truststore.location";
  public static final String SSL_TRUSTSTORE_PASSWORD = "schema.registry.ssl.truststore.password";
  public static final String SSL_TRUSTSTORE_TYPE = "schema.registry.ssl.truststore.type";
  /** This client's certificate, for registries that require mutual TLS. */
  public static final String SSL_KEYSTORE_LOCATION = "schema.registry.ssl.keystore.location";
  public static final String SSL_KEYSTORE_PASSWORD = "schema.registry.ssl.keystore.password";
  public static final String SSL_KEYSTORE_TYPE = "schema.registry.ssl.keystore.type";
  public static final String SSL_KEY_PASSWORD = "schema.registry.ssl.key.password";
  /** "https" (default) checks that the certificate names the host; empty turns the check off. */
  public static final String SSL_ENDPOINT_IDENTIFICATION_ALGORITHM =
      "schema.registry.ssl.endpoint.identification.algorithm";
  public static final String HTTP_CONNECT_TIMEOUT_MS = "http.connect.timeout.ms";
  public static final String HTTP_READ_TIMEOUT_MS = "http.read.timeout.ms";
  /** How long a subject's latest version is cached, for {@link #USE_LATEST_VERSION}. */
  public static final String LATEST_CACHE_TTL_SEC = "latest.cache.ttl.sec";

  public static final String USER_INFO = "USER_INFO";
  public static final String URL = "URL";
  public static final String STATIC_TOKEN = "STATIC_TOKEN";
  /** PKCS12; the JDK also opens JKS files under this type. */
  public static final String DEFAULT_STORE_TYPE = "PKCS12";
  public static final String MOCK_URL_PREFIX = "mock://";

  private static final ConfigDef DEFINITION = new ConfigDef()
      .define(SCHEMA_REGISTRY_URL, Type.LIST, List.of(), Importance.HIGH, "Registry URLs, or mock://scope.")
      .define(AUTO_REGISTER_SCHEMAS, Type.BOOLEAN, true, Importance.MEDIUM, "Register schemas on first use.")
      .define(USE_LATEST_VERSION, Type.BOOLEAN, false, Importance.MEDIUM, "Write with the latest schema.")
      .define(SPECIFIC_AVRO_READER, Type.BOOLEAN, false, Importance.MEDIUM, "Read SpecificRecords.")
      .define(SPECIFIC_AVRO_KEY_TYPE, Type.CLASS, null, Importance.LOW, "Class to read keys as.")
      .define(SPECIFIC_AVRO_VALUE_TYPE, Type.CLASS, null, Importance.LOW, "Class to read values as.")
      .define(AVRO_USE_LOGICAL_TYPE_CONVERTERS, Type.BOOLEAN, false, Importance.LOW, "Logical types in generic records.")
      .define(BASIC_AUTH_CREDENTIALS_SOURCE, Type.STRING, "", ConfigDef.ValidString.in("", USER_INFO, URL),
          Importance.MEDIUM, "Where basic auth credentials come from.")
      .define(BASIC_AUTH_USER_INFO, Type.PASSWORD, null, Importance.MEDIUM, "user:password.")
      .define(BEARER_AUTH_CREDENTIALS_SOURCE, Type.STRING, "", ConfigDef.ValidString.in("", STATIC_TOKEN),
          Importance.MEDIUM, "Where the bearer token comes from.")
      .define(BEARER_AUTH_TOKEN, Type.PASSWORD, null, Importance.MEDIUM, "The bearer token.")
      .define(SSL_TRUSTSTORE_LOCATION, Type.STRING, null, Importance.MEDIUM, "Trust store file.")
      .define(SSL_TRUSTSTORE_PASSWORD, Type.PASSWORD, null, Importance.MEDIUM, "Trust store password.")
      .define(SSL_TRUSTSTORE_TYPE, Type.STRING, DEFAULT_STORE_TYPE, Importance.LOW, "Trust store type.")
      .define(SSL_KEYSTORE_LOCATION, Type.STRING, null, Importance.MEDIUM, "Key store file (mutual TLS).")
      .define(SSL_KEYSTORE_PASSWORD, Type.PASSWORD, null, Importance.MEDIUM, "Key store password.")
      .define(SSL_KEYSTORE_TYPE, Type.STRING, DEFAULT_STORE_TYPE, Importance.LOW, "Key store type.")
      .define(SSL_KEY_PASSWORD, Type.PASSWORD, null, Importance.LOW, "Private key password.")
      .define(SSL_ENDPOINT_IDENTIFICATION_ALGORITHM, Type.STRING, "https",
          ConfigDef.CaseInsensitiveValidString.in("", "https"), Importance.LOW, "Host name check.")
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
    boolean basic = parsed.basicAuthUserInfo().isPresent();
    boolean bearer = parsed.bearerToken().isPresent();
    if (basic && bearer) {
      throw new ConfigException("set " + BASIC_AUTH_CREDENTIALS_SOURCE + " or " + BEARER_AUTH_CREDENTIALS_SOURCE
          + ", not both: a registry request carries one Authorization header");
    }
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
    if (URL.equals(source)) {
      return Optional.of(RegistryUrls.userInfo(registryUrls()).orElseThrow(() -> new ConfigException(
          SCHEMA_REGISTRY_URL + " holds no user:password@ although " + BASIC_AUTH_CREDENTIALS_SOURCE + " is " + URL)));
    }
    return Optional.empty();
  }

  /** True when the registry URLs may carry user info ({@value #URL} credentials source). */
  public boolean credentialsInUrl() {
    return URL.equals(values.get(BASIC_AUTH_CREDENTIALS_SOURCE));
  }

  /** @throws ConfigException if the credentials source and the token do not go together */
  public Optional<String> bearerToken() {
    String source = (String) values.get(BEARER_AUTH_CREDENTIALS_SOURCE);
    Password token = (Password) values.get(BEARER_AUTH_TOKEN);
    if (STATIC_TOKEN.equals(source)) {
      if (token == null || token.value().isBlank()) {
        throw new ConfigException(BEARER_AUTH_TOKEN + " is required when " + BEARER_AUTH_CREDENTIALS_SOURCE
            + " is " + STATIC_TOKEN);
      }
      return Optional.of(token.value().strip());
    }
    if (token != null) {
      throw new ConfigException(BEARER_AUTH_TOKEN + " is set but " + BEARER_AUTH_CREDENTIALS_SOURCE + " is not "
          + STATIC_TOKEN + "; set it to " + STATIC_TOKEN + " to send the token");
    }
    return Optional.empty();
  }

  /**
   * TLS settings when any {@code schema.registry.ssl.*} key changes the JDK's defaults; empty
   * otherwise (https URLs then trust the JDK's CAs and check host names).
   *
   * @throws ConfigException naming the store when it cannot be opened
   */
  public Optional<RegistryTls> tls() {
    Optional<RegistryTls.Store> trust = store(SSL_TRUSTSTORE_LOCATION, SSL_TRUSTSTORE_PASSWORD, SSL_TRUSTSTORE_TYPE);
    Optional<RegistryTls.Store> key = store(SSL_KEYSTORE_LOCATION, SSL_KEYSTORE_PASSWORD, SSL_KEYSTORE_TYPE);
    boolean verifyHostname = !((String) values.get(SSL_ENDPOINT_IDENTIFICATION_ALGORITHM)).isEmpty();
    if (trust.isEmpty() && key.isEmpty() && verifyHostname) {
      return Optional.empty();
    }
    Optional<String> keyPassword = Optional.ofNullable((Password) values.get(SSL_KEY_PASSWORD)).map(Password::value);
    try {
      return Optional.of(RegistryTls.of(trust, key, keyPassword, verifyHostname));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(e.getMessage());
    }
  }

  private Optional<RegistryTls.Store> store(String locationKey, String passwordKey, String typeKey) {
    String location = (String) values.get(locationKey);
    if (location == null || location.isBlank()) {
      return Optional.empty();
    }
    Password password = (Password) values.get(passwordKey);
    return Optional.of(new RegistryTls.Store(Path.of(location.strip()), password == null ? null : password.value(),
        ((String) values.get(typeKey)).strip()));
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
