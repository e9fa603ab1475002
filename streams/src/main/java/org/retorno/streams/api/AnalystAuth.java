package org.retorno.streams.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/** Decides the tier of a request from its {@code Authorization: Bearer} header. */
final class AnalystAuth {
  private static final String BEARER = "bearer ";
  private final byte[] token;

  AnalystAuth(String token) {
    if (token == null || token.isBlank()) {
      throw new IllegalArgumentException("analyst token must not be blank");
    }
    this.token = token.getBytes(StandardCharsets.UTF_8);
  }

  /** PUBLIC without a header; ANALYST with the right token; a wrong token is refused, not downgraded. */
  Tier tierOf(Optional<String> authorization) {
    if (authorization.isEmpty()) {
      return Tier.PUBLIC;
    }
    String header = authorization.get().strip();
    if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      throw new ApiException(401, "Authorization must be 'Bearer <analyst token>'");
    }
    byte[] given = header.substring(BEARER.length()).strip().getBytes(StandardCharsets.UTF_8);
    // Constant time, so response timing does not leak how much of a guess was right.
    if (!MessageDigest.isEqual(given, token)) {
      throw new ApiException(401, "the analyst token is not valid");
    }
    return Tier.ANALYST;
  }

  String bearerHeader() {
    return "Bearer " + new String(token, StandardCharsets.UTF_8);
  }
}
