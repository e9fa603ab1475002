package org.retorno.schemas.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.apache.avro.Schema;

/**
 * A client of a Confluent-compatible registry over HTTP. Ids and the schemas behind them never
 * change, so those answers are cached for good; a subject's latest version is cached briefly.
 */
public final class RestSchemaRegistryClient implements SchemaRegistryClient {

  /**
   * @param basicAuthUserInfo "user:password" for HTTP basic auth; never logged or printed
   * @param bearerToken a static token sent as {@code Authorization: Bearer}; never logged or printed
   * @param tls trust and key stores for https URLs; empty uses the JDK's defaults
   */
  public record Options(Duration connectTimeout, Duration requestTimeout, Duration latestTtl,
      Optional<String> basicAuthUserInfo, Optional<String> bearerToken, Optional<RegistryTls> tls) {
    public static final Options DEFAULTS = new Options(Duration.ofSeconds(10), Duration.ofSeconds(30),
        Duration.ofSeconds(30), Optional.empty(), Optional.empty(), Optional.empty());

    public Options {
      Objects.requireNonNull(connectTimeout, "connectTimeout");
      Objects.requireNonNull(requestTimeout, "requestTimeout");
      Objects.requireNonNull(latestTtl, "latestTtl");
      Objects.requireNonNull(basicAuthUserInfo, "basicAuthUserInfo");
      Objects.requireNonNull(bearerToken, "bearerToken");
      Objects.requireNonNull(tls, "tls");
      if (basicAuthUserInfo.isPresent() && bearerToken.isPresent()) {
        throw new IllegalArgumentException("a registry client sends basic or bearer credentials, not both");
      }
    }

    /** Without credentials or TLS settings of its own. */
    public Options(Duration connectTimeout, Duration requestTimeout, Duration latestTtl,
        Optional<String> basicAuthUserInfo) {
      this(connectTimeout, requestTimeout, latestTtl, basicAuthUserInfo, Optional.empty(), Optional.empty());
    }

    public Options withBasicAuth(String userInfo) {
      return new Options(connectTimeout, requestTimeout, latestTtl, Optional.of(userInfo), Optional.empty(), tls);
    }

    public Options withBearerToken(String token) {
      return new Options(connectTimeout, requestTimeout, latestTtl, Optional.empty(), Optional.of(token), tls);
    }

    public Options withTls(RegistryTls newTls) {
      return new Options(connectTimeout, requestTimeout, latestTtl, basicAuthUserInfo, bearerToken,
          Optional.of(newTls));
    }

    /** The Authorization header these credentials make, if any. */
    Optional<String> authorization() {
      if (bearerToken.isPresent()) {
        return Optional.of("Bearer " + bearerToken.get());
      }
      return basicAuthUserInfo.map(userInfo ->
          "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public String toString() {
      return "Options[connectTimeout=" + connectTimeout + ", requestTimeout=" + requestTimeout + ", latestTtl="
          + latestTtl + ", basicAuth=" + (basicAuthUserInfo.isPresent() ? "[hidden]" : "none") + ", bearerAuth="
          + (bearerToken.isPresent() ? "[hidden]" : "none") + ", tls=" + tls.map(RegistryTls::toString).orElse("default")
          + "]";
    }
  }

  private record SubjectSchema(String subject, String schema) {}

  private record Expiring(RegisteredSchema value, long expiresAtNanos) {}

  private final RegistryHttp http;
  private final long latestTtlNanos;
  private final LongSupplier nanoClock;
  private final ConcurrentMap<Integer, Schema> schemaById = new ConcurrentHashMap<>();
  private final ConcurrentMap<SubjectSchema, Integer> idBySubjectSchema = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, Expiring> latestBySubject = new ConcurrentHashMap<>();

  /** @param baseUrls tried in order; the next one is used when one cannot be reached */
  public RestSchemaRegistryClient(List<URI> baseUrls, Options options) {
    this(new RegistryHttp(baseUrls, options.connectTimeout(), options.requestTimeout(), options.authorization(),
        options.tls()),
        options.latestTtl(), System::nanoTime);
  }

  RestSchemaRegistryClient(RegistryHttp http, Duration latestTtl, LongSupplier nanoClock) {
    this.http = http;
    this.latestTtlNanos = latestTtl.toNanos();
    this.nanoClock = nanoClock;
  }

  @Override
  public int register(String subject, Schema schema) {
    return cachedId(subject, schema, path -> http.post(path + "/versions", schemaBody(schema)));
  }

  @Override
  public int lookup(String subject, Schema schema) {
    return cachedId(subject, schema, path -> http.post(path, schemaBody(schema)));
  }

  @Override
  public Schema getById(int id) {
    Schema known = schemaById.get(id);
    if (known != null) {
      return known;
    }
    String path = "/schemas/ids/" + id;
    JsonNode answer = http.get(path);
    String type = answer.path("schemaType").asText("AVRO");
    if (!"AVRO".equals(type)) {
      throw RegistryException.invalidSchema("schema id " + id + " is a " + type + " schema, not Avro");
    }
    Schema schema = AvroSchemaText.parse(field(answer, "schema", "GET", path));
    Schema raced = schemaById.putIfAbsent(id, schema);
    return raced != null ? raced : schema;
  }

  @Override
  public RegisteredSchema latest(String subject) {
    long now = nanoClock.getAsLong();
    Expiring cached = latestBySubject.get(subject);
    if (cached != null && now - cached.expiresAtNanos() < 0) {
      return cached.value();
    }
    RegisteredSchema latest = fetchVersion(subject, "latest");
    latestBySubject.put(subject, new Expiring(latest, now + latestTtlNanos));
    return latest;
  }

  @Override
  public RegisteredSchema version(String subject, int version) {
    return fetchVersion(subject, Integer.toString(version));
  }

  @Override
  public List<String> subjects() {
    JsonNode answer = http.get("/subjects");
    List<String> subjects = new ArrayList<>();
    requireArray(answer, "GET", "/subjects").forEach(node -> subjects.add(node.asText()));
    return subjects;
  }

  @Override
  public List<Integer> versions(String subject) {
    String path = subjectPath(subject) + "/versions";
    List<Integer> versions = new ArrayList<>();
    requireArray(http.get(path), "GET", path).forEach(node -> versions.add(node.asInt()));
    return versions;
  }

  @Override
  public CompatibilityLevel compatibility(String subjectOrNull) {
    if (subjectOrNull != null) {
      String path = "/config/" + RegistryHttp.segment(subjectOrNull);
      try {
        return level(http.get(path), "GET", path);
      } catch (RegistryException e) {
        // No level of its own (40408; 40401 from older servers): the global one applies.
        if (e.errorCode() != 40408 && e.errorCode() != 40401) {
          throw e;
        }
      }
    }
    return level(http.get("/config"), "GET", "/config");
  }

  @Override
  public void setCompatibility(String subjectOrNull, CompatibilityLevel level) {
    ObjectNode body = RegistryJson.MAPPER.createObjectNode().put("compatibility", level.name());
    http.put(subjectOrNull == null ? "/config" : "/config/" + RegistryHttp.segment(subjectOrNull), body);
  }

  @Override
  public List<String> testCompatibility(String subject, String version, Schema schema) {
    String path = "/compatibility" + subjectPath(subject) + "/versions/" + RegistryHttp.segment(version) + "?verbose=true";
    JsonNode answer = http.post(path, schemaBody(schema));
    if (!answer.path("is_compatible").isBoolean()) {
      throw RegistryHttp.unreadable(200, "POST", path, "no is_compatible field");
    }
    if (answer.get("is_compatible").booleanValue()) {
      return List.of();
    }
    List<String> messages = new ArrayList<>();
    answer.path("messages").forEach(node -> messages.add(node.asText()));
    return messages.isEmpty() ? List.of("incompatible (the registry gave no details)") : messages;
  }

  private int cachedId(String subject, Schema schema, Function<String, JsonNode> call) {
    String canonical = AvroSchemaText.canonical(schema);
    SubjectSchema key = new SubjectSchema(subject, canonical);
    Integer known = idBySubjectSchema.get(key);
    if (known != null) {
      return known;
    }
    String path = subjectPath(subject);
    JsonNode answer = call.apply(path);
    if (!answer.path("id").isIntegralNumber()) {
      throw RegistryHttp.unreadable(200, "POST", path, "no id in the answer");
    }
    int id = answer.get("id").intValue();
    idBySubjectSchema.put(key, id);
    schemaById.putIfAbsent(id, schema);
    return id;
  }

  private RegisteredSchema fetchVersion(String subject, String version) {
    String path = subjectPath(subject) + "/versions/" + version;
    JsonNode answer = http.get(path);
    if (!answer.path("version").isIntegralNumber() || !answer.path("id").isIntegralNumber()) {
      throw RegistryHttp.unreadable(200, "GET", path, "no version or id in the answer");
    }
    return new RegisteredSchema(answer.path("subject").asText(subject), answer.get("version").intValue(),
        answer.get("id").intValue(), field(answer, "schema", "GET", path));
  }

  private static String subjectPath(String subject) {
    return "/subjects/" + RegistryHttp.segment(subject);
  }

  private static ObjectNode schemaBody(Schema schema) {
    return RegistryJson.MAPPER.createObjectNode().put("schema", AvroSchemaText.canonical(schema));
  }

  private static CompatibilityLevel level(JsonNode answer, String method, String path) {
    // GET answers with compatibilityLevel, PUT with compatibility.
    JsonNode level = answer.has("compatibilityLevel") ? answer.get("compatibilityLevel") : answer.path("compatibility");
    if (!level.isTextual()) {
      throw RegistryHttp.unreadable(200, method, path, "no compatibilityLevel in the answer");
    }
    return CompatibilityLevel.parse(level.asText());
  }

  private static String field(JsonNode answer, String name, String method, String path) {
    if (!answer.path(name).isTextual()) {
      throw RegistryHttp.unreadable(200, method, path, "no " + name + " in the answer");
    }
    return answer.get(name).asText();
  }

  private static JsonNode requireArray(JsonNode answer, String method, String path) {
    if (!answer.isArray()) {
      throw RegistryHttp.unreadable(200, method, path, "expected a JSON array");
    }
    return answer;
  }
}
