package org.retorno.local.registry;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Salted PBKDF2-HMAC-SHA256 password hashes, written as
 * {@code PBKDF2-SHA256:<iterations>:<salt, base64>:<hash, base64>} so that a users file holds no
 * password. The iteration count travels with the hash: raising the default leaves old lines valid.
 */
final class PasswordHash {
  static final String PREFIX = "PBKDF2-SHA256:";
  /** OWASP's 2023 figure for PBKDF2-HMAC-SHA256. */
  static final int DEFAULT_ITERATIONS = 600_000;
  private static final int SALT_BYTES = 16;
  private static final int HASH_BITS = 256;

  private PasswordHash() {}

  static String hash(char[] password, int iterations) {
    byte[] salt = new byte[SALT_BYTES];
    new SecureRandom().nextBytes(salt);
    Base64.Encoder base64 = Base64.getEncoder();
    return PREFIX + iterations + ":" + base64.encodeToString(salt) + ":"
        + base64.encodeToString(derive(password, salt, iterations));
  }

  static boolean isHash(String stored) {
    return stored.startsWith(PREFIX);
  }

  /**
   * @throws IllegalArgumentException when {@code stored} is not a hash in this format (the
   *     message does not repeat it)
   */
  static boolean matches(char[] password, String stored) {
    Parsed parsed = parse(stored);
    return MessageDigest.isEqual(derive(password, parsed.salt(), parsed.iterations()), parsed.hash());
  }

  record Parsed(int iterations, byte[] salt, byte[] hash) {}

  /** @throws IllegalArgumentException when {@code stored} is malformed; the message does not repeat it */
  static Parsed parse(String stored) {
    String[] parts = stored.startsWith(PREFIX) ? stored.substring(PREFIX.length()).split(":", -1) : new String[0];
    if (parts.length != 3) {
      throw new IllegalArgumentException("expected " + PREFIX + "iterations:salt:hash");
    }
    Parsed parsed;
    try {
      parsed = new Parsed(Integer.parseInt(parts[0]), Base64.getDecoder().decode(parts[1]),
          Base64.getDecoder().decode(parts[2]));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("expected " + PREFIX + "iterations:salt:hash with base64 salt and hash");
    }
    if (parsed.iterations() < 1 || parsed.salt().length == 0 || parsed.hash().length == 0) {
      throw new IllegalArgumentException("the iterations, salt and hash must not be empty or zero");
    }
    return parsed;
  }

  private static byte[] derive(char[] password, byte[] salt, int iterations) {
    PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, HASH_BITS);
    try {
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK lacks PBKDF2WithHmacSHA256", e);
    } finally {
      spec.clearPassword();
    }
  }
}
