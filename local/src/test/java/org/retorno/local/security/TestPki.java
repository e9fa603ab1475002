package org.retorno.local.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway certificate authority and PKCS#12 key stores made with the JDK's keytool: one trust
 * store holding the CA, and one key store per name whose certificate (CN=name) the CA signed. The
 * broker's certificate names 127.0.0.1 and localhost, so clients verify the host as in production.
 */
final class TestPki {
  private final Path dir;
  private final String caPassword = secret();
  private final String trustStorePassword = secret();

  private TestPki(Path dir) {
    this.dir = dir;
  }

  /** Makes the CA and its trust store in {@code dir}. */
  static TestPki create(Path dir) {
    TestPki pki = new TestPki(dir);
    pki.keytool("-genkeypair", "-alias", "ca", "-dname", "CN=retorno-test-ca", "-keyalg", "EC",
        "-groupname", "secp256r1", "-validity", "2", "-ext", "bc:c", "-keystore", pki.caStore(),
        "-storetype", "PKCS12", "-storepass", pki.caPassword);
    pki.keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", pki.caStore(), "-storepass",
        pki.caPassword, "-file", pki.caPem());
    pki.keytool("-importcert", "-noprompt", "-alias", "ca", "-file", pki.caPem(), "-keystore",
        pki.trustStore().toString(), "-storetype", "PKCS12", "-storepass", pki.trustStorePassword);
    return pki;
  }

  /** A random password, hex: long enough that finding it in a log cannot be a coincidence. */
  static String secret() {
    byte[] bytes = new byte[16];
    new SecureRandom().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  Path trustStore() {
    return dir.resolve("truststore.p12");
  }

  String trustStorePassword() {
    return trustStorePassword;
  }

  List<String> passwords() {
    return List.of(caPassword, trustStorePassword);
  }

  /** A key store for {@code name} with a CA-signed certificate; the password is returned. */
  KeyStore keyStore(String name, boolean serverOnLoopback) {
    String password = secret();
    String store = dir.resolve(name + ".p12").toString();
    String csr = dir.resolve(name + ".csr").toString();
    String pem = dir.resolve(name + ".pem").toString();
    keytool("-genkeypair", "-alias", name, "-dname", "CN=" + name, "-keyalg", "EC", "-groupname",
        "secp256r1", "-validity", "2", "-keystore", store, "-storetype", "PKCS12", "-storepass", password);
    keytool("-certreq", "-alias", name, "-keystore", store, "-storepass", password, "-file", csr);
    List<String> sign = new ArrayList<>(List.of("-gencert", "-rfc", "-alias", "ca", "-keystore", caStore(),
        "-storepass", caPassword, "-infile", csr, "-outfile", pem, "-validity", "2"));
    if (serverOnLoopback) {
      sign.addAll(List.of("-ext", "SAN=ip:127.0.0.1,dns:localhost"));
    }
    keytool(sign.toArray(String[]::new));
    keytool("-importcert", "-noprompt", "-alias", "ca", "-file", caPem(), "-keystore", store, "-storepass", password);
    keytool("-importcert", "-alias", name, "-file", pem, "-keystore", store, "-storepass", password);
    return new KeyStore(Path.of(store), password);
  }

  record KeyStore(Path path, String password) {}

  private String caStore() {
    return dir.resolve("ca.p12").toString();
  }

  private String caPem() {
    return dir.resolve("ca.pem").toString();
  }

  private void keytool(String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(args));
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException("keytool " + args[0] + " failed: " + output.strip());
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot run keytool: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running keytool", e);
    }
  }
}
