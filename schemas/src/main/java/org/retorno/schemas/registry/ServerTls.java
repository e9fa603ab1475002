package org.retorno.schemas.registry;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS for our HTTP servers (the schema registry and the query API): the server's certificate from
 * a key store and, for mutual TLS, the CAs whose client certificates it accepts. A server made
 * with {@link #listen} speaks only TLS on its port; a plain-HTTP request there fails its handshake.
 */
public final class ServerTls {
  private final SSLContext context;
  private final boolean requireClientCertificate;
  private final String description;

  private ServerTls(SSLContext context, boolean requireClientCertificate, String description) {
    this.context = context;
    this.requireClientCertificate = requireClientCertificate;
    this.description = description;
  }

  /**
   * @param keyStore the server's certificate and private key
   * @param keyPassword the private key's password when it differs from the key store's
   * @param clientCas the CAs that sign client certificates; when present, a client without such a
   *     certificate is refused during the handshake
   * @throws IllegalArgumentException naming the store and the reason when a store cannot be read
   */
  public static ServerTls of(RegistryTls.Store keyStore, Optional<String> keyPassword,
      Optional<RegistryTls.Store> clientCas) {
    try {
      KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      String password = keyPassword.orElse(keyStore.password());
      keys.init(RegistryTls.load(keyStore, "key store"), password == null ? null : password.toCharArray());
      TrustManagerFactory trust = null;
      if (clientCas.isPresent()) {
        trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(RegistryTls.load(clientCas.get(), "trust store"));
      }
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys.getKeyManagers(), trust == null ? null : trust.getTrustManagers(), null);
      return new ServerTls(context, clientCas.isPresent(), "TLS[key=" + keyStore + ", client certificates="
          + clientCas.map(store -> "required, CAs in " + store).orElse("not asked for") + "]");
    } catch (GeneralSecurityException e) {
      // A wrong key password surfaces here as UnrecoverableKeyException, whose message names no password.
      throw new IllegalArgumentException("cannot use key store " + keyStore.location() + ": " + e.getMessage(), e);
    }
  }

  public boolean requiresClientCertificate() {
    return requireClientCertificate;
  }

  /** An HTTPS server when {@code tls} is present, else plain HTTP; not started. */
  public static HttpServer listen(InetSocketAddress address, Optional<ServerTls> tls) throws IOException {
    if (tls.isEmpty()) {
      return HttpServer.create(address, 0);
    }
    HttpsServer server = HttpsServer.create(address, 0);
    server.setHttpsConfigurator(tls.get().configurator());
    return server;
  }

  private HttpsConfigurator configurator() {
    return new HttpsConfigurator(context) {
      @Override
      public void configure(HttpsParameters params) {
        SSLParameters parameters = context.getDefaultSSLParameters();
        parameters.setNeedClientAuth(requireClientCertificate);
        params.setSSLParameters(parameters);
      }
    };
  }

  @Override
  public String toString() {
    return description;
  }
}
