package org.retorno.local.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.retorno.schemas.registry.SchemaRecord;
import org.retorno.schemas.registry.CompatibilityLevel;
import org.retorno.schemas.registry.ConfigRecord;
import org.retorno.schemas.registry.RegisteredSchema;
import org.retorno.schemas.registry.RegistryException;
import org.retorno.schemas.registry.RegistryState;

/**
 * The Confluent Schema Registry REST endpoints that Kafka clients use, answered from a
 * {@link SchemaStore}. Avro only: other schema types and schema references are refused with 42201.
 */
final class RegistryApi {
  private static final JsonNode EMPTY_OBJECT = ApiRequest.JSON.createObjectNode();

  private final SchemaStore store;

  RegistryApi(SchemaStore store) {
    this.store = store;
  }

  Router routes() {
    return new Router()
        .add("GET", "", (r, p) -> ApiResponse.ok(EMPTY_OBJECT))
        .add("GET", "subjects", (r, p) -> ApiResponse.ok(store.read(RegistryState::subjects)))
        .add("POST", "subjects/{}", this::lookup)
        .add("DELETE", "subjects/{}", (r, p) -> {
          refusePermanent(r);
          return deleteSubject(p.get(0));
        })
        .add("GET", "subjects/{}/versions", (r, p) ->
            ApiResponse.ok(store.read(s -> s.versions(p.get(0)))))
        .add("POST", "subjects/{}/versions", this::register)
        .add("GET", "subjects/{}/versions/{}", (r, p) ->
            ApiResponse.ok(describe(store.read(s -> s.version(p.get(0), p.get(1))))))
        .add("DELETE", "subjects/{}/versions/{}", (r, p) -> {
          refusePermanent(r);
          return deleteVersion(p.get(0), p.get(1));
        })
        .add("GET", "subjects/{}/versions/{}/schema", (r, p) ->
            ApiResponse.okRaw(store.read(s -> s.version(p.get(0), p.get(1))).schema()))
        .add("GET", "schemas/types", (r, p) -> ApiResponse.ok(List.of("AVRO")))
        .add("GET", "schemas/ids/{}", (r, p) -> ApiResponse.ok(schemaOnly(byId(p.get(0)))))
        .add("GET", "schemas/ids/{}/schema", (r, p) -> ApiResponse.okRaw(byId(p.get(0)).schema()))
        .add("GET", "schemas/ids/{}/versions", (r, p) -> subjectVersionsOf(p.get(0)))
        .add("GET", "config", (r, p) ->
            ApiResponse.ok(levelAnswer(store.read(RegistryState::globalCompatibility))))
        .add("PUT", "config", (r, p) -> updateConfig(null, r))
        .add("DELETE", "config", (r, p) -> deleteConfig(null))
        .add("GET", "config/{}", this::subjectConfig)
        .add("PUT", "config/{}", (r, p) -> updateConfig(p.get(0), r))
        .add("DELETE", "config/{}", (r, p) -> deleteConfig(p.get(0)))
        .add("POST", "compatibility/subjects/{}/versions/{}", this::checkCompatibility)
        // Schema associations (newer Confluent servers) do not exist here; the 404 makes
        // @confluentinc/schemaregistry fall back to the topic-name strategy.
        .add("GET", "associations/**", (r, p) -> {
          throw new ApiError(404, 40401, "No associations: this registry names subjects by"
              + " topic ({topic}-key, {topic}-value)");
        })
        .wrapping(RegistryApi::translateRegistryErrors);
  }

  private ApiResponse register(ApiRequest request, List<String> params) {
    String subject = params.get(0);
    String schema = avroSchemaOf(request.jsonObject());
    store.write(state -> {
      var registration = state.planRegister(subject, schema);
      return new SchemaStore.Command<>(registration.id(),
          registration.toAppend().stream().toList());
    });
    // Answer with what the topic holds now, not with the plan: should another instance on the same
    // topic have written a conflicting record first, the client learns the id that really counts.
    int id = store.read(state -> state.lookup(subject, schema)).id();
    return ApiResponse.ok(Map.of("id", id));
  }

  private ApiResponse lookup(ApiRequest request, List<String> params) {
    String subject = params.get(0);
    String schema = avroSchemaOf(request.jsonObject());
    return ApiResponse.ok(describe(store.read(s -> s.lookup(subject, schema))));
  }

  private ApiResponse subjectConfig(ApiRequest request, List<String> params) {
    String subject = params.get(0);
    Optional<CompatibilityLevel> own = store.read(s -> s.subjectCompatibility(subject));
    if (own.isPresent()) {
      return ApiResponse.ok(levelAnswer(own.get()));
    }
    if (request.flag("defaultToGlobal")) {
      return ApiResponse.ok(levelAnswer(store.read(RegistryState::globalCompatibility)));
    }
    throw RegistryException.subjectCompatibilityNotConfigured(subject);
  }

  private ApiResponse updateConfig(String subjectOrNull, ApiRequest request) {
    JsonNode level = request.jsonObject().get("compatibility");
    if (level == null || !level.isTextual()) {
      throw new ApiError(422, 42203, "Invalid compatibility level: the body must be"
          + " {\"compatibility\": \"BACKWARD\"} or another level");
    }
    CompatibilityLevel applied = store.write(state -> {
      ConfigRecord record = state.planConfig(subjectOrNull, level.asText());
      return new SchemaStore.Command<>(record.level(), List.of(record));
    });
    return ApiResponse.ok(Map.of("compatibility", applied.name()));
  }

  /** Removes a subject's own level, or with a null subject resets the global one to the default. */
  private ApiResponse deleteConfig(String subjectOrNull) {
    CompatibilityLevel removed = store.write(state -> {
      ConfigRecord tombstone = state.planDeleteConfig(subjectOrNull);
      CompatibilityLevel before = subjectOrNull == null ? state.globalCompatibility()
          : state.effectiveCompatibility(subjectOrNull);
      return new SchemaStore.Command<>(before, List.of(tombstone));
    });
    return ApiResponse.ok(levelAnswer(removed));
  }

  private ApiResponse checkCompatibility(ApiRequest request, List<String> params) {
    String schema = avroSchemaOf(request.jsonObject());
    List<String> errors = store.read(s -> s.compatibilityErrors(params.get(0), params.get(1),
        schema));
    ObjectNode answer = ApiRequest.JSON.createObjectNode();
    answer.put("is_compatible", errors.isEmpty());
    if (request.flag("verbose")) {
      ArrayNode messages = answer.putArray("messages");
      errors.forEach(messages::add);
    }
    return ApiResponse.ok(answer);
  }

  private ApiResponse subjectVersionsOf(String idText) {
    int id = byId(idText).id();
    ArrayNode answer = ApiRequest.JSON.createArrayNode();
    for (RegisteredSchema use : store.read(state -> state.usesOfId(id))) {
      answer.addObject().put("subject", use.subject()).put("version", use.version());
    }
    return ApiResponse.ok(answer);
  }

  /** Soft delete, as Confluent's default: the versions disappear, their ids stay readable. */
  private ApiResponse deleteSubject(String subject) {
    List<Integer> deleted = store.write(state -> {
      List<SchemaRecord> records = state.planDeleteSubject(subject);
      return new SchemaStore.Command<>(records.stream().map(SchemaRecord::version).toList(),
          records);
    });
    return ApiResponse.ok(deleted);
  }

  private ApiResponse deleteVersion(String subject, String version) {
    int deleted = store.write(state -> {
      SchemaRecord record = state.planDeleteVersion(subject, version);
      return new SchemaStore.Command<>(record.version(), List.of(record));
    });
    return ApiResponse.ok(deleted);
  }

  /** Permanent deletes are not offered: ids in old Kafka records must stay resolvable. */
  private static void refusePermanent(ApiRequest request) {
    if (request.flag("permanent")) {
      throw new ApiError(422, 422, "Permanent deletes are not supported by this registry");
    }
  }

  private RegisteredSchema byId(String idText) {
    int id;
    try {
      id = Integer.parseInt(idText);
    } catch (NumberFormatException e) {
      throw ApiError.notFound("HTTP 404 Not Found");
    }
    return store.read(s -> s.byId(id)).orElseThrow(() ->
        new ApiError(404, 40403, "Schema " + id + " not found"));
  }

  /**
   * The schema text of a register, lookup or compatibility body. Only Avro is served; a body in
   * any other shape is refused with Confluent's "invalid schema" code.
   */
  private static String avroSchemaOf(ObjectNode body) {
    JsonNode type = body.get("schemaType");
    if (type != null && !type.isNull() && !"AVRO".equals(type.asText())) {
      throw ApiError.invalidSchema("Schema type " + type.asText()
          + " is not supported: this registry serves AVRO only");
    }
    JsonNode references = body.get("references");
    if (references != null && !references.isNull()
        && !(references.isArray() && references.isEmpty())) {
      throw ApiError.invalidSchema("Schema references are not supported by this registry");
    }
    JsonNode schema = body.get("schema");
    if (schema == null || !schema.isTextual() || schema.asText().isBlank()) {
      throw ApiError.invalidSchema("Invalid schema: the body must have a non-empty string"
          + " field \"schema\"");
    }
    return schema.asText();
  }

  private static ObjectNode describe(RegisteredSchema schema) {
    ObjectNode answer = ApiRequest.JSON.createObjectNode();
    answer.put("subject", schema.subject());
    answer.put("version", schema.version());
    answer.put("id", schema.id());
    answer.put("schema", schema.schema());
    return answer;
  }

  private static ObjectNode schemaOnly(RegisteredSchema schema) {
    ObjectNode answer = ApiRequest.JSON.createObjectNode();
    answer.put("schema", schema.schema());
    return answer;
  }

  private static Map<String, String> levelAnswer(CompatibilityLevel level) {
    return Map.of("compatibilityLevel", level.name());
  }

  private static ApiResponse translateRegistryErrors(Router.Endpoint endpoint, ApiRequest request,
      List<String> params) {
    try {
      return endpoint.handle(request, params);
    } catch (RegistryException e) {
      throw new ApiError(e.httpStatus(), e.errorCode(), e.getMessage());
    }
  }
}
