package org.retorno.local.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where an operator's secrets come from: a file or an environment variable, never a command-line
 * argument (which every user of the machine can read in the process list).
 */
public final class Passwords {
  private Passwords() {}

  /**
   * The first line of {@code file} when given, else the environment variable; null when neither
   * is set (a store without a password).
   */
  public static String read(Path file, String environmentVariable, Map<String, String> environment) {
    if (file != null) {
      try {
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream().findFirst().orElse("").strip();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read password file " + file + ": " + e.getMessage(), e);
      }
    }
    return environment.get(environmentVariable);
  }

  /** A users-file password hash, {@code PBKDF2-SHA256:iterations:salt:hash}. */
  public static String hash(char[] password) {
    return PasswordHash.hash(password, PasswordHash.DEFAULT_ITERATIONS);
  }
}
