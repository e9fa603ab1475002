package org.retorno.local.security;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.retorno.local.broker.BrokerOptions;
import org.retorno.local.broker.EmbeddedBroker;
import org.retorno.schemas.Topics;

/**
 * Our embedded broker with security as production has it, set only through broker properties:
 * clients connect over SASL_SSL with SCRAM-SHA-512; brokers, the controller and the operator
 * (CN=admin) use mutual TLS on listeners clients are not given; StandardAuthorizer allows only
 * what {@link PipelineAcls} grants. Each principal's client settings are written to a properties
 * file, as an operator hands them out.
 */
final class SecureBroker implements AutoCloseable {
  private static final String HOST = "127.0.0.1";

  private final TestPki pki;
  private final EmbeddedBroker broker;
  private final Path dir;
  private final int internalPort;
  private final TestPki.KeyStore adminKeys;
  private final Map<String, String> passwords = new LinkedHashMap<>();

  private SecureBroker(TestPki pki, EmbeddedBroker broker, Path dir, int internalPort,
      TestPki.KeyStore adminKeys) {
    this.pki = pki;
    this.broker = broker;
    this.dir = dir;
    this.internalPort = internalPort;
    this.adminKeys = adminKeys;
  }

  static SecureBroker start(Path dir) throws Exception {
    TestPki pki = TestPki.create(dir);
    TestPki.KeyStore brokerKeys = pki.keyStore("broker", true);
    TestPki.KeyStore adminKeys = pki.keyStore("admin", false);
    int clientPort = freePort();
    int internalPort = freePort();
    int controllerPort = freePort();
    Map<String, String> overrides = new HashMap<>();
    overrides.put("listeners", "CLIENTS://" + HOST + ":" + clientPort + ",INTERNAL://" + HOST + ":"
        + internalPort + ",CONTROLLER://" + HOST + ":" + controllerPort);
    overrides.put("advertised.listeners", "CLIENTS://" + HOST + ":" + clientPort + ",INTERNAL://" + HOST + ":"
        + internalPort);
    overrides.put("listener.security.protocol.map", "CLIENTS:SASL_SSL,INTERNAL:SSL,CONTROLLER:SSL");
    overrides.put("inter.broker.listener.name", "INTERNAL");
    overrides.put("sasl.enabled.mechanisms", "SCRAM-SHA-512");
    overrides.put("listener.name.clients.scram-sha-512.sasl.jaas.config",
        "org.apache.kafka.common.security.scram.ScramLoginModule required;");
    overrides.put("listener.name.internal.ssl.client.auth", "required");
    overrides.put("listener.name.controller.ssl.client.auth", "required");
    overrides.put("ssl.keystore.type", "PKCS12");
    overrides.put("ssl.keystore.location", brokerKeys.path().toString());
    overrides.put("ssl.keystore.password", brokerKeys.password());
    overrides.put("ssl.truststore.type", "PKCS12");
    overrides.put("ssl.truststore.location", pki.trustStore().toString());
    overrides.put("ssl.truststore.password", pki.trustStorePassword());
    // CN=broker becomes User:broker; the certificate's subject is the principal on TLS listeners.
    overrides.put("ssl.principal.mapping.rules", "RULE:^CN=([a-z]+)$/$1/,DEFAULT");
    overrides.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
    overrides.put("super.users", "User:broker;User:admin");
    EmbeddedBroker broker = EmbeddedBroker.start(new BrokerOptions(dir.resolve("data"), HOST, clientPort,
        controllerPort, overrides));
    SecureBroker secure = new SecureBroker(pki, broker, dir, internalPort, adminKeys);
    try {
      secure.passwords.put("broker-keystore", brokerKeys.password());
      secure.passwords.put("admin-keystore", adminKeys.password());
      secure.prepare();
      return secure;
    } catch (Exception | Error e) {
      broker.close();
      throw e;
    }
  }

  /** Users, topics and ACLs, made by the operator over mutual TLS. */
  private void prepare() throws Exception {
    List<UserScramCredentialAlteration> users = new ArrayList<>();
    for (String user : List.of(PipelineAcls.INGEST, PipelineAcls.STREAMS, PipelineAcls.REGISTRY)) {
      String password = TestPki.secret();
      passwords.put(user, password);
      users.add(new UserScramCredentialUpsertion(user,
          new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192), password));
    }
    try (Admin admin = Admin.create(adminProperties())) {
      admin.alterUserScramCredentials(users).all().get();
      Topics.ensureExist(admin, 1, (short) 1);
      admin.createAcls(PipelineAcls.all()).all().get();
    }
  }

  /** The operator's settings: mutual TLS on the internal listener, a super user. */
  Properties adminProperties() {
    Properties props = new Properties();
    props.put("bootstrap.servers", HOST + ":" + internalPort);
    props.put("security.protocol", "SSL");
    props.put("ssl.keystore.type", "PKCS12");
    props.put("ssl.keystore.location", adminKeys.path().toString());
    props.put("ssl.keystore.password", adminKeys.password());
    props.put("ssl.truststore.type", "PKCS12");
    props.put("ssl.truststore.location", pki.trustStore().toString());
    props.put("ssl.truststore.password", pki.trustStorePassword());
    return props;
  }

  /** SASL_SSL client settings for a user and password (known or not), without a file. */
  Properties clientProperties(String user, String password) {
    Properties props = new Properties();
    props.put("bootstrap.servers", broker.bootstrapServers());
    props.put("security.protocol", "SASL_SSL");
    props.put("sasl.mechanism", "SCRAM-SHA-512");
    props.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required"
        + " username=\"" + user + "\" password=\"" + password + "\";");
    props.put("ssl.truststore.type", "PKCS12");
    props.put("ssl.truststore.location", pki.trustStore().toString());
    props.put("ssl.truststore.password", pki.trustStorePassword());
    return props;
  }

  /** Writes a principal's client settings file, with {@code extra} settings, and returns its path. */
  Path clientConfigFile(String user, Map<String, String> extra) {
    Properties props = clientProperties(user, passwords.get(user));
    props.putAll(extra);
    Path file = dir.resolve(user + "-client.properties");
    try (OutputStream out = Files.newOutputStream(file)) {
      props.store(out, "client settings of " + user);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  String password(String user) {
    return passwords.get(user);
  }

  /** Every secret of this setup: user passwords and key and trust store passwords. */
  List<String> secrets() {
    List<String> all = new ArrayList<>(passwords.values());
    all.addAll(pki.passwords());
    return all;
  }

  String bootstrapServers() {
    return broker.bootstrapServers();
  }

  @Override
  public void close() {
    broker.close();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(HOST, 0));
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
