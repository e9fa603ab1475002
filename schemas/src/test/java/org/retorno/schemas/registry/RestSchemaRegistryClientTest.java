package org.retorno.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RestSchemaRegistryClientTest {
  private static final Schema SIGHTING = new Schema.Parser().parse(Schemas.V1);
  private static final String SIGHTING_JSON = SIGHTING.toString();
  private static final String QUOTED_SIGHTING = RegistryJson.MAPPER.createArrayNode().add(SIGHTING_JSON).get(0).toString();
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private final RegistryStub stub = start();
  private RegistryStub second;

  @AfterEach
  void stop() {
    stub.close();
    if (second != null) {
      second.close();
    }
  }

  @Test
  void registersWithConfluentsContentTypesAndCachesTheId() {
    stub.answer("POST", "/subjects/claims-value/versions", 200, "{\"id\":7}");
    RestSchemaRegistryClient client = client(stub.url());

    assertThat(client.register("claims-value", SIGHTING)).isEqualTo(7);
    assertThat(client.register("claims-value", SIGHTING)).isEqualTo(7);
    assertThat(client.getById(7)).isEqualTo(SIGHTING);

    assertThat(stub.requests()).hasSize(1);
    RegistryStub.Request request = stub.requests().get(0);
    assertThat(request.header("Content-Type")).isEqualTo("application/vnd.schemaregistry.v1+json");
    assertThat(request.header("Accept")).contains("application/vnd.schemaregistry.v1+json", "application/json");
    assertThat(request.body()).isEqualTo("{\"schema\":" + QUOTED_SIGHTING + "}");
    assertThat(request.header("Authorization")).isNull();
  }

  @Test
  void looksUpWithoutRegistering() {
    stub.answer("POST", "/subjects/claims-value", 200,
        "{\"subject\":\"claims-value\",\"version\":2,\"id\":9,\"schema\":" + QUOTED_SIGHTING + "}");

    assertThat(client(stub.url()).lookup("claims-value", SIGHTING)).isEqualTo(9);
    assertThat(stub.requests()).extracting(RegistryStub.Request::method, RegistryStub.Request::target)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("POST", "/subjects/claims-value"));
  }

  @Test
  void fetchesSchemasByIdOnceForGood() {
    stub.answer("GET", "/schemas/ids/3", 200, "{\"schema\":" + QUOTED_SIGHTING + "}");
    RestSchemaRegistryClient client = client(stub.url());

    assertThat(client.getById(3)).isEqualTo(SIGHTING);
    assertThat(client.getById(3)).isSameAs(client.getById(3));
    assertThat(stub.requests()).hasSize(1);
  }

  @Test
  void readsSubjectsVersionsAndLevels() {
    stub.answer("GET", "/subjects", 200, "[\"claims-value\",\"a b/c\"]")
        .answer("GET", "/subjects/a%20b%2Fc/versions", 200, "[1,2]")
        .answer("GET", "/subjects/a%20b%2Fc/versions/2", 200,
            "{\"subject\":\"a b/c\",\"version\":2,\"id\":4,\"schema\":\"\\\"string\\\"\"}")
        .answer("GET", "/config/claims-value", 200, "{\"compatibilityLevel\":\"FULL\"}")
        .answer("GET", "/config/events-value", 404,
            "{\"error_code\":40408,\"message\":\"Subject 'events-value' does not have subject-level compatibility configured\"}")
        .answer("GET", "/config", 200, "{\"compatibilityLevel\":\"BACKWARD\"}")
        .answer("PUT", "/config/claims-value", 200, "{\"compatibility\":\"NONE\"}");
    RestSchemaRegistryClient client = client(stub.url());

    assertThat(client.subjects()).containsExactly("claims-value", "a b/c");
    assertThat(client.versions("a b/c")).containsExactly(1, 2);
    assertThat(client.version("a b/c", 2)).isEqualTo(new RegisteredSchema("a b/c", 2, 4, "\"string\""));
    assertThat(client.compatibility("claims-value")).isEqualTo(CompatibilityLevel.FULL);
    assertThat(client.compatibility("events-value")).isEqualTo(CompatibilityLevel.BACKWARD);
    assertThat(client.compatibility(null)).isEqualTo(CompatibilityLevel.BACKWARD);
    client.setCompatibility("claims-value", CompatibilityLevel.NONE);
    assertThat(stub.requests().get(stub.requests().size() - 1).body()).isEqualTo("{\"compatibility\":\"NONE\"}");
  }

  @Test
  void testsCompatibilityVerbosely() {
    stub.answer("POST", "/compatibility/subjects/claims-value/versions/latest?verbose=true", 200,
            "{\"is_compatible\":false,\"messages\":[\"field 'cases' has no default\"]}")
        .answer("POST", "/compatibility/subjects/events-value/versions/1?verbose=true", 200,
            "{\"is_compatible\":true,\"messages\":[]}")
        .answer("POST", "/compatibility/subjects/terse-value/versions/latest?verbose=true", 200,
            "{\"is_compatible\":false}");
    RestSchemaRegistryClient client = client(stub.url());

    assertThat(client.testCompatibility("claims-value", "latest", SIGHTING))
        .containsExactly("field 'cases' has no default");
    assertThat(client.testCompatibility("events-value", "1", SIGHTING)).isEmpty();
    assertThat(client.testCompatibility("terse-value", "latest", SIGHTING))
        .containsExactly("incompatible (the registry gave no details)");
  }

  @Test
  void confluentErrorBodiesBecomeRegistryExceptions() {
    stub.answer("GET", "/schemas/ids/99", 404, "{\"error_code\":40403,\"message\":\"Schema 99 not found\"}")
        .answer("POST", "/subjects/claims-value/versions", 409,
            "{\"error_code\":409,\"message\":\"Schema being registered is incompatible\"}");
    RestSchemaRegistryClient client = client(stub.url());

    assertThatThrownBy(() -> client.getById(99)).isInstanceOfSatisfying(RegistryException.class, e -> {
      assertThat(e.httpStatus()).isEqualTo(404);
      assertThat(e.errorCode()).isEqualTo(40403);
      assertThat(e.getMessage()).isEqualTo("Schema 99 not found");
    });
    assertThatThrownBy(() -> client.register("claims-value", SIGHTING))
        .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(409));
  }

  @Test
  void otherErrorBodiesAreReportedAsTheyCame() {
    stub.answer("GET", "/schemas/ids/1", 502, "<html>Bad gateway</html>\n<body>...</body>");

    assertThatThrownBy(() -> client(stub.url()).getById(1)).isInstanceOfSatisfying(RegistryException.class, e -> {
      assertThat(e.httpStatus()).isEqualTo(502);
      assertThat(e.errorCode()).isEqualTo(50005);
      assertThat(e.getMessage()).isEqualTo("Unexpected answer from the schema registry to GET /schemas/ids/1: HTTP 502"
          + " without a registry error body: <html>Bad gateway</html>");
    });
  }

  @Test
  void failsOverToTheNextUrlWhenOneCannotBeReached() throws IOException {
    stub.answer("GET", "/subjects", 200, "[\"claims-value\"]");

    assertThat(client(closedPort(), stub.url()).subjects()).containsExactly("claims-value");
  }

  @Test
  void failsOverWhenAUrlTimesOut() {
    second = start();
    stub.hang("GET", "/subjects");
    second.answer("GET", "/subjects", 200, "[\"events-value\"]");
    RestSchemaRegistryClient client = new RestSchemaRegistryClient(List.of(stub.url(), second.url()),
        new RestSchemaRegistryClient.Options(TIMEOUT, Duration.ofMillis(300), Duration.ZERO, Optional.empty()));

    assertThat(client.subjects()).containsExactly("events-value");
  }

  @Test
  void reportsWhenNoUrlAnswers() throws IOException {
    URI first = closedPort();
    URI other = closedPort();

    assertThatThrownBy(() -> client(first, other).subjects())
        .isInstanceOf(RegistryUnavailableException.class)
        .hasMessageStartingWith("No schema registry answered GET /subjects at [" + first + ", " + other + "]: ");
  }

  @Test
  void sendsBasicAuthWhenConfigured() {
    stub.answer("GET", "/subjects", 200, "[]");
    RestSchemaRegistryClient client = new RestSchemaRegistryClient(List.of(stub.url()),
        RestSchemaRegistryClient.Options.DEFAULTS.withBasicAuth("analyst:s3cret"));

    client.subjects();

    assertThat(stub.requests().get(0).header("Authorization")).isEqualTo("Basic YW5hbHlzdDpzM2NyZXQ=");
  }

  @Test
  void sendsABearerTokenWhenConfigured() {
    stub.answer("GET", "/subjects", 200, "[]");
    RestSchemaRegistryClient client = new RestSchemaRegistryClient(List.of(stub.url()),
        RestSchemaRegistryClient.Options.DEFAULTS.withBearerToken("tok-123"));

    client.subjects();

    assertThat(stub.requests().get(0).header("Authorization")).isEqualTo("Bearer tok-123");
  }

  @Test
  void aRefusedCredentialBecomesTheServersOneLineError() {
    stub.answer("GET", "/subjects", 401, "{\"error_code\":40101,\"message\":\"Unauthorized: wrong user or password\"}");
    RestSchemaRegistryClient client = new RestSchemaRegistryClient(List.of(stub.url()),
        RestSchemaRegistryClient.Options.DEFAULTS.withBasicAuth("analyst:s3cret"));

    assertThatThrownBy(client::subjects)
        .isInstanceOfSatisfying(RegistryException.class, e -> {
          assertThat(e.httpStatus()).isEqualTo(401);
          assertThat(e.errorCode()).isEqualTo(40101);
          assertThat(e.getMessage()).isEqualTo("Unauthorized: wrong user or password");
        });
  }

  @Test
  void basicAndBearerTogetherAreRefused() {
    // The with-methods replace one kind of credential with the other.
    assertThat(RestSchemaRegistryClient.Options.DEFAULTS.withBasicAuth("a:b").withBearerToken("t").authorization())
        .contains("Bearer t");
    RestSchemaRegistryClient.Options both = RestSchemaRegistryClient.Options.DEFAULTS;
    assertThatThrownBy(() -> new RestSchemaRegistryClient.Options(both.connectTimeout(), both.requestTimeout(),
        both.latestTtl(), Optional.of("a:b"), Optional.of("t"), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a registry client sends basic or bearer credentials, not both");
  }

  @Test
  void cachesTheLatestVersionForItsTimeToLive() {
    String latest = "{\"subject\":\"claims-value\",\"version\":%d,\"id\":%d,\"schema\":\"\\\"string\\\"\"}";
    stub.answer("GET", "/subjects/claims-value/versions/latest", 200, latest.formatted(1, 1));
    AtomicLong now = new AtomicLong(1_000);
    RestSchemaRegistryClient client = new RestSchemaRegistryClient(
        new RegistryHttp(List.of(stub.url()), TIMEOUT, TIMEOUT, Optional.empty(), Optional.empty()), Duration.ofNanos(100), now::get);

    assertThat(client.latest("claims-value").version()).isEqualTo(1);
    stub.answer("GET", "/subjects/claims-value/versions/latest", 200, latest.formatted(2, 5));
    now.addAndGet(99);
    assertThat(client.latest("claims-value").version()).isEqualTo(1);
    now.addAndGet(1);
    assertThat(client.latest("claims-value")).isEqualTo(new RegisteredSchema("claims-value", 2, 5, "\"string\""));
    assertThat(stub.requests()).hasSize(2);
  }

  @Test
  void malformedAnswersAreReportedNotMisread() {
    stub.answer("POST", "/subjects/claims-value/versions", 200, "{\"identifier\":7}");

    assertThatThrownBy(() -> client(stub.url()).register("claims-value", SIGHTING))
        .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.getMessage())
            .isEqualTo("Unexpected answer from the schema registry to POST /subjects/claims-value: no id in the answer"));
  }

  private static RestSchemaRegistryClient client(URI... urls) {
    return new RestSchemaRegistryClient(List.of(urls),
        new RestSchemaRegistryClient.Options(TIMEOUT, TIMEOUT, Duration.ofSeconds(30), Optional.empty()));
  }

  /** A loopback URL where nothing listens. */
  private static URI closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return URI.create("http://127.0.0.1:" + socket.getLocalPort());
    }
  }

  private static RegistryStub start() {
    try {
      return RegistryStub.start();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
