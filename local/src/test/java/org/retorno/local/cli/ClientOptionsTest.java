package org.retorno.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ClientOptionsTest {
  @TempDir
  Path dir;

  private static ClientOptions parse(String... args) {
    return CommandLine.populateCommand(new ClientOptions(), args);
  }

  private static boolean environmentNamesServers() {
    return System.getenv("RETORNO_BOOTSTRAP") != null || System.getenv("RETORNO_REGISTRY") != null;
  }

  @Test
  void withNothingGivenTheLocalServersAreUsed() {
    org.junit.jupiter.api.Assumptions.assumeFalse(environmentNamesServers(),
        "RETORNO_BOOTSTRAP/RETORNO_REGISTRY are set in this environment");
    Properties props = parse().toProperties();
    assertThat(props.getProperty("bootstrap.servers")).isEqualTo("localhost:9092");
    assertThat(props.getProperty("schema.registry.url")).isEqualTo("http://localhost:8081");
  }

  @Test
  void aSettingsFileNamesTheServersWhenNoFlagDoes() {
    org.junit.jupiter.api.Assumptions.assumeFalse(environmentNamesServers(),
        "RETORNO_BOOTSTRAP/RETORNO_REGISTRY are set in this environment");
    Properties file = new Properties();
    file.put("bootstrap.servers", "kafka-1:9092");
    file.put("schema.registry.url", "http://schema-registry:8081");
    Properties props = parse().toProperties(file);
    assertThat(props.getProperty("bootstrap.servers")).isEqualTo("kafka-1:9092");
    assertThat(props.getProperty("schema.registry.url")).isEqualTo("http://schema-registry:8081");
  }

  @Test
  void flagsWinOverFilesAndSecuritySettingsPassThrough() throws Exception {
    Path clientConfig = dir.resolve("client.properties");
    Files.writeString(clientConfig, "security.protocol=SASL_SSL\nbootstrap.servers=from-file:9092\n");
    Properties base = new Properties();
    base.put("application.id", "mine");
    Properties props = parse("--bootstrap", "flag:9092", "--registry", "http://flag:8081",
        "--client-config", clientConfig.toString(), "-X", "sasl.mechanism=PLAIN").toProperties(base);
    assertThat(props.getProperty("bootstrap.servers")).isEqualTo("flag:9092");
    assertThat(props.getProperty("schema.registry.url")).isEqualTo("http://flag:8081");
    assertThat(props.getProperty("security.protocol")).isEqualTo("SASL_SSL");
    assertThat(props.getProperty("sasl.mechanism")).isEqualTo("PLAIN");
    assertThat(props.getProperty("application.id")).isEqualTo("mine");
  }

  @Test
  void environmentSettingsSitBetweenTheFileAndTheFlags() throws Exception {
    Path clientConfig = dir.resolve("client.properties");
    Files.writeString(clientConfig, "bearer.auth.credentials.source=STATIC_TOKEN\nbearer.auth.token=from-file\n"
        + "schema.registry.ssl.truststore.type=JKS\n");
    Properties props = parse("--client-config", clientConfig.toString(), "-X", "schema.registry.ssl.truststore.type=PKCS12")
        .toProperties(new Properties(), java.util.Map.of("RETORNO_CLIENT_BEARER_AUTH_TOKEN", "from-env",
            "RETORNO_CLIENT_SCHEMA_REGISTRY_SSL_TRUSTSTORE_TYPE", "BCFKS", "RETORNO_CLIENT_", "ignored",
            "PATH", "/usr/bin"));
    assertThat(props.getProperty("bearer.auth.token")).isEqualTo("from-env");
    assertThat(props.getProperty("bearer.auth.credentials.source")).isEqualTo("STATIC_TOKEN");
    assertThat(props.getProperty("schema.registry.ssl.truststore.type")).isEqualTo("PKCS12");
    assertThat(props.stringPropertyNames()).doesNotContain("", "path");
  }
}
