package org.retorno.local.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.retorno.local.registry.RegistryHttp;
import org.retorno.local.registry.RegistryHttp.Reply;
import org.retorno.local.registry.RegistryOptions;
import org.retorno.local.registry.RegistryServer;
import org.retorno.local.registry.TestBroker;

/**
 * Bodies built to hurt the registry: JSON nested thousands deep, schema strings past the size
 * limit, truncated requests, Avro schemas nested until a recursive parser would overflow, bodies
 * in other encodings. Each gets a Confluent error body (or a registration, where the schema is
 * fine), never a server error, never an echo of what was sent; and the registry keeps serving.
 */
class RegistryHostileBodiesProperties {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String MARKER = "zz-hostile-marker";
  private static final AtomicInteger SUBJECTS = new AtomicInteger();

  private static TestBroker broker;
  private static RegistryServer registry;
  private static RegistryHttp http;

  @BeforeContainer
  static void start() {
    broker = TestBroker.start();
    registry = RegistryServer.start(RegistryOptions.defaults(broker.bootstrapServers()).withPort(0));
    http = new RegistryHttp(registry.url());
  }

  @AfterContainer
  static void stop() throws Exception {
    registry.close();
    broker.close();
  }

  private static String subject() {
    return "hostile-" + SUBJECTS.incrementAndGet() + "-value";
  }

  @Property(tries = 60)
  void deeplyNestedJsonBodiesAreRefusedAsTooDeep(@ForAll @IntRange(min = 17, max = 200_000) int depth) {
    String body = "{\"schema\":".repeat(depth) + "\"" + MARKER + "\"" + "}".repeat(depth);

    Reply reply = http.post("/subjects/" + subject() + "/versions", body);

    assertRefused(reply, 413);
    assertThat(reply.json().get("message").asText()).contains("nesting depth");
  }

  @Property(tries = 15)
  void schemaStringsPastTheLimitAreRefusedWithoutParsing(@ForAll @IntRange(min = 1, max = 4096) int excess) {
    String schema = "\"" + MARKER + "x".repeat(1024 * 1024 + excess - MARKER.length()) + "\"";
    String body = JSON.createObjectNode().put("schema", schema).toString();

    assertRefused(http.post("/subjects/" + subject() + "/versions", body), 413);
  }

  @Example
  void aBodyPastEightMegabytesIsRefusedBeforeItIsRead() {
    String body = "{\"schema\":\"" + "x".repeat(8 * 1024 * 1024) + "\"}";

    assertRefused(http.post("/subjects/" + subject() + "/versions", body), 413);
  }

  @Property(tries = 80)
  void truncatedRequestsAreRefused(@ForAll("registrations") String body, @ForAll @IntRange(min = 1, max = 1000) int cut) {
    String truncated = body.substring(0, Math.max(1, body.length() - cut));

    assertRefused(http.post("/subjects/" + subject() + "/versions", truncated), 422);
  }

  @Property(tries = 40)
  void avroSchemasNestedDeepAreRegisteredOrRefusedNeverAServerError(
      @ForAll @IntRange(min = 1, max = 20_000) int depth, @ForAll("nesting") String kind) {
    String schema = nestedSchema(kind, depth);
    Reply reply = http.register(subject(), schema);

    assertThat(reply.status()).as(reply.body()).isIn(200, 413, 422);
    if (reply.status() != 200) {
      assertRefused(reply, reply.status());
    }
  }

  @Property(tries = 40)
  void bodiesInOtherEncodingsAreReadAsUtf8OrRefused(@ForAll("registrations") String body,
      @ForAll("charsets") Charset charset) throws Exception {
    Reply reply = postBytes("/subjects/" + subject() + "/versions", body.getBytes(charset));

    assertThat(reply.status()).as(reply.body()).isIn(200, 409, 422);
    if (reply.status() != 200) {
      assertRefused(reply, reply.status());
    }
  }

  @Property(tries = 5)
  void theRegistryStillServesAfterwards(@ForAll @IntRange(min = 1, max = 3) int fields) {
    StringBuilder schema = new StringBuilder("{\"type\":\"record\",\"name\":\"After\",\"fields\":[");
    for (int i = 0; i < fields; i++) {
      schema.append(i == 0 ? "" : ",").append("{\"name\":\"f").append(i).append("\",\"type\":\"int\"}");
    }
    Reply reply = http.register(subject(), schema.append("]}").toString());

    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    assertThat(http.get("/").status()).isEqualTo(200);
  }

  /** A POST of raw bytes, which the test helper's string bodies cannot send. */
  private static Reply postBytes(String path, byte[] body) throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(registry.url() + path)).timeout(Duration.ofSeconds(20))
            .header("Content-Type", RegistryHttp.CONTENT_TYPE)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    JsonNode json;
    try {
      json = JSON.readTree(response.body());
    } catch (JsonProcessingException e) {
      json = null;
    }
    return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
        response.body(), json);
  }

  private static void assertRefused(Reply reply, int status) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(status);
    assertThat(reply.contentType()).isEqualTo(RegistryHttp.CONTENT_TYPE);
    assertThat(reply.json()).as("a JSON error body").isNotNull();
    assertThat(reply.json().fieldNames()).toIterable().containsExactlyInAnyOrder("error_code", "message");
    assertThat(reply.json().get("message").asText()).isNotBlank().doesNotContain("\n").doesNotContain(MARKER)
        .hasSizeLessThan(500);
  }

  @Provide
  Arbitrary<String> registrations() {
    Arbitrary<String> name = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(8);
    return Combinators.combine(name, name, Arbitraries.of("int", "string", "long", "boolean"))
        .as((record, field, type) -> JSON.createObjectNode().put("schema",
            "{\"type\":\"record\",\"name\":\"" + record + "\",\"doc\":\"Ciudad Juárez, niños, café\","
                + "\"fields\":[{\"name\":\"" + field + "\",\"type\":\"" + type + "\"}]}").toString());
  }

  @Provide
  Arbitrary<String> nesting() {
    return Arbitraries.of("record", "array", "map", "union");
  }

  @Provide
  Arbitrary<Charset> charsets() {
    return Arbitraries.of(StandardCharsets.UTF_16, StandardCharsets.UTF_16LE, StandardCharsets.ISO_8859_1,
        StandardCharsets.UTF_8, Charset.forName("windows-1252"));
  }

  /** An Avro schema nested {@code depth} levels deep inside the schema string. */
  static String nestedSchema(String kind, int depth) {
    StringBuilder open = new StringBuilder();
    StringBuilder close = new StringBuilder();
    for (int i = 0; i < depth; i++) {
      switch (kind) {
        case "record" -> {
          open.append("{\"type\":\"record\",\"name\":\"R").append(i).append("\",\"fields\":[{\"name\":\"f\",\"type\":");
          close.insert(0, "}]}");
        }
        case "array" -> {
          open.append("{\"type\":\"array\",\"items\":");
          close.insert(0, "}");
        }
        case "map" -> {
          open.append("{\"type\":\"map\",\"values\":");
          close.insert(0, "}");
        }
        default -> {
          open.append("[\"null\",{\"type\":\"array\",\"items\":");
          close.insert(0, "}]");
        }
      }
    }
    return open + "\"int\"" + close;
  }
}
