package org.retorno.streams.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.retorno.schemas.Topics;

class StreamsSettingsTest {

  private static Properties minimal() {
    Properties props = new Properties();
    props.put("bootstrap.servers", "broker:9092");
    props.put("schema.registry.url", "http://registry:8081");
    return props;
  }

  @Test
  void theApplicationRunsExactlyOnceWithNamedResourcesAndADeadLetterTopic() {
    Properties streams = new StreamsSettings(minimal()).streamsProperties();
    assertThat(streams.getProperty(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)).isEqualTo("exactly_once_v2");
    assertThat(streams.getProperty(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG)).isEqualTo("true");
    assertThat(streams.getProperty(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG)).isEqualTo(Topics.STREAMS_DLQ);
    assertThat(streams.getProperty("topic.segment.ms")).isEqualTo(Topics.EVENT_TIME_SEGMENTS.get("segment.ms"));
    assertThat(streams.getProperty("topic.segment.bytes")).isEqualTo("67108864");
    assertThat(streams.getProperty(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG))
        .isEqualTo(DeadLetterDeserializationHandler.class.getName());
    assertThat(streams.getProperty(StreamsConfig.APPLICATION_ID_CONFIG)).isEqualTo("retorno-streams");
    assertThat(streams.getProperty("bootstrap.servers")).isEqualTo("broker:9092");
  }

  @Test
  void givenSettingsPassThroughAndOurOwnKeysStayOut() {
    Properties props = minimal();
    props.put("security.protocol", "SASL_SSL");
    props.put("num.stream.threads", "2");
    props.put(StreamsSettings.HTTP_PORT, "9999");
    props.put("basic.auth.user.info", "user:secret");
    StreamsSettings settings = new StreamsSettings(props);
    Properties streams = settings.streamsProperties();
    assertThat(streams.getProperty("security.protocol")).isEqualTo("SASL_SSL");
    assertThat(streams.getProperty("num.stream.threads")).isEqualTo("2");
    assertThat(streams.stringPropertyNames()).noneMatch(key -> key.startsWith("retorno."));
    assertThat(settings.httpPort()).isEqualTo(9999);
    assertThat(settings.httpHost()).isEqualTo("127.0.0.1");
    assertThat(settings.serdeConfig()).containsEntry("schema.registry.url", "http://registry:8081")
        .containsEntry("basic.auth.user.info", "user:secret")
        .doesNotContainKey("security.protocol");
  }

  @Test
  void theCountingRulesAreSettings() {
    Properties props = minimal();
    props.put(StreamsSettings.SETTLE_DAYS, "45");
    props.put(StreamsSettings.SERIES_START, "2018-12-20");
    props.put("detect.KIDNAPPING.week", "c2:min-sigma=1");
    StreamsSettings settings = new StreamsSettings(props);
    var config = settings.topologyConfig();
    assertThat(config.settleDays()).isEqualTo(45);
    assertThat(config.seriesStart()).isEqualTo(java.time.LocalDate.of(2018, 12, 20));
    assertThat(config.detection().method(org.retorno.avro.Category.KIDNAPPING, org.retorno.avro.Granularity.WEEK).spec())
        .startsWith("c2:");
    assertThat(settings.streamsProperties().stringPropertyNames()).noneMatch(key -> key.startsWith("detect."));
  }

  @Test
  void aSettlingTimeThatIsNotANumberIsNamed() {
    Properties props = minimal();
    props.put(StreamsSettings.SETTLE_DAYS, "a month");
    assertThatThrownBy(() -> new StreamsSettings(props).topologyConfig())
        .hasMessage("streams settings: 'retorno.settle.days' is not a number of days: a month");
  }

  @Test
  void missingBootstrapOrRegistryIsOneClearError() {
    Properties props = minimal();
    props.remove("schema.registry.url");
    assertThatThrownBy(() -> new StreamsSettings(props))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("streams settings: 'schema.registry.url' is required");
  }

  @Test
  void aPortThatIsNotANumberIsNamed() {
    Properties props = minimal();
    props.put(StreamsSettings.HTTP_PORT, "eighty");
    assertThatThrownBy(() -> new StreamsSettings(props).httpPort())
        .hasMessage("streams settings: 'retorno.http.port' is not a port: eighty");
  }

  @Test
  void withoutAKeyStoreTheApiSpeaksPlainHttp() {
    assertThat(new StreamsSettings(minimal()).httpTls()).isEmpty();
  }

  @Test
  void badTlsSettingsAreNamedWithoutTheirPasswords() {
    Properties props = minimal();
    props.put(StreamsSettings.HTTP_TLS_CLIENT_AUTH, "maybe");
    assertThatThrownBy(() -> new StreamsSettings(props).httpTls())
        .hasMessage("streams settings: 'retorno.http.tls.client.auth' is none or required, not maybe");

    props.put(StreamsSettings.HTTP_TLS_CLIENT_AUTH, "required");
    assertThatThrownBy(() -> new StreamsSettings(props).httpTls())
        .hasMessage("streams settings: 'retorno.http.tls.client.auth=required' needs"
            + " 'retorno.http.tls.keystore.location'");

    props.put(StreamsSettings.HTTP_TLS_KEYSTORE_LOCATION, "/nonexistent/api.p12");
    assertThatThrownBy(() -> new StreamsSettings(props, java.util.Map.of(
        StreamsSettings.HTTP_TLS_KEYSTORE_PASSWORD_ENV, "k3ystorepass")).httpTls())
        .hasMessage("streams settings: client certificates can be required only with a trust store of their CAs");

    props.put(StreamsSettings.HTTP_TLS_CLIENT_AUTH, "none");
    assertThatThrownBy(() -> new StreamsSettings(props, java.util.Map.of(
        StreamsSettings.HTTP_TLS_KEYSTORE_PASSWORD_ENV, "k3ystorepass")).httpTls())
        .hasMessage("streams settings: cannot open key store /nonexistent/api.p12 (PKCS12): /nonexistent/api.p12")
        .hasMessageNotContaining("k3ystorepass");
  }

  @Test
  void registryCredentialsAndTlsReachTheSerdes() {
    Properties props = minimal();
    props.put("bearer.auth.credentials.source", "STATIC_TOKEN");
    props.put("bearer.auth.token", "t0k3n");
    props.put("schema.registry.ssl.truststore.location", "/etc/retorno/ca.p12");
    assertThat(new StreamsSettings(props).serdeConfig()).containsEntry("bearer.auth.token", "t0k3n")
        .containsEntry("bearer.auth.credentials.source", "STATIC_TOKEN")
        .containsEntry("schema.registry.ssl.truststore.location", "/etc/retorno/ca.p12");
  }
}
