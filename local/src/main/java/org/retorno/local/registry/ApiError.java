package org.retorno.local.registry;

/**
 * An answer other than success, in Confluent's shape: an HTTP status and an
 * {@code {"error_code": N, "message": "..."}} body. Expected errors carry no stack trace.
 */
final class ApiError extends RuntimeException {
  private final int status;
  private final int errorCode;

  ApiError(int status, int errorCode, String message) {
    super(message, null, false, false);
    this.status = status;
    this.errorCode = errorCode;
  }

  int status() {
    return status;
  }

  int errorCode() {
    return errorCode;
  }

  static ApiError notFound(String message) {
    return new ApiError(404, 404, message);
  }

  /** Confluent's 401 family: status times 100 plus one. The message never holds what the client sent. */
  static ApiError unauthorized(String reason) {
    return new ApiError(401, 40101, "Unauthorized: " + reason);
  }

  static ApiError methodNotAllowed(String method) {
    return new ApiError(405, 405, "HTTP method " + method + " is not allowed on this path");
  }

  static ApiError unsupportedMediaType(String contentType) {
    return new ApiError(415, 415, "Content type " + contentType + " is not supported: send "
        + RegistryHttpHandler.CONTENT_TYPE + " or application/json");
  }

  static ApiError unprocessable(String message) {
    return new ApiError(422, 422, message);
  }

  static ApiError invalidSchema(String message) {
    return new ApiError(422, 42201, message);
  }

  static ApiError storeTimeout(String message) {
    return new ApiError(500, 50002, message);
  }

  static ApiError storeError(String message) {
    return new ApiError(500, 50001, message);
  }
}
