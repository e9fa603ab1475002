package org.retorno.schemas.registry;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * How a registry client talks TLS: whom it trusts (a trust store, else the JDK's CAs), which
 * certificate it shows for mutual TLS (a key store, optional) and whether it checks that the
 * server's certificate names the host it dialled. Passwords are used to open the stores and then
 * dropped; {@link #toString()} names files only.
 */
public final class RegistryTls {
  /** A key or trust store file; the password is never shown. */
  public record Store(Path location, String password, String type) {
    public Store {
      Objects.requireNonNull(location, "location");
      Objects.requireNonNull(type, "type");
    }

    @Override
    public String toString() {
      return type + " " + location;
    }
  }

  private final SSLContext context;
  private final String description;

  private RegistryTls(SSLContext context, String description) {
    this.context = context;
    this.description = description;
  }

  /**
   * @param trustStore the CAs to trust; empty trusts the JDK's default CAs
   * @param keyStore this client's certificate for mutual TLS; empty shows none
   * @param keyPassword the private key's password when it differs from the key store's
   * @param verifyHostname false only for test setups whose certificates name no host
   * @throws IllegalArgumentException naming the store and the reason when a store cannot be read
   */
  public static RegistryTls of(Optional<Store> trustStore, Optional<Store> keyStore, Optional<String> keyPassword,
      boolean verifyHostname) {
    try {
      TrustManager[] trust = trustManagers(trustStore.map(store -> load(store, "trust store")).orElse(null));
      if (!verifyHostname) {
        trust = new TrustManager[] {new ChainOnlyTrustManager(onlyX509(trust))};
      }
      KeyManager[] keys = null;
      if (keyStore.isPresent()) {
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        String password = keyPassword.orElse(keyStore.get().password());
        factory.init(load(keyStore.get(), "key store"), chars(password));
        keys = factory.getKeyManagers();
      }
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys, trust, null);
      return new RegistryTls(context, "TLS[trust=" + trustStore.map(Store::toString).orElse("JDK default CAs")
          + ", key=" + keyStore.map(Store::toString).orElse("none") + ", verifyHostname=" + verifyHostname + "]");
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("cannot set up TLS for the schema registry client: " + e.getMessage(), e);
    }
  }

  public SSLContext sslContext() {
    return context;
  }

  @Override
  public String toString() {
    return description;
  }

  /** Opens a key or trust store; the reason a file is unusable is one line naming the file. */
  public static KeyStore load(Store store, String what) {
    try (InputStream in = Files.newInputStream(store.location())) {
      KeyStore keyStore = KeyStore.getInstance(store.type());
      keyStore.load(in, chars(store.password()));
      return keyStore;
    } catch (IOException | GeneralSecurityException e) {
      // KeyStore reports a wrong password as an IOException whose cause says so; neither names the password.
      String reason = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage()
          : e.getMessage();
      throw new IllegalArgumentException("cannot open " + what + " " + store.location() + " (" + store.type()
          + "): " + (reason == null ? e.getClass().getSimpleName() : reason), e);
    }
  }

  private static char[] chars(String password) {
    return password == null ? null : password.toCharArray();
  }

  private static TrustManager[] trustManagers(KeyStore trusted) throws GeneralSecurityException {
    TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(trusted);
    return factory.getTrustManagers();
  }

  private static X509TrustManager onlyX509(TrustManager[] managers) {
    for (TrustManager manager : managers) {
      if (manager instanceof X509TrustManager x509) {
        return x509;
      }
    }
    throw new IllegalStateException("the JDK offers no X.509 trust manager");
  }

  /**
   * Checks the certificate chain against the trusted CAs but not the host name. The JDK's HTTP
   * client always asks for host checks; a trust manager that ignores the connection is the one
   * switch that does not turn them off for every client in the JVM.
   */
  private static final class ChainOnlyTrustManager extends X509ExtendedTrustManager {
    private final X509TrustManager delegate;

    ChainOnlyTrustManager(X509TrustManager delegate) {
      this.delegate = delegate;
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
      delegate.checkClientTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
      delegate.checkServerTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return delegate.getAcceptedIssuers();
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
        throws CertificateException {
      delegate.checkClientTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
        throws CertificateException {
      delegate.checkServerTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
        throws CertificateException {
      delegate.checkClientTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
        throws CertificateException {
      delegate.checkServerTrusted(chain, authType);
    }
  }
}
