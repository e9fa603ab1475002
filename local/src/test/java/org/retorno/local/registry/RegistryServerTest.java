package org.retorno.local.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.retorno.local.registry.RegistryHttp.Reply;

/**
 * The REST API end to end: a real broker, the server on an ephemeral port, plain HTTP. Each test
 * works on subjects of its own, so the tests share one registry without depending on each other.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegistryServerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AtomicInteger NEXT = new AtomicInteger();

  private TestBroker broker;
  private RegistryServer registry;
  private RegistryHttp http;

  @BeforeAll
  void start() {
    broker = TestBroker.start();
    registry = RegistryServer.start(RegistryOptions.defaults(broker.bootstrapServers()).withPort(0));
    http = new RegistryHttp(registry.url());
  }

  @AfterAll
  void stop() throws Exception {
    registry.close();
    broker.close();
  }

  static String record(String name, String... fields) {
    StringBuilder json = new StringBuilder("{\"type\":\"record\",\"name\":\"" + name
        + "\",\"fields\":[");
    for (int i = 0; i < fields.length; i++) {
      json.append(i == 0 ? "" : ",").append(fields[i]);
    }
    return json.append("]}").toString();
  }

  static final String FIELD_A = "{\"name\":\"a\",\"type\":\"int\"}";
  static final String FIELD_B = "{\"name\":\"b\",\"type\":\"string\"}";
  static final String FIELD_B_DEFAULT = "{\"name\":\"b\",\"type\":\"string\",\"default\":\"x\"}";

  private static String subject() {
    return "subject-" + NEXT.incrementAndGet() + "-value";
  }

  private int registerOk(String subject, String schema) {
    Reply reply = http.register(subject, schema);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    assertThat(reply.json().fieldNames()).toIterable().containsExactly("id");
    return reply.json().get("id").asInt();
  }

  @Test
  void rootAnswersAnEmptyObjectInTheRegistryContentType() {
    Reply reply = http.get("/");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body()).isEqualTo("{}");
    assertThat(reply.contentType()).isEqualTo("application/vnd.schemaregistry.v1+json");
  }

  @Test
  void registeredSchemaIsServedByIdSubjectAndVersion() throws Exception {
    String subject = subject();
    String schema = record("Registered", FIELD_A);

    int id = registerOk(subject, schema);

    assertThat(http.get("/subjects").json()).contains(JSON.valueToTree(subject));
    assertThat(http.get("/subjects/" + subject + "/versions").body()).isEqualTo("[1]");
    String expected = JSON.createObjectNode().put("subject", subject).put("version", 1)
        .put("id", id).put("schema", schema).toString();
    assertThat(http.get("/subjects/" + subject + "/versions/1").json())
        .isEqualTo(JSON.readTree(expected));
    assertThat(http.get("/subjects/" + subject + "/versions/latest").json())
        .isEqualTo(JSON.readTree(expected));
    assertThat(http.get("/subjects/" + subject + "/versions/-1").json())
        .isEqualTo(JSON.readTree(expected));
    assertThat(http.get("/subjects/" + subject + "/versions/1/schema").body()).isEqualTo(schema);
    assertThat(http.get("/subjects/" + subject + "/versions/latest/schema").body())
        .isEqualTo(schema);
    assertThat(http.get("/schemas/ids/" + id).json())
        .isEqualTo(JSON.createObjectNode().put("schema", schema));
    assertThat(http.get("/schemas/ids/" + id + "?subject=" + subject).json())
        .isEqualTo(JSON.createObjectNode().put("schema", schema));
    assertThat(http.get("/schemas/ids/" + id + "/schema").body()).isEqualTo(schema);
    assertThat(http.get("/schemas/types").body()).isEqualTo("[\"AVRO\"]");
  }

  @Test
  void sameSchemaKeepsItsIdAcrossSubjectsAndIsNotVersionedTwice() {
    String first = subject();
    String second = subject();
    String schema = record("Shared", FIELD_A);

    int id = registerOk(first, schema);
    int again = registerOk(first, schema);
    int elsewhere = registerOk(second, schema);
    int other = registerOk(second, record("Shared", FIELD_A, FIELD_B_DEFAULT));

    assertThat(again).isEqualTo(id);
    assertThat(elsewhere).isEqualTo(id);
    assertThat(other).isNotEqualTo(id);
    assertThat(http.get("/subjects/" + first + "/versions").body()).isEqualTo("[1]");
    assertThat(http.get("/subjects/" + second + "/versions").body()).isEqualTo("[1,2]");
    assertThat(http.get("/schemas/ids/" + id + "/versions").body()).isEqualTo(
        "[{\"subject\":\"" + first + "\",\"version\":1},{\"subject\":\"" + second
            + "\",\"version\":1}]");
  }

  @Test
  void schemaTextIsStoredInItsCompactForm() {
    String subject = subject();
    String spaced = "{ \"type\" : \"record\", \"name\" : \"Spaced\",\n \"fields\" : [ "
        + FIELD_A + " ] }";

    int id = registerOk(subject, spaced);

    assertThat(http.get("/schemas/ids/" + id).json().get("schema").asText())
        .isEqualTo(record("Spaced", FIELD_A));
    assertThat(registerOk(subject, record("Spaced", FIELD_A))).isEqualTo(id);
  }

  @Test
  void lookupFindsTheVersionOfASchemaOrSaysWhatIsMissing() throws Exception {
    String subject = subject();
    String schema = record("Looked", FIELD_A);
    int id = registerOk(subject, schema);

    Reply found = http.post("/subjects/" + subject, RegistryHttp.schemaBody(schema));
    Reply unknownSchema = http.post("/subjects/" + subject,
        RegistryHttp.schemaBody(record("Other", FIELD_A)));
    Reply unknownSubject = http.post("/subjects/nobody-value", RegistryHttp.schemaBody(schema));

    assertThat(found.status()).isEqualTo(200);
    assertThat(found.json()).isEqualTo(JSON.readTree(JSON.createObjectNode()
        .put("subject", subject).put("version", 1).put("id", id).put("schema", schema)
        .toString()));
    assertThat(unknownSchema.status()).isEqualTo(404);
    assertThat(unknownSchema.errorCode()).isEqualTo(40403);
    assertThat(unknownSubject.status()).isEqualTo(404);
    assertThat(unknownSubject.errorCode()).isEqualTo(40401);
    assertThat(unknownSubject.json().get("message").asText())
        .isEqualTo("Subject 'nobody-value' not found.");
  }

  @Test
  void subjectsAreUrlDecoded() {
    String subject = "org.retorno/claims value-" + NEXT.incrementAndGet();
    String encoded = "org.retorno%2Fclaims%20value-" + NEXT.get();

    int id = registerOk(encoded, record("Decoded", FIELD_A));

    assertThat(http.get("/subjects/" + encoded + "/versions/1").json().get("subject").asText())
        .isEqualTo(subject);
    assertThat(http.get("/subjects/" + encoded + "/versions/1").json().get("id").asInt())
        .isEqualTo(id);
  }

  @Test
  void unknownThingsAnswer404WithConfluentCodes() {
    String subject = subject();
    registerOk(subject, record("Known", FIELD_A));

    assertError(http.get("/subjects/none-value/versions"), 404, 40401);
    assertError(http.get("/subjects/none-value/versions/1"), 404, 40401);
    assertError(http.get("/subjects/" + subject + "/versions/7"), 404, 40402);
    assertError(http.get("/schemas/ids/987654"), 404, 40403);
    assertError(http.get("/schemas/ids/987654/versions"), 404, 40403);
    assertError(http.get("/schemas/ids/not-a-number"), 404, 404);
    assertError(http.get("/no/such/path"), 404, 404);
    assertError(http.get("/subjects/" + subject + "/versions/1/schema/extra"), 404, 404);
  }

  @Test
  void invalidVersionsAnswer42202() {
    String subject = subject();
    registerOk(subject, record("Versioned", FIELD_A));

    for (String version : List.of("0", "-2", "abc", "1.5", "99999999999")) {
      assertError(http.get("/subjects/" + subject + "/versions/" + version), 422, 42202);
    }
  }

  @Test
  void invalidSchemasAnswer42201WithAReason() {
    String subject = subject();

    Reply notAvro = http.register(subject, "{\"type\":\"record\",\"name\":\"X\"}");
    Reply protobuf = http.post("/subjects/" + subject + "/versions",
        "{\"schema\":\"syntax = \\\"proto3\\\";\",\"schemaType\":\"PROTOBUF\"}");
    Reply json = http.post("/subjects/" + subject + "/versions",
        "{\"schema\":\"{}\",\"schemaType\":\"JSON\"}");
    Reply references = http.post("/subjects/" + subject + "/versions",
        "{\"schema\":\"\\\"int\\\"\",\"references\":[{\"name\":\"a\",\"subject\":\"b\",\"version\":1}]}");
    Reply missing = http.post("/subjects/" + subject + "/versions", "{\"schemaType\":\"AVRO\"}");
    Reply notText = http.post("/subjects/" + subject + "/versions", "{\"schema\":42}");

    assertError(notAvro, 422, 42201);
    assertThat(notAvro.json().get("message").asText()).startsWith("Invalid schema: ");
    assertError(protobuf, 422, 42201);
    assertThat(protobuf.json().get("message").asText())
        .isEqualTo("Schema type PROTOBUF is not supported: this registry serves AVRO only");
    assertError(json, 422, 42201);
    assertError(references, 422, 42201);
    assertThat(references.json().get("message").asText())
        .isEqualTo("Schema references are not supported by this registry");
    assertError(missing, 422, 42201);
    assertError(notText, 422, 42201);
    assertError(http.get("/subjects/" + subject + "/versions"), 404, 40401);
  }

  @Test
  void explicitAvroSchemaTypeIsAccepted() {
    String subject = subject();
    Reply reply = http.post("/subjects/" + subject + "/versions",
        "{\"schema\":\"\\\"string\\\"\",\"schemaType\":\"AVRO\",\"references\":[]}");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(http.get("/subjects/" + subject + "/versions/1/schema").body())
        .isEqualTo("\"string\"");
  }

  @Test
  void malformedBodiesAnswer422WithoutEchoingTheBody() {
    String path = "/subjects/" + subject() + "/versions";

    Reply broken = http.post(path, "{\"schema\": secret-words");
    Reply array = http.post(path, "[1,2]");
    Reply empty = http.post(path, "");
    Reply trailing = http.post(path, "{\"schema\":\"\\\"int\\\"\"} {}");

    assertError(broken, 422, 422);
    assertThat(broken.json().get("message").asText())
        .isEqualTo("Request body is not valid JSON at line 1, column 12");
    assertError(array, 422, 422);
    assertThat(array.json().get("message").asText()).isEqualTo("Request body must be a JSON object");
    assertError(empty, 422, 422);
    assertThat(empty.json().get("message").asText())
        .isEqualTo("Request body is empty; expected a JSON object");
    assertError(trailing, 422, 422);
  }

  @Test
  void wrongMethodsAndContentTypesAreRefusedWithJsonBodies() {
    assertError(http.send("DELETE", "/subjects", null, null), 405, 405);
    assertError(http.send("PATCH", "/config", "{}", RegistryHttp.CONTENT_TYPE), 405, 405);
    assertError(http.send("POST", "/subjects/" + subject() + "/versions",
        RegistryHttp.schemaBody("\"int\""), "text/plain"), 415, 415);
  }

  @Test
  void jsonAndOctetStreamRequestsAreAccepted() {
    String subject = subject();
    Reply json = http.send("POST", "/subjects/" + subject + "/versions",
        RegistryHttp.schemaBody("\"long\""), "application/json; charset=utf-8");
    Reply octets = http.send("POST", "/subjects/" + subject,
        RegistryHttp.schemaBody("\"long\""), "application/octet-stream");

    assertThat(json.status()).isEqualTo(200);
    assertThat(octets.status()).isEqualTo(200);
    assertThat(octets.json().get("id").asInt()).isEqualTo(json.json().get("id").asInt());
  }

  @Test
  void subjectConfigIsSetReadAndDeleted() {
    String subject = subject();

    assertError(http.get("/config/" + subject), 404, 40408);
    assertThat(http.get("/config/" + subject + "?defaultToGlobal=true").body())
        .isEqualTo("{\"compatibilityLevel\":\"BACKWARD\"}");

    Reply put = http.put("/config/" + subject, "{\"compatibility\":\"full_transitive\"}");
    assertThat(put.status()).isEqualTo(200);
    assertThat(put.body()).isEqualTo("{\"compatibility\":\"FULL_TRANSITIVE\"}");
    assertThat(http.get("/config/" + subject).body())
        .isEqualTo("{\"compatibilityLevel\":\"FULL_TRANSITIVE\"}");
    assertThat(http.get("/config/" + subject + "?defaultToGlobal=true").body())
        .isEqualTo("{\"compatibilityLevel\":\"FULL_TRANSITIVE\"}");

    Reply deleted = http.delete("/config/" + subject);
    assertThat(deleted.status()).isEqualTo(200);
    assertThat(deleted.body()).isEqualTo("{\"compatibilityLevel\":\"FULL_TRANSITIVE\"}");
    assertError(http.get("/config/" + subject), 404, 40408);
    assertError(http.delete("/config/" + subject), 404, 40408);
  }

  @Test
  void invalidCompatibilityLevelsAnswer42203() {
    String subject = subject();

    assertError(http.put("/config/" + subject, "{\"compatibility\":\"SIDEWAYS\"}"), 422, 42203);
    assertError(http.put("/config/" + subject, "{\"compatibility\":7}"), 422, 42203);
    assertError(http.put("/config/" + subject, "{}"), 422, 42203);
    assertError(http.put("/config", "{\"compatibility\":\"\"}"), 422, 42203);
    assertError(http.get("/config/" + subject), 404, 40408);
  }

  @Test
  void backwardRefusesANewFieldWithoutDefault() {
    String subject = subject();
    registerOk(subject, record("Back", FIELD_A));
    String withoutDefault = record("Back", FIELD_A, FIELD_B);
    String withDefault = record("Back", FIELD_A, FIELD_B_DEFAULT);

    Reply refused = http.register(subject, withoutDefault);
    Reply check = http.post("/compatibility/subjects/" + subject + "/versions/latest",
        RegistryHttp.schemaBody(withoutDefault));
    Reply verbose = http.post("/compatibility/subjects/" + subject
        + "/versions/latest?verbose=true", RegistryHttp.schemaBody(withoutDefault));
    Reply fine = http.post("/compatibility/subjects/" + subject + "/versions/1?verbose=true",
        RegistryHttp.schemaBody(withDefault));

    assertError(refused, 409, 409);
    assertThat(check.status()).isEqualTo(200);
    assertThat(check.body()).isEqualTo("{\"is_compatible\":false}");
    assertThat(verbose.json().get("is_compatible").asBoolean()).isFalse();
    assertThat(verbose.json().get("messages")).hasSize(1);
    assertThat(verbose.json().get("messages").get(0).asText()).contains("b");
    assertThat(fine.body()).isEqualTo("{\"is_compatible\":true,\"messages\":[]}");
    registerOk(subject, withDefault);
    assertThat(http.get("/subjects/" + subject + "/versions").body()).isEqualTo("[1,2]");
  }

  @Test
  void forwardRefusesRemovingAFieldOldReadersNeed() {
    String subject = subject();
    http.put("/config/" + subject, "{\"compatibility\":\"FORWARD\"}");
    registerOk(subject, record("Fwd", FIELD_A, FIELD_B));

    assertError(http.register(subject, record("Fwd", FIELD_A)), 409, 409);
    registerOk(subject, record("Fwd", FIELD_A, FIELD_B, "{\"name\":\"c\",\"type\":\"long\"}"));
  }

  @Test
  void fullNeedsBothDirectionsAndNoneNeedsNeither() {
    String full = subject();
    http.put("/config/" + full, "{\"compatibility\":\"FULL\"}");
    registerOk(full, record("Full", FIELD_A));
    assertError(http.register(full, record("Full", FIELD_A, FIELD_B)), 409, 409);
    registerOk(full, record("Full", FIELD_A, FIELD_B_DEFAULT));

    String none = subject();
    http.put("/config/" + none, "{\"compatibility\":\"NONE\"}");
    registerOk(none, record("None", FIELD_A));
    registerOk(none, "\"string\"");
    assertThat(http.get("/subjects/" + none + "/versions").body()).isEqualTo("[1,2]");
  }

  @Test
  void transitiveLevelsCheckEveryEarlierVersion() {
    String plain = subject();
    String transitive = subject();
    http.put("/config/" + transitive, "{\"compatibility\":\"BACKWARD_TRANSITIVE\"}");
    for (String subject : List.of(plain, transitive)) {
      registerOk(subject, record("Trans", FIELD_A));
      registerOk(subject, record("Trans", FIELD_A, FIELD_B_DEFAULT));
    }
    String third = record("Trans", FIELD_A, FIELD_B);

    registerOk(plain, third);
    assertError(http.register(transitive, third), 409, 409);
  }

  @Test
  void softDeletesHideVersionsButKeepIdsReadable() {
    String subject = subject();
    int first = registerOk(subject, record("Gone", FIELD_A));
    registerOk(subject, record("Gone", FIELD_A, FIELD_B_DEFAULT));

    assertThat(http.delete("/subjects/" + subject + "/versions/1").body()).isEqualTo("1");
    assertThat(http.get("/subjects/" + subject + "/versions").body()).isEqualTo("[2]");
    assertError(http.delete("/subjects/" + subject + "?permanent=true"), 422, 422);
    assertThat(http.delete("/subjects/" + subject).body()).isEqualTo("[2]");
    assertError(http.get("/subjects/" + subject + "/versions"), 404, 40401);
    assertThat(http.get("/schemas/ids/" + first).status()).isEqualTo(200);
  }

  @Test
  void associationsAreNotFoundSoConfluentClientsFallBackToTopicNames() {
    Reply reply = http.get("/associations/resources/-/claims?resourceType=topic"
        + "&associationType=value");

    assertError(reply, 404, 40401);
  }

  /**
   * Paths the JDK's HTTP server refuses before any handler runs ("//" reads as an authority, a bad
   * percent-escape fails its URI parser). Its answers are plain text, not our JSON, but prompt
   * client errors: no hang, no 500. Kafka clients never send these (they percent-encode subjects).
   */
  @Test
  void pathsTheJdkRejectsBeforeRoutingStillGetAPromptClientError() throws Exception {
    assertThat(rawStatusLine("GET // HTTP/1.1")).isEqualTo("HTTP/1.1 400 Bad Request");
    assertThat(rawStatusLine("GET //subjects HTTP/1.1")).isEqualTo("HTTP/1.1 404 Not Found");
    assertThat(rawStatusLine("GET /subjects/%zz HTTP/1.1")).isEqualTo("HTTP/1.1 400 Bad Request");
  }

  private String rawStatusLine(String requestLine) throws Exception {
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", registry.port())) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write((requestLine + "\r\nHost: localhost\r\n"
          + "Connection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      String answer = new String(socket.getInputStream().readAllBytes(),
          java.nio.charset.StandardCharsets.ISO_8859_1);
      return answer.substring(0, answer.indexOf("\r\n"));
    }
  }

  private static void assertError(Reply reply, int status, int errorCode) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(status);
    assertThat(reply.contentType()).isEqualTo("application/vnd.schemaregistry.v1+json");
    assertThat(reply.json()).as(reply.body()).isNotNull();
    assertThat(reply.json().fieldNames()).toIterable()
        .containsExactlyInAnyOrder("error_code", "message");
    assertThat(reply.errorCode()).as(reply.body()).isEqualTo(errorCode);
    assertThat(reply.json().get("message").asText()).isNotBlank();
  }
}
