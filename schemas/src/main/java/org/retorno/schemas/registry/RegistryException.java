package org.retorno.schemas.registry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * An error the registry reports, with Confluent's HTTP status and error code, so that the server can
 * answer with {@code {"error_code":N,"message":"..."}} and the REST client can turn that body back
 * into the same exception.
 */
public class RegistryException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int httpStatus;
  private final int errorCode;
  private final transient List<String> details;

  public RegistryException(int httpStatus, int errorCode, String message) {
    this(httpStatus, errorCode, message, List.of());
  }

  private RegistryException(int httpStatus, int errorCode, String message, List<String> details) {
    super(message);
    this.httpStatus = httpStatus;
    this.errorCode = errorCode;
    this.details = List.copyOf(details);
  }

  public static RegistryException subjectNotFound(String subject) {
    return new RegistryException(404, 40401, "Subject '" + subject + "' not found.");
  }

  public static RegistryException versionNotFound(String subject, String version) {
    return new RegistryException(404, 40402,
        "Version " + version + " not found under subject '" + subject + "'.");
  }

  /** @param what which schema was looked for, e.g. "id 7" or "under subject 'claims-value'" */
  public static RegistryException schemaNotFound(String what) {
    return new RegistryException(404, 40403, "Schema not found: " + what + ".");
  }

  public static RegistryException subjectCompatibilityNotConfigured(String subject) {
    return new RegistryException(404, 40408,
        "Subject '" + subject + "' does not have subject-level compatibility configured.");
  }

  /** @param details one human-readable line per incompatibility */
  public static RegistryException incompatible(String subject, List<String> details) {
    return new RegistryException(409, 409,
        "Schema being registered is incompatible with an earlier schema for subject '" + subject
            + "', details: " + String.join("; ", details),
        details);
  }

  public static RegistryException invalidSchema(String reason) {
    return new RegistryException(422, 42201, "Invalid schema: " + reason);
  }

  public static RegistryException invalidVersion(String version) {
    return new RegistryException(422, 42202, "The specified version '" + version
        + "' is not a valid version id. Allowed values are between [1, 2^31-1] and the string \"latest\".");
  }

  public static RegistryException invalidCompatibilityLevel(String level) {
    return new RegistryException(422, 42203, "Invalid compatibility level '" + level
        + "'. Valid values are none, backward, forward, full, backward_transitive, forward_transitive,"
        + " and full_transitive.");
  }

  public static RegistryException storeError(String reason) {
    return new RegistryException(500, 50001, "Error in the backend data store: " + reason);
  }

  public int httpStatus() {
    return httpStatus;
  }

  public int errorCode() {
    return errorCode;
  }

  public String message() {
    return getMessage();
  }

  /** The incompatibilities behind a 409, one line each; empty for other errors. */
  public List<String> details() {
    return details == null ? List.of() : details;
  }

  /** The body a Confluent-compatible server answers with. */
  public String errorBodyJson() {
    ObjectNode body = RegistryJson.MAPPER.createObjectNode();
    body.put("error_code", errorCode);
    body.put("message", getMessage());
    return body.toString();
  }
}
