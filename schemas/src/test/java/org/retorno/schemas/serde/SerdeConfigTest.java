package org.retorno.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.retorno.avro.Claim;
import org.retorno.schemas.registry.MockSchemaRegistryClient;
import org.retorno.schemas.registry.RestSchemaRegistryClient;

class SerdeConfigTest {

  @Test
  void defaultsFollowConfluent() {
    SerdeConfig config = SerdeConfig.parse(Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, "http://127.0.0.1:8081"));

    assertThat(config.registryUrls()).containsExactly("http://127.0.0.1:8081");
    assertThat(config.autoRegisterSchemas()).isTrue();
    assertThat(config.useLatestVersion()).isFalse();
    assertThat(config.specificAvroReader(false)).isFalse();
    assertThat(config.basicAuthUserInfo()).isEmpty();
    assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(config.requestTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.latestCacheTtl()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void readsStringsAndTypedValues() {
    SerdeConfig config = SerdeConfig.parse(Map.of(
        SerdeConfig.SCHEMA_REGISTRY_URL, "http://a:1, http://b:2",
        SerdeConfig.AUTO_REGISTER_SCHEMAS, "false",
        SerdeConfig.USE_LATEST_VERSION, true,
        SerdeConfig.SPECIFIC_AVRO_VALUE_TYPE, Claim.class.getName(),
        SerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "USER_INFO",
        SerdeConfig.BASIC_AUTH_USER_INFO, "analyst:s3cret"));

    assertThat(config.registryUrls()).containsExactly("http://a:1", "http://b:2");
    assertThat(config.autoRegisterSchemas()).isFalse();
    assertThat(config.useLatestVersion()).isTrue();
    assertThat(config.specificType(false)).contains(Claim.class);
    assertThat(config.specificAvroReader(false)).isTrue();
    assertThat(config.specificAvroReader(true)).isFalse();
    assertThat(config.basicAuthUserInfo()).contains("analyst:s3cret");
  }

  @Test
  void badSettingsFailWithOneLineNamingTheSetting() {
    assertConfigError(Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, "mock://x", SerdeConfig.AUTO_REGISTER_SCHEMAS, "maybe"),
        "Invalid value maybe for configuration auto.register.schemas: Expected value to be either true or false");
    assertConfigError(Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, "mock://x",
        SerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "USER_INFO"),
        "basic.auth.user.info is required when basic.auth.credentials.source is USER_INFO");
    assertConfigError(Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, "mock://x", SerdeConfig.BASIC_AUTH_USER_INFO, "a:b"),
        "basic.auth.user.info is set but basic.auth.credentials.source is not USER_INFO; set it to USER_INFO to send"
            + " the credentials");
    assertConfigError(Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, "mock://x",
        SerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "SASL_INHERIT"),
        "Invalid value SASL_INHERIT for configuration basic.auth.credentials.source: String must be one of: ,"
            + " USER_INFO, URL");
    assertConfigError(Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, "http://registry:8081",
        SerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "URL"),
        "schema.registry.url holds no user:password@ although basic.auth.credentials.source is URL");
    assertConfigError(Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, "mock://x",
        SerdeConfig.BEARER_AUTH_CREDENTIALS_SOURCE, "STATIC_TOKEN"),
        "bearer.auth.token is required when bearer.auth.credentials.source is STATIC_TOKEN");
    assertConfigError(Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, "mock://x", SerdeConfig.BEARER_AUTH_TOKEN, "t0k3n"),
        "bearer.auth.token is set but bearer.auth.credentials.source is not STATIC_TOKEN; set it to STATIC_TOKEN to"
            + " send the token");
    assertConfigError(Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, "mock://x",
        SerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "USER_INFO", SerdeConfig.BASIC_AUTH_USER_INFO, "a:b",
        SerdeConfig.BEARER_AUTH_CREDENTIALS_SOURCE, "STATIC_TOKEN", SerdeConfig.BEARER_AUTH_TOKEN, "t0k3n"),
        "set basic.auth.credentials.source or bearer.auth.credentials.source, not both: a registry request carries"
            + " one Authorization header");
    assertConfigError(Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, "mock://x",
        SerdeConfig.SSL_ENDPOINT_IDENTIFICATION_ALGORITHM, "ldaps"),
        "Invalid value ldaps for configuration schema.registry.ssl.endpoint.identification.algorithm: String must"
            + " be one of (case insensitive): , HTTPS");
  }

  @Test
  void theFactoryMakesAMockOrARestClient() {
    assertThat(RegistryClientFactory.create(config("mock://factory"))).isInstanceOf(MockSchemaRegistryClient.class);
    assertThat(RegistryClientFactory.create(config("http://127.0.0.1:8081,https://backup:8081")))
        .isInstanceOf(RestSchemaRegistryClient.class);
  }

  @Test
  void theFactoryRejectsMissingAndMalformedUrls() {
    assertThatThrownBy(() -> RegistryClientFactory.create(SerdeConfig.parse(Map.of())))
        .isInstanceOf(ConfigException.class)
        .hasMessage("schema.registry.url is required (http(s) URLs or mock://scope)");
    assertThatThrownBy(() -> RegistryClientFactory.create(config("mock://")))
        .hasMessage("Invalid value mock:// for configuration schema.registry.url: a mock registry is a single"
            + " mock://scope with a non-empty scope");
    assertThatThrownBy(() -> RegistryClientFactory.create(config("ftp://registry")))
        .hasMessage("Invalid value ftp://registry for configuration schema.registry.url: expected an http(s) URL"
            + " with a host");
    assertThatThrownBy(() -> RegistryClientFactory.create(config("http://user:secret@registry:8081")))
        .hasMessage("schema.registry.url must not contain credentials; use basic.auth.user.info with"
            + " basic.auth.credentials.source=USER_INFO")
        .hasMessageNotContaining("secret@");
  }

  @Test
  void aStaticBearerTokenIsRead() {
    SerdeConfig config = SerdeConfig.parse(Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, "https://registry:8081",
        SerdeConfig.BEARER_AUTH_CREDENTIALS_SOURCE, "STATIC_TOKEN", SerdeConfig.BEARER_AUTH_TOKEN, " t0k3n\n"));

    assertThat(config.bearerToken()).contains("t0k3n");
    assertThat(config.basicAuthUserInfo()).isEmpty();
    assertThat(config.tls()).isEmpty();
  }

  @Test
  void credentialsFromTheUrlAreTakenOutOfIt() {
    SerdeConfig config = SerdeConfig.parse(Map.of(SerdeConfig.SCHEMA_REGISTRY_URL,
        "https://analyst:s%40cret@registry:8081/base", SerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "URL"));

    assertThat(config.basicAuthUserInfo()).contains("analyst:s@cret");
    assertThat(RegistryUrls.httpUrl(config.registryUrls().get(0), true).toString())
        .isEqualTo("https://registry:8081/base");
  }

  @Test
  void aBadUrlIsNamedWithoutItsCredentials() {
    assertThatThrownBy(() -> RegistryUrls.httpUrl("ftp://analyst:s3cret@registry", true))
        .hasMessage("Invalid value ftp://[hidden]@registry for configuration schema.registry.url: expected an"
            + " http(s) URL with a host");
    assertThatThrownBy(() -> RegistryUrls.httpUrl("http://analyst:s3cret@reg istry:1/x", true))
        .hasMessageStartingWith("Invalid value http://[hidden]@reg istry:1/x for configuration schema.registry.url:"
            + " not a URL: ")
        .hasMessageNotContaining("s3cret");
  }

  @Test
  void anUnreadableTrustStoreIsNamedWithoutItsPassword() {
    SerdeConfig config = SerdeConfig.parse(Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, "https://registry:8081",
        SerdeConfig.SSL_TRUSTSTORE_LOCATION, "/nonexistent/trust.p12",
        SerdeConfig.SSL_TRUSTSTORE_PASSWORD, "tru5tpass"));

    assertThatThrownBy(config::tls)
        .isInstanceOf(ConfigException.class)
        .hasMessage("cannot open trust store /nonexistent/trust.p12 (PKCS12): /nonexistent/trust.p12")
        .hasMessageNotContaining("tru5tpass");
  }

  @Test
  void turningOffTheHostCheckAloneStillMakesTlsSettings() {
    SerdeConfig config = SerdeConfig.parse(Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, "https://registry:8081",
        SerdeConfig.SSL_ENDPOINT_IDENTIFICATION_ALGORITHM, ""));

    assertThat(config.tls()).hasValueSatisfying(tls -> assertThat(tls.toString())
        .isEqualTo("TLS[trust=JDK default CAs, key=none, verifyHostname=false]"));
  }

  @Test
  void credentialsNeverShowInTheClientOptions() {
    RestSchemaRegistryClient.Options options = RestSchemaRegistryClient.Options.DEFAULTS.withBasicAuth("analyst:s3cret");

    assertThat(options.toString()).doesNotContain("s3cret").contains("basicAuth=[hidden]");
    assertThat(RestSchemaRegistryClient.Options.DEFAULTS.withBearerToken("t0k3n").toString())
        .isEqualTo("Options[connectTimeout=PT10S, requestTimeout=PT30S, latestTtl=PT30S, basicAuth=none,"
            + " bearerAuth=[hidden], tls=default]");
  }

  private static SerdeConfig config(String url) {
    return SerdeConfig.parse(Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, url));
  }

  private static void assertConfigError(Map<String, Object> config, String message) {
    assertThatThrownBy(() -> SerdeConfig.parse(config)).isInstanceOf(ConfigException.class).hasMessage(message);
  }
}
