package org.retorno.streams.api;

/**
 * An expected failure of a request, answered with its status and a one-line reason: bad input
 * (400), a missing token (401), an unknown id (404), state not queryable right now (503).
 */
final class ApiException extends RuntimeException {
  private final int status;

  ApiException(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  static ApiException badRequest(String message) {
    return new ApiException(400, message);
  }

  static ApiException notFound(String message) {
    return new ApiException(404, message);
  }

  static ApiException unavailable(String message) {
    return new ApiException(503, message);
  }

  int status() {
    return status;
  }
}
