package org.retorno.local.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.retorno.local.registry.RegistryHttp.Reply;

/**
 * Whatever a client sends, the registry answers with a JSON body and never with a server error:
 * arbitrary methods, paths near and far from real routes, query strings, content types and bodies.
 */
class RegistryRequestsProperties {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> VALID_SCHEMAS = List.of("\"string\"", "\"long\"",
      "{\"type\":\"record\",\"name\":\"P\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"}]}",
      "{\"type\":\"enum\",\"name\":\"E\",\"symbols\":[\"A\",\"B\"]}");

  private static TestBroker broker;
  private static RegistryServer registry;
  private static RegistryHttp http;

  record Request(String method, String path, String contentType, String body) {}

  @BeforeContainer
  static void start() {
    broker = TestBroker.start();
    registry = RegistryServer.start(RegistryOptions.defaults(broker.bootstrapServers())
        .withPort(0));
    http = new RegistryHttp(registry.url());
  }

  @AfterContainer
  static void stop() throws Exception {
    registry.close();
    broker.close();
  }

  @Property(tries = 400)
  void everyRequestGetsAJsonAnswerAndNoServerError(@ForAll("requests") Request request)
      throws Exception {
    Reply reply = http.send(request.method(), request.path(), request.body(),
        request.contentType());

    assertThat(reply.status()).as(reply.body()).isIn(200, 400, 404, 405, 409, 413, 415, 422);
    assertThat(reply.contentType()).isEqualTo(RegistryHttp.CONTENT_TYPE);
    assertThat(reply.json()).as("JSON body: %s", reply.body()).isNotNull();
    if (reply.status() >= 400) {
      assertThat(reply.json().fieldNames()).toIterable()
          .containsExactlyInAnyOrder("error_code", "message");
      assertThat(reply.json().get("error_code").isInt()).isTrue();
      assertThat(reply.json().get("message").asText()).isNotBlank().doesNotContain("\n");
    }
  }

  @Provide
  Arbitrary<Request> requests() {
    Arbitrary<String> method = Arbitraries.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS");
    Arbitrary<String> contentType = Arbitraries.of(RegistryHttp.CONTENT_TYPE, "application/json",
        "application/octet-stream", "text/plain", "application/xml; charset=utf-8",
        "application/vnd.schemaregistry.v1+json; charset=UTF-8").injectNull(0.2);
    return Combinators.combine(method, path(), query(), contentType, body())
        .as((m, p, q, c, b) -> new Request(m, p + q, b == null ? null : c, b));
  }

  private Arbitrary<String> path() {
    Arbitrary<String> word = Arbitraries.oneOf(
        Arbitraries.of("subjects", "versions", "latest", "-1", "0", "1", "2", "schemas", "ids",
            "schema", "config", "compatibility", "associations", "resources", "-", "types",
            "claims-value", "..", "%2F", "%00", "%25", "+"),
        Arbitraries.strings().ofMaxLength(12).map(s -> URLEncoder.encode(s,
            StandardCharsets.UTF_8)),
        Arbitraries.integers().map(i -> Integer.toString(i)));
    Arbitrary<String> nearRoute = Combinators.combine(
        Arbitraries.of("/subjects/%s", "/subjects/%s/versions", "/subjects/%s/versions/%s",
            "/subjects/%s/versions/%s/schema", "/schemas/ids/%s", "/schemas/ids/%s/versions",
            "/config/%s", "/compatibility/subjects/%s/versions/%s",
            "/associations/resources/%s/%s"),
        word, word).as((template, a, b) -> String.format(template, a, b));
    Arbitrary<String> anywhere = word.list().ofMaxSize(6).map(w -> "/" + String.join("/", w));
    // A path that starts with "//" never reaches the registry: the JDK's server reads it as an
    // authority and answers by itself (see RegistryServerTest#pathsTheJdkRejects...).
    return Arbitraries.oneOf(nearRoute, anywhere, Arbitraries.of("/", "/subjects", "/config",
        "/subjects//versions")).filter(path -> !path.startsWith("//"));
  }

  private Arbitrary<String> query() {
    Arbitrary<String> pair = Combinators.combine(
        Arbitraries.of("verbose", "defaultToGlobal", "permanent", "subject", "normalize", "x"),
        Arbitraries.of("true", "false", "", "TRUE", "%25zz"))
        .as((k, v) -> k + "=" + v);
    return pair.list().ofMaxSize(3).map(pairs -> pairs.isEmpty() ? ""
        : "?" + String.join("&", pairs));
  }

  private Arbitrary<String> body() {
    Arbitrary<String> text = Arbitraries.strings().ofMaxLength(40);
    Arbitrary<String> schema = Arbitraries.oneOf(Arbitraries.of(VALID_SCHEMAS), text);
    Arbitrary<Object> anyValue = Arbitraries.oneOf(schema.map(s -> (Object) s),
        Arbitraries.integers().map(i -> (Object) i), Arbitraries.just(List.of()),
        Arbitraries.just((Object) true));
    Arbitrary<String> schemaBody = Combinators.combine(schema,
        Arbitraries.of("AVRO", "JSON", "PROTOBUF", "avro").injectNull(0.5), anyValue)
        .as((s, type, extra) -> {
          var node = JSON.createObjectNode().put("schema", s);
          if (type != null) {
            node.put("schemaType", type);
          }
          node.set("references", JSON.valueToTree(extra));
          return node.toString();
        });
    Arbitrary<String> configBody = Arbitraries.of("NONE", "BACKWARD", "FULL_TRANSITIVE", "bogus",
        "").map(level -> JSON.createObjectNode().put("compatibility", level).toString());
    return Arbitraries.oneOf(schemaBody, configBody, text,
        Arbitraries.of("{", "[]", "null", "{\"schema\":null}", "{}", "\"\"", "{\"a\":1}{")
    ).injectNull(0.2);
  }
}
