package org.retorno.local.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.retorno.avro.Claim;
import org.retorno.local.broker.BrokerOptions;
import org.retorno.local.broker.EmbeddedBroker;
import org.retorno.local.registry.AvroSamples;
import org.retorno.local.registry.Passwords;
import org.retorno.local.registry.RegistryAuthenticator;
import org.retorno.local.registry.RegistryOptions;
import org.retorno.local.registry.RegistrySecurity;
import org.retorno.local.registry.RegistryServer;
import org.retorno.schemas.Topics;
import org.retorno.schemas.registry.RegistryException;
import org.retorno.schemas.registry.RegistryTls;
import org.retorno.schemas.registry.RegistryUnavailableException;
import org.retorno.schemas.registry.SchemaRegistryClient;
import org.retorno.schemas.registry.ServerTls;
import org.retorno.schemas.serde.AvroSerde;
import org.retorno.schemas.serde.RegistryClientFactory;
import org.retorno.schemas.serde.SerdeConfig;
import org.retorno.streams.app.StreamsApp;
import org.retorno.streams.app.StreamsSettings;

/**
 * The schema registry and the query API as deployed outside loopback: HTTPS only, basic or bearer
 * credentials for the registry, mutual TLS where required, the analyst tier behind its token. Every
 * log line and console write of the whole run, and every error message a client saw, is searched
 * for each password, token and store password at the end.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RegistryAndApiSecurityIT {
  @TempDir
  static Path dir;

  private final List<String> secrets = new ArrayList<>();
  private final List<String> errorMessages = new ArrayList<>();
  private final String userPassword = TestPki.secret();
  private final String registryToken = TestPki.secret();
  private final String analystToken = TestPki.secret();
  private LogCapture logs;
  private TestPki pki;
  private TestPki.KeyStore clientKeys;
  private EmbeddedBroker broker;
  private RegistryServer registry;
  private RegistryServer mutualTlsRegistry;
  private StreamsApp streams;

  @BeforeAll
  void start() throws Exception {
    logs = new LogCapture();
    pki = TestPki.create(Files.createDirectories(dir.resolve("pki")));
    TestPki.KeyStore registryKeys = pki.keyStore("registry", true);
    clientKeys = pki.keyStore("ingest-client", false);
    secrets.addAll(pki.passwords());
    secrets.addAll(List.of(registryKeys.password(), clientKeys.password(), userPassword, registryToken, analystToken));

    Path users = Files.writeString(dir.resolve("users"), "# registry users\ningest: "
        + Passwords.hash(userPassword.toCharArray()) + ",writer\n");
    Path tokens = Files.writeString(dir.resolve("tokens"), "streams: SHA-256:" + HexFormat.of().formatHex(
        MessageDigest.getInstance("SHA-256").digest(registryToken.getBytes(StandardCharsets.UTF_8))) + "\n");

    broker = EmbeddedBroker.start(BrokerOptions.ephemeral(dir.resolve("broker")));
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
      Topics.ensureExist(admin, 1, (short) 1);
    }
    RegistryTls.Store serverStore = new RegistryTls.Store(registryKeys.path(), registryKeys.password(), "PKCS12");
    registry = RegistryServer.start(RegistryOptions.defaults(broker.bootstrapServers()).withPort(0)
        .withSecurity(RegistrySecurity.NONE.withTls(ServerTls.of(serverStore, Optional.empty(), Optional.empty()))
            .withAuthenticator(RegistryAuthenticator.load(Optional.of(users), Optional.of(tokens)))));
    mutualTlsRegistry = RegistryServer.start(RegistryOptions.defaults(broker.bootstrapServers()).withPort(0)
        .withSecurity(RegistrySecurity.NONE.withTls(ServerTls.of(serverStore, Optional.empty(),
            Optional.of(new RegistryTls.Store(pki.trustStore(), pki.trustStorePassword(), "PKCS12"))))));
  }

  @AfterAll
  void stop() throws Exception {
    try {
      if (streams != null) {
        streams.close();
      }
      if (mutualTlsRegistry != null) {
        mutualTlsRegistry.close();
      }
      if (registry != null) {
        registry.close();
      }
      if (broker != null) {
        broker.close();
      }
    } finally {
      logs.close();
    }
  }

  private Map<String, Object> trusting(String url) {
    Map<String, Object> config = new HashMap<>();
    config.put(SerdeConfig.SCHEMA_REGISTRY_URL, url);
    config.put(SerdeConfig.SSL_TRUSTSTORE_LOCATION, pki.trustStore().toString());
    config.put(SerdeConfig.SSL_TRUSTSTORE_PASSWORD, pki.trustStorePassword());
    return config;
  }

  private Map<String, Object> withUser(String userInfo) {
    Map<String, Object> config = trusting(registry.url());
    config.put(SerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, SerdeConfig.USER_INFO);
    config.put(SerdeConfig.BASIC_AUTH_USER_INFO, userInfo);
    return config;
  }

  private Map<String, Object> withToken(String token) {
    Map<String, Object> config = trusting(registry.url());
    config.put(SerdeConfig.BEARER_AUTH_CREDENTIALS_SOURCE, SerdeConfig.STATIC_TOKEN);
    config.put(SerdeConfig.BEARER_AUTH_TOKEN, token);
    return config;
  }

  private static SchemaRegistryClient client(Map<String, Object> config) {
    return RegistryClientFactory.create(SerdeConfig.parse(config));
  }

  private Throwable failure(Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      errorMessages.add(e.toString());
      return e;
    }
    throw new AssertionError("expected the call to fail");
  }

  @Test
  @Order(1)
  void theRightUserRegistersAndReadsOverTls() {
    assertThat(registry.url()).startsWith("https://127.0.0.1:");
    SchemaRegistryClient client = client(withUser("ingest:" + userPassword));

    int id = client.register("secured-claims-value", Claim.getClassSchema());

    assertThat(client.getById(id)).isEqualTo(Claim.getClassSchema());
    assertThat(client.subjects()).contains("secured-claims-value");
    assertThat(client.latest("secured-claims-value").id()).isEqualTo(id);
  }

  @Test
  @Order(2)
  void aWrongPasswordIsA401ThatDoesNotRepeatIt() {
    String wrong = TestPki.secret();
    secrets.add(wrong);

    Throwable refused = failure(() -> client(withUser("ingest:" + wrong)).subjects());

    assertThat(refused).isInstanceOfSatisfying(RegistryException.class, e -> {
      assertThat(e.httpStatus()).isEqualTo(401);
      assertThat(e.errorCode()).isEqualTo(40101);
      assertThat(e.getMessage()).isEqualTo("Unauthorized: wrong user or password");
    });
    Throwable unknownUser = failure(() -> client(withUser("nobody:" + wrong)).subjects());
    assertThat(unknownUser).hasMessage("Unauthorized: wrong user or password");
  }

  @Test
  @Order(3)
  void noCredentialsIsA401WithAChallengeAndAConfluentBody() throws Exception {
    Throwable refused = failure(() -> client(trusting(registry.url())).subjects());
    assertThat(refused).isInstanceOfSatisfying(RegistryException.class, e -> {
      assertThat(e.httpStatus()).isEqualTo(401);
      assertThat(e.errorCode()).isEqualTo(40101);
      assertThat(e.getMessage()).isEqualTo("Unauthorized: authentication is required");
    });

    HttpResponse<String> raw = https(registry.url() + "/subjects", Optional.empty());
    assertThat(raw.statusCode()).isEqualTo(401);
    assertThat(raw.body()).isEqualTo("{\"error_code\":40101,\"message\":\"Unauthorized: authentication is required\"}");
    assertThat(raw.headers().allValues("WWW-Authenticate")).containsExactly(
        "Basic realm=\"retorno-schema-registry\", charset=\"UTF-8\"", "Bearer realm=\"retorno-schema-registry\"");
    assertThat(https(registry.url() + "/", Optional.empty()).body()).isEqualTo("{}");
    assertThat(https(registry.url() + "/subjects", Optional.of("Digest username=\"ingest\"")).body())
        .isEqualTo("{\"error_code\":40101,\"message\":\"Unauthorized: this registry accepts Basic or Bearer"
            + " authentication\"}");
  }

  @Test
  @Order(4)
  void plainHttpToTheTlsPortFailsCleanly() {
    String plain = registry.url().replace("https://", "http://");
    Map<String, Object> config = withUser("ingest:" + userPassword);
    config.put(SerdeConfig.SCHEMA_REGISTRY_URL, plain);

    Throwable refused = failure(() -> client(config).subjects());

    assertThat(refused).isInstanceOf(RegistryUnavailableException.class)
        .hasMessageStartingWith("No schema registry answered GET /subjects at [" + plain + "]: ");
    assertThat(refused.getMessage().lines()).hasSize(1);
  }

  @Test
  @Order(5)
  void aBearerTokenWorksAndAWrongOneIsRefused() {
    assertThat(client(withToken(registryToken)).subjects()).contains("secured-claims-value");

    String wrong = TestPki.secret();
    secrets.add(wrong);
    Throwable refused = failure(() -> client(withToken(wrong)).subjects());
    assertThat(refused).isInstanceOfSatisfying(RegistryException.class, e -> {
      assertThat(e.httpStatus()).isEqualTo(401);
      assertThat(e.getMessage()).isEqualTo("Unauthorized: the bearer token is not valid");
    });
  }

  @Test
  @Order(6)
  void mutualTlsRefusesAClientWithoutACertificate() {
    Throwable refused = failure(() -> client(trusting(mutualTlsRegistry.url())).subjects());
    assertThat(refused).isInstanceOf(RegistryUnavailableException.class)
        .hasMessageStartingWith("No schema registry answered GET /subjects at [" + mutualTlsRegistry.url() + "]: ");

    Map<String, Object> config = trusting(mutualTlsRegistry.url());
    config.put(SerdeConfig.SSL_KEYSTORE_LOCATION, clientKeys.path().toString());
    config.put(SerdeConfig.SSL_KEYSTORE_PASSWORD, clientKeys.password());
    assertThat(client(config).subjects()).contains("secured-claims-value");
  }

  @Test
  @Order(7)
  void aClientThatDoesNotTrustTheCaIsRefused() {
    Map<String, Object> config = new HashMap<>(Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, registry.url(),
        SerdeConfig.BEARER_AUTH_CREDENTIALS_SOURCE, SerdeConfig.STATIC_TOKEN, SerdeConfig.BEARER_AUTH_TOKEN,
        registryToken));

    Throwable refused = failure(() -> client(config).subjects());

    assertThat(refused).isInstanceOf(RegistryUnavailableException.class)
        .hasMessageContaining("SSLHandshakeException");
  }

  @Test
  @Order(8)
  void theQueryApiServesHttpsAndTheAnalystTierNeedsTheToken() throws Exception {
    TestPki.KeyStore apiKeys = pki.keyStore("query-api", true);
    secrets.add(apiKeys.password());
    Properties props = new Properties();
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "retorno-secured-api");
    props.put(StreamsConfig.STATE_DIR_CONFIG, dir.resolve("state").toString());
    props.put(StreamsSettings.HTTP_PORT, "0");
    props.put(StreamsSettings.ANALYST_TOKEN, analystToken);
    props.put(StreamsSettings.HTTP_TLS_KEYSTORE_LOCATION, apiKeys.path().toString());
    props.put(StreamsSettings.HTTP_TLS_TRUSTSTORE_LOCATION, pki.trustStore().toString());
    withToken(registryToken).forEach((key, value) -> props.put(key, value.toString()));
    streams = StreamsApp.start(new StreamsSettings(props, Map.of(
        StreamsSettings.HTTP_TLS_KEYSTORE_PASSWORD_ENV, apiKeys.password(),
        StreamsSettings.HTTP_TLS_TRUSTSTORE_PASSWORD_ENV, pki.trustStorePassword())));
    Awaitility.await().atMost(Duration.ofSeconds(90))
        .until(() -> streams.streams().state() == KafkaStreams.State.RUNNING);
    assertThat(streams.httpUrl()).startsWith("https://127.0.0.1:");
    String cityCounts = streams.httpUrl() + "/api/cities/3981609/counts?from=2019-07-01&to=2019-07-02";

    HttpResponse<String> anonymous = https(cityCounts, Optional.empty());
    HttpResponse<String> analyst = https(cityCounts, Optional.of("Bearer " + analystToken));
    HttpResponse<String> wrong = https(cityCounts, Optional.of("Bearer " + TestPki.secret()));

    assertThat(anonymous.statusCode()).isEqualTo(200);
    assertThat(anonymous.body()).contains("\"tier\":\"public\"");
    assertThat(analyst.statusCode()).isEqualTo(200);
    assertThat(analyst.body()).contains("\"tier\":\"analyst\"");
    assertThat(wrong.statusCode()).isEqualTo(401);
    errorMessages.add(wrong.body());
    assertThat(https(streams.httpUrl() + "/api/events/some-event", Optional.empty()).statusCode()).isEqualTo(401);
    Throwable plain = failure(() -> {
      try {
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(cityCounts.replace("https://", "http://")))
            .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
      } catch (Exception e) {
        throw new IllegalStateException(e.getMessage(), e);
      }
    });
    assertThat(plain).isInstanceOf(IllegalStateException.class);
  }

  @Test
  @Order(9)
  void theStreamsAppsSerdesReachTheSecuredRegistryWithTheirToken() {
    Map<String, Object> config = withToken(registryToken);
    try (AvroSerde<Claim> serde = AvroSerde.specific(Claim.class, config, false)) {
      Claim claim = AvroSamples.claims().get(0);
      byte[] bytes = serde.serializer().serialize(Topics.CLAIMS, claim);
      assertThat(serde.deserializer().deserialize(Topics.CLAIMS, bytes)).isEqualTo(claim);
    }
    assertThat(client(withToken(registryToken)).subjects()).contains(Topics.CLAIMS + "-value");
  }

  @Test
  @Order(10)
  void noSecretAppearsInAnyLogLineConsoleOutputOrErrorMessage() {
    List<String> everything = new ArrayList<>(logs.lines());
    everything.addAll(errorMessages);

    assertThat(errorMessages).hasSizeGreaterThanOrEqualTo(8);
    assertThat(String.join("\n", logs.lines())).contains("Schema registry listening on https://127.0.0.1:");
    for (String secret : secrets) {
      assertThat(everything).as("output holding a secret").noneMatch(line -> line.contains(secret));
    }
  }

  private HttpResponse<String> https(String url, Optional<String> authorization) throws Exception {
    HttpClient http = HttpClient.newBuilder().sslContext(RegistryTls.of(Optional.of(new RegistryTls.Store(
        pki.trustStore(), pki.trustStorePassword(), "PKCS12")), Optional.empty(), Optional.empty(), true).sslContext())
        .build();
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
    authorization.ifPresent(value -> request.header("Authorization", value));
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
