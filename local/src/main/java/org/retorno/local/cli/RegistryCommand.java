package org.retorno.local.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.retorno.local.registry.RegistryAuthenticator;
import org.retorno.local.registry.RegistryOptions;
import org.retorno.local.registry.RegistrySecurity;
import org.retorno.local.registry.Passwords;
import org.retorno.local.registry.RegistryServer;
import org.retorno.schemas.registry.RegistryTls;
import org.retorno.schemas.registry.ServerTls;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "registry", mixinStandardHelpOptions = true,
    description = {"Run a Confluent-compatible schema registry until Ctrl-C.",
        "Its state lives in the compacted _schemas topic, so it survives restarts.",
        "Store passwords are read from files or environment variables, never from the command line."},
    subcommands = RegistryCommand.HashPassword.class)
final class RegistryCommand implements Callable<Integer> {
  static final String KEYSTORE_PASSWORD_ENV = "RETORNO_REGISTRY_TLS_KEYSTORE_PASSWORD";
  static final String TRUSTSTORE_PASSWORD_ENV = "RETORNO_REGISTRY_TLS_TRUSTSTORE_PASSWORD";

  @Mixin
  ClientOptions client;

  @Option(names = "--host", defaultValue = RegistryOptions.DEFAULT_HOST, description = "Address to listen on (default ${DEFAULT-VALUE}; loopback).")
  String host;

  @Option(names = "--port", defaultValue = "8081", description = "Port (default ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--topic", defaultValue = RegistryOptions.DEFAULT_TOPIC, description = "State topic (default ${DEFAULT-VALUE}).")
  String topic;

  @Option(names = "--tls-keystore", paramLabel = "FILE", defaultValue = "${env:RETORNO_REGISTRY_TLS_KEYSTORE}",
      description = "Serve HTTPS with this key store (env RETORNO_REGISTRY_TLS_KEYSTORE).")
  Path keyStore;

  @Option(names = "--tls-keystore-type", defaultValue = "PKCS12", description = "Key store type (default ${DEFAULT-VALUE}).")
  String keyStoreType;

  @Option(names = "--tls-keystore-password-file", paramLabel = "FILE",
      description = "File whose first line is the key store password; else env " + KEYSTORE_PASSWORD_ENV + ".")
  Path keyStorePasswordFile;

  @Option(names = "--tls-client-truststore", paramLabel = "FILE",
      defaultValue = "${env:RETORNO_REGISTRY_TLS_CLIENT_TRUSTSTORE}",
      description = "Require client certificates signed by the CAs in this trust store: mutual TLS"
          + " (env RETORNO_REGISTRY_TLS_CLIENT_TRUSTSTORE).")
  Path clientTrustStore;

  @Option(names = "--tls-client-truststore-type", defaultValue = "PKCS12", description = "Trust store type (default ${DEFAULT-VALUE}).")
  String clientTrustStoreType;

  @Option(names = "--tls-client-truststore-password-file", paramLabel = "FILE",
      description = "File whose first line is the trust store password; else env " + TRUSTSTORE_PASSWORD_ENV + ".")
  Path clientTrustStorePasswordFile;

  @Option(names = "--users-file", paramLabel = "FILE", defaultValue = "${env:RETORNO_REGISTRY_USERS_FILE}",
      description = "Require HTTP basic auth: lines 'user: PBKDF2-SHA256:...' (see hash-password;"
          + " env RETORNO_REGISTRY_USERS_FILE).")
  Path usersFile;

  @Option(names = "--tokens-file", paramLabel = "FILE", defaultValue = "${env:RETORNO_REGISTRY_TOKENS_FILE}",
      description = "Accept bearer tokens: lines 'name: SHA-256:<hex>' (env RETORNO_REGISTRY_TOKENS_FILE).")
  Path tokensFile;

  @Override
  public Integer call() {
    Properties props = client.toProperties();
    Map<String, Object> clientProps = new HashMap<>();
    for (String key : Clients.adminProperties(props).stringPropertyNames()) {
      if (!key.equals("bootstrap.servers")) {
        clientProps.put(key, props.getProperty(key));
      }
    }
    RegistryServer server = RegistryServer.start(
        RegistryOptions.defaults(props.getProperty("bootstrap.servers")).withHost(host).withPort(port).withTopic(topic)
            .withClientProperties(clientProps).withSecurity(security(System.getenv())));
    System.out.println("registry: " + server.url() + " (state in topic " + topic + ")");
    Shutdown.awaitSignal(server::close);
    return 0;
  }

  RegistrySecurity security(Map<String, String> environment) {
    RegistrySecurity security = RegistrySecurity.NONE;
    if (keyStore != null) {
      Optional<RegistryTls.Store> cas = Optional.ofNullable(clientTrustStore).map(path -> new RegistryTls.Store(path,
          Passwords.read(clientTrustStorePasswordFile, TRUSTSTORE_PASSWORD_ENV, environment), clientTrustStoreType));
      security = security.withTls(ServerTls.of(new RegistryTls.Store(keyStore,
          Passwords.read(keyStorePasswordFile, KEYSTORE_PASSWORD_ENV, environment), keyStoreType), Optional.empty(),
          cas));
    } else if (clientTrustStore != null) {
      throw new IllegalArgumentException("--tls-client-truststore needs --tls-keystore: client certificates are"
          + " checked only over TLS");
    }
    if (usersFile != null || tokensFile != null) {
      security = security.withAuthenticator(RegistryAuthenticator.load(Optional.ofNullable(usersFile),
          Optional.ofNullable(tokensFile)));
    }
    return security;
  }

  @Command(name = "hash-password", mixinStandardHelpOptions = true,
      description = {"Print a users-file line for a password read from the console (or standard input).",
          "The password is not echoed and never appears in the output."})
  static final class HashPassword implements Callable<Integer> {
    @picocli.CommandLine.Parameters(paramLabel = "USER", description = "The user name the line starts with.")
    String user;

    @Override
    public Integer call() {
      char[] password = readPassword();
      if (password.length == 0) {
        throw new IllegalArgumentException("the password is empty");
      }
      System.out.println(user + ": " + Passwords.hash(password));
      return 0;
    }

    private static char[] readPassword() {
      Console console = System.console();
      if (console != null) {
        char[] password = console.readPassword("password for the users file: ");
        return password == null ? new char[0] : password;
      }
      try {
        String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        return line == null ? new char[0] : line.toCharArray();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the password from standard input: " + e.getMessage(), e);
      }
    }
  }
}
