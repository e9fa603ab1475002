package org.retorno.local.registry;

import com.fasterxml.jackson.core.JsonProcessingException;

/** A status and a body that is already JSON text. */
record ApiResponse(int status, String body) {

  static ApiResponse ok(Object value) {
    return new ApiResponse(200, json(value));
  }

  /** For the one endpoint that answers with the schema text itself, which is JSON already. */
  static ApiResponse okRaw(String jsonText) {
    return new ApiResponse(200, jsonText);
  }

  static ApiResponse error(ApiError error) {
    var body = ApiRequest.JSON.createObjectNode();
    body.put("error_code", error.errorCode());
    body.put("message", error.getMessage());
    return new ApiResponse(error.status(), json(body));
  }

  private static String json(Object value) {
    try {
      return ApiRequest.JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON answer", e);
    }
  }
}
