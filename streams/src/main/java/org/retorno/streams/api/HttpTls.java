package org.retorno.streams.api;

import java.util.Objects;
import java.util.Optional;
import org.retorno.schemas.registry.RegistryTls;
import org.retorno.schemas.registry.ServerTls;

/**
 * TLS of the query API: the server side, and how this instance calls its peers, which serve
 * TLS the same way (trusting the same CAs and, under mutual TLS, showing the same certificate).
 */
public record HttpTls(ServerTls server, RegistryTls peers) {
  public HttpTls {
    Objects.requireNonNull(server, "server");
    Objects.requireNonNull(peers, "peers");
  }

  /**
   * @param keyStore this instance's certificate
   * @param trustStore the CAs of peers' certificates and, with {@code requireClientCertificate},
   *     of clients' certificates; empty trusts the JDK's CAs
   */
  public static HttpTls of(RegistryTls.Store keyStore, Optional<String> keyPassword,
      Optional<RegistryTls.Store> trustStore, boolean requireClientCertificate) {
    if (requireClientCertificate && trustStore.isEmpty()) {
      throw new IllegalArgumentException("client certificates can be required only with a trust store of their CAs");
    }
    ServerTls server = ServerTls.of(keyStore, keyPassword, requireClientCertificate ? trustStore : Optional.empty());
    RegistryTls peers = RegistryTls.of(trustStore, requireClientCertificate ? Optional.of(keyStore) : Optional.empty(),
        keyPassword, true);
    return new HttpTls(server, peers);
  }
}
