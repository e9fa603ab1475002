package org.retorno.local.registry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides who a request comes from: HTTP basic against a users file, or a bearer token against a
 * tokens file. A refusal is a 401 whose message never repeats what the client sent.
 *
 * <p>Users file, the shape of Jetty's (and so Confluent's PropertyFileLoginModule) realm files:
 * {@code user: PBKDF2-SHA256:iterations:salt:hash[,role...]} (make one with
 * {@code retorno registry hash-password}); a password without that prefix is taken as plain
 * text and the load warns. Tokens file: {@code name: SHA-256:<hex of the token>} or
 * {@code name: <token>} (plain, with a warning). {@code #} starts a comment.
 */
public final class RegistryAuthenticator {
  private static final Logger LOG = LoggerFactory.getLogger(RegistryAuthenticator.class);
  static final String REALM = "retorno-schema-registry";
  private static final String SHA256_PREFIX = "SHA-256:";
  /** Verified basic credentials, by a digest of the header, so PBKDF2 runs once per client, not per request. */
  private static final int VERIFIED_CACHE_LIMIT = 1_024;

  private final Map<String, String> passwordByUser;
  /** Digests of the accepted tokens, with the token's name. */
  private final Map<String, byte[]> tokenDigestByName;
  private final Map<String, String> verifiedBasic = new ConcurrentHashMap<>();
  /** A real entry's hash, checked for unknown users so that they cost as much as known ones. */
  private final String decoy;

  private RegistryAuthenticator(Map<String, String> passwordByUser, Map<String, byte[]> tokenDigestByName) {
    this.passwordByUser = Map.copyOf(passwordByUser);
    this.decoy = passwordByUser.isEmpty() ? "" : passwordByUser.values().iterator().next();
    this.tokenDigestByName = Map.copyOf(tokenDigestByName);
  }

  /**
   * @param usersFile basic auth users, if basic auth is wanted
   * @param tokensFile bearer tokens, if bearer auth is wanted
   * @throws IllegalArgumentException naming the file and line when one cannot be read
   */
  public static RegistryAuthenticator load(Optional<Path> usersFile, Optional<Path> tokensFile) {
    if (usersFile.isEmpty() && tokensFile.isEmpty()) {
      throw new IllegalArgumentException("give a users file, a tokens file or both");
    }
    Map<String, String> users = new LinkedHashMap<>();
    usersFile.ifPresent(file -> readEntries(file, "user").forEach((user, value) -> {
      String password = value.split(",", 2)[0].strip();
      if (PasswordHash.isHash(password)) {
        try {
          PasswordHash.parse(password);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("users file " + file + ": the hash of one user is malformed: "
              + e.getMessage());
        }
      }
      users.put(user, password);
    }));
    Map<String, byte[]> tokens = new LinkedHashMap<>();
    tokensFile.ifPresent(file -> readEntries(file, "token").forEach((name, value) -> {
      if (value.startsWith(SHA256_PREFIX)) {
        try {
          tokens.put(name, HexFormat.of().parseHex(value.substring(SHA256_PREFIX.length()).strip()));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("tokens file " + file + ": token '" + name
              + "' is not SHA-256:<hex>");
        }
      } else {
        tokens.put(name, sha256(value));
      }
    }));
    warnAboutPlainSecrets(usersFile, users.values().stream().filter(p -> !PasswordHash.isHash(p)).count(),
        tokensFile, tokensFile.map(RegistryAuthenticator::plainTokens).orElse(0L));
    return new RegistryAuthenticator(users, tokens);
  }

  /** The challenges a 401 carries, one per accepted scheme. */
  List<String> challenges() {
    List<String> challenges = new ArrayList<>();
    if (!passwordByUser.isEmpty()) {
      challenges.add("Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
    }
    if (!tokenDigestByName.isEmpty()) {
      challenges.add("Bearer realm=\"" + REALM + "\"");
    }
    return challenges;
  }

  /**
   * @return the user or token name
   * @throws ApiError 401 when the header is missing, malformed or wrong
   */
  String authenticate(String authorization) {
    if (authorization == null || authorization.isBlank()) {
      throw ApiError.unauthorized("authentication is required");
    }
    String header = authorization.strip();
    int space = header.indexOf(' ');
    String scheme = space < 0 ? header : header.substring(0, space);
    String credentials = space < 0 ? "" : header.substring(space + 1).strip();
    if (scheme.equalsIgnoreCase("Basic") && !passwordByUser.isEmpty()) {
      return basic(credentials);
    }
    if (scheme.equalsIgnoreCase("Bearer") && !tokenDigestByName.isEmpty()) {
      return bearer(credentials);
    }
    throw ApiError.unauthorized("this registry accepts " + String.join(" or ", schemes()) + " authentication");
  }

  private String basic(String credentials) {
    String digest = HexFormat.of().formatHex(sha256(credentials));
    String known = verifiedBasic.get(digest);
    if (known != null) {
      return known;
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(credentials), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw ApiError.unauthorized("basic credentials must be base64 of user:password");
    }
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      throw ApiError.unauthorized("basic credentials must be base64 of user:password");
    }
    String user = decoded.substring(0, colon);
    char[] password = decoded.substring(colon + 1).toCharArray();
    String stored = passwordByUser.get(user);
    // An unknown user costs the same hash as a known one, so timing does not tell which users exist.
    boolean ok = stored != null && !decoded.substring(colon + 1).isEmpty() && check(password, stored);
    if (stored == null) {
      check(password, decoy);
    }
    Arrays.fill(password, '\0');
    if (!ok) {
      throw ApiError.unauthorized("wrong user or password");
    }
    if (verifiedBasic.size() >= VERIFIED_CACHE_LIMIT) {
      verifiedBasic.clear();
    }
    verifiedBasic.put(digest, user);
    return user;
  }

  private static boolean check(char[] password, String stored) {
    if (PasswordHash.isHash(stored)) {
      return PasswordHash.matches(password, stored);
    }
    return MessageDigest.isEqual(sha256(new String(password)), sha256(stored));
  }

  private String bearer(String token) {
    byte[] given = sha256(token);
    String match = null;
    // Every entry is compared, in constant time, so timing does not tell which one was close.
    for (Map.Entry<String, byte[]> entry : tokenDigestByName.entrySet()) {
      if (MessageDigest.isEqual(given, entry.getValue())) {
        match = entry.getKey();
      }
    }
    if (match == null || token.isEmpty()) {
      throw ApiError.unauthorized("the bearer token is not valid");
    }
    return match;
  }

  private List<String> schemes() {
    List<String> schemes = new ArrayList<>();
    if (!passwordByUser.isEmpty()) {
      schemes.add("Basic");
    }
    if (!tokenDigestByName.isEmpty()) {
      schemes.add("Bearer");
    }
    return schemes;
  }

  private static Map<String, String> readEntries(Path file, String what) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + what + "s file " + file + ": " + e.getMessage(), e);
    }
    Map<String, String> entries = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int colon = line.indexOf(':');
      if (colon <= 0 || line.substring(colon + 1).isBlank()) {
        // The line itself may hold a secret: only its number is named.
        throw new IllegalArgumentException(what + "s file " + file + " line " + (i + 1) + ": expected 'name: "
            + ("user".equals(what) ? "password hash" : "token") + "'");
      }
      String name = line.substring(0, colon).strip();
      if (entries.put(name, line.substring(colon + 1).strip()) != null) {
        throw new IllegalArgumentException(what + "s file " + file + " line " + (i + 1) + ": a second entry for"
            + " the same name");
      }
    }
    if (entries.isEmpty()) {
      throw new IllegalArgumentException(what + "s file " + file + " has no entries");
    }
    return entries;
  }

  private static long plainTokens(Path file) {
    return readEntries(file, "token").values().stream().filter(v -> !v.startsWith(SHA256_PREFIX)).count();
  }

  private static void warnAboutPlainSecrets(Optional<Path> usersFile, long plainPasswords, Optional<Path> tokensFile,
      long plainTokenCount) {
    if (plainPasswords > 0) {
      LOG.warn("Users file {} holds {} plain-text password(s); store PBKDF2 hashes instead"
          + " (retorno registry hash-password)", usersFile.orElseThrow(), plainPasswords);
    }
    if (plainTokenCount > 0) {
      LOG.warn("Tokens file {} holds {} plain-text token(s); store SHA-256:<hex> digests instead",
          tokensFile.orElseThrow(), plainTokenCount);
    }
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks SHA-256", e);
    }
  }
}
