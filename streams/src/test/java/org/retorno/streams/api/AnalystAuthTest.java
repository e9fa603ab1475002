package org.retorno.streams.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.retorno.streams.app.StreamsSettings;

class AnalystAuthTest {
  private final AnalystAuth auth = new AnalystAuth("s3cret-token");

  @Test
  void noHeaderIsThePublicTier() {
    assertThat(auth.tierOf(Optional.empty())).isEqualTo(Tier.PUBLIC);
  }

  @Test
  void theRightBearerTokenIsTheAnalystTier() {
    assertThat(auth.tierOf(Optional.of("Bearer s3cret-token"))).isEqualTo(Tier.ANALYST);
    assertThat(auth.tierOf(Optional.of("bearer   s3cret-token "))).isEqualTo(Tier.ANALYST);
  }

  @Test
  void aWrongTokenIsRefusedNotDowngraded() {
    assertThatThrownBy(() -> auth.tierOf(Optional.of("Bearer s3cret-tokeN")))
        .isInstanceOf(ApiException.class).hasMessage("the analyst token is not valid")
        .extracting(e -> ((ApiException) e).status()).isEqualTo(401);
    assertThatThrownBy(() -> auth.tierOf(Optional.of("Basic czNjcmV0")))
        .hasMessage("Authorization must be 'Bearer <analyst token>'");
  }

  private static Properties minimal() {
    Properties props = new Properties();
    props.put("bootstrap.servers", "broker:9092");
    props.put("schema.registry.url", "http://registry:8081");
    return props;
  }

  @Test
  void theTokenComesFromTheSettingsThenTheEnvironmentElseItIsGenerated() {
    Properties configured = minimal();
    configured.put(StreamsSettings.ANALYST_TOKEN, "from-config");
    StreamsSettings fromConfig = new StreamsSettings(configured, Map.of("RETORNO_ANALYST_TOKEN", "from-env"));
    assertThat(fromConfig.analystToken()).isEqualTo("from-config");
    assertThat(fromConfig.analystTokenGenerated()).isFalse();

    StreamsSettings fromEnv = new StreamsSettings(minimal(), Map.of("RETORNO_ANALYST_TOKEN", "from-env"));
    assertThat(fromEnv.analystToken()).isEqualTo("from-env");

    StreamsSettings generated = new StreamsSettings(minimal(), Map.of());
    assertThat(generated.analystTokenGenerated()).isTrue();
    assertThat(generated.analystToken()).matches("[A-Za-z0-9_-]{32}")
        .isNotEqualTo(new StreamsSettings(minimal(), Map.of()).analystToken());
    // Our own keys never reach Kafka's configs, where they would be logged.
    assertThat(fromConfig.streamsProperties()).doesNotContainKey(StreamsSettings.ANALYST_TOKEN);
  }
}
