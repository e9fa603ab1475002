package org.retorno.local.registry;

import java.util.Objects;
import java.util.Optional;
import org.retorno.schemas.registry.ServerTls;

/**
 * How a {@link RegistryServer} protects itself: TLS (optionally requiring client certificates)
 * and who may call it. {@link #NONE} is the demo's loopback default.
 */
public record RegistrySecurity(Optional<ServerTls> tls, Optional<RegistryAuthenticator> authenticator) {
  public static final RegistrySecurity NONE = new RegistrySecurity(Optional.empty(), Optional.empty());

  public RegistrySecurity {
    Objects.requireNonNull(tls, "tls");
    Objects.requireNonNull(authenticator, "authenticator");
  }

  public RegistrySecurity withTls(ServerTls newTls) {
    return new RegistrySecurity(Optional.of(newTls), authenticator);
  }

  public RegistrySecurity withAuthenticator(RegistryAuthenticator newAuthenticator) {
    return new RegistrySecurity(tls, Optional.of(newAuthenticator));
  }

  /** True when a caller must prove who it is, by a password, a token or a client certificate. */
  boolean authenticates() {
    return authenticator.isPresent() || tls.map(ServerTls::requiresClientCertificate).orElse(false);
  }
}
