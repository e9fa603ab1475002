package org.retorno.local.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryAuthenticatorTest {
  @TempDir
  Path dir;

  private static String basic(String userInfo) {
    return "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void hashedAndPlainUsersAndTokensAreAccepted() throws Exception {
    Path users = Files.writeString(dir.resolve("users"), "# comment\nalice: " + PasswordHash.hash("pw-1".toCharArray(), 1_000)
        + ",admin\nbob: plain-pw\n");
    Path tokens = Files.writeString(dir.resolve("tokens"), "ingest: SHA-256:"
        + "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\nstreams: raw-token\n");
    RegistryAuthenticator auth = RegistryAuthenticator.load(Optional.of(users), Optional.of(tokens));

    assertThat(auth.authenticate(basic("alice:pw-1"))).isEqualTo("alice");
    assertThat(auth.authenticate(basic("alice:pw-1"))).isEqualTo("alice");
    assertThat(auth.authenticate(basic("bob:plain-pw"))).isEqualTo("bob");
    assertThat(auth.authenticate("Bearer test")).isEqualTo("ingest");
    assertThat(auth.authenticate("bearer  raw-token ")).isEqualTo("streams");
  }

  @Test
  void refusalsAre401sThatNameNoCredential() throws Exception {
    Path users = Files.writeString(dir.resolve("users"), "alice: " + PasswordHash.hash("pw-1".toCharArray(), 1_000));
    RegistryAuthenticator auth = RegistryAuthenticator.load(Optional.of(users), Optional.empty());

    assertRefused(auth, null, "Unauthorized: authentication is required");
    assertRefused(auth, basic("alice:wrong-secret"), "Unauthorized: wrong user or password");
    assertRefused(auth, basic("mallory:wrong-secret"), "Unauthorized: wrong user or password");
    assertRefused(auth, basic("alice:"), "Unauthorized: wrong user or password");
    assertRefused(auth, "Basic !!not-base64", "Unauthorized: basic credentials must be base64 of user:password");
    assertRefused(auth, basic("no-colon"), "Unauthorized: basic credentials must be base64 of user:password");
    assertRefused(auth, "Bearer some-token", "Unauthorized: this registry accepts Basic authentication");
    assertThat(auth.challenges()).containsExactly("Basic realm=\"retorno-schema-registry\", charset=\"UTF-8\"");
  }

  @Property(tries = 200)
  void noCredentialEverComesBackInTheMessage(@ForAll("schemes") String scheme,
      @ForAll @AlphaChars @NumericChars @StringLength(min = 12, max = 60) String credential) throws Exception {
    RegistryAuthenticator auth = RegistryAuthenticator.load(Optional.empty(), Optional.of(
        Files.writeString(Files.createTempFile("tokens", ""), "t: SHA-256:00\n")));
    assertThatThrownBy(() -> auth.authenticate(scheme + " " + credential))
        .isInstanceOfSatisfying(ApiError.class, e -> {
          assertThat(e.status()).isEqualTo(401);
          assertThat(e.getMessage()).doesNotContain(credential);
        });
  }

  @Provide
  Arbitrary<String> schemes() {
    return Arbitraries.of("Bearer", "bearer", "Basic", "Digest", "");
  }

  @Test
  void badFilesAreNamedByLineNotByContent() throws Exception {
    Path users = Files.writeString(dir.resolve("users"), "alice: PBKDF2-SHA256:x:y\n");
    assertThatThrownBy(() -> RegistryAuthenticator.load(Optional.of(users), Optional.empty()))
        .hasMessage("users file " + users + ": the hash of one user is malformed: expected"
            + " PBKDF2-SHA256:iterations:salt:hash");
    Path noColon = Files.writeString(dir.resolve("users2"), "\nalice-secret-line\n");
    assertThatThrownBy(() -> RegistryAuthenticator.load(Optional.of(noColon), Optional.empty()))
        .hasMessage("users file " + noColon + " line 2: expected 'name: password hash'");
    Path tokens = Files.writeString(dir.resolve("tokens"), "a: SHA-256:zz\n");
    assertThatThrownBy(() -> RegistryAuthenticator.load(Optional.empty(), Optional.of(tokens)))
        .hasMessage("tokens file " + tokens + ": token 'a' is not SHA-256:<hex>");
    assertThatThrownBy(() -> RegistryAuthenticator.load(Optional.empty(), Optional.empty()))
        .hasMessage("give a users file, a tokens file or both");
  }

  @Test
  void aHashIsSaltedAndCarriesItsIterations() {
    String first = PasswordHash.hash("same".toCharArray(), 1_000);
    String second = PasswordHash.hash("same".toCharArray(), 1_000);

    assertThat(first).startsWith("PBKDF2-SHA256:1000:").isNotEqualTo(second).doesNotContain("same");
    assertThat(PasswordHash.matches("same".toCharArray(), first)).isTrue();
    assertThat(PasswordHash.matches("Same".toCharArray(), first)).isFalse();
  }

  private static void assertRefused(RegistryAuthenticator auth, String header, String message) {
    assertThatThrownBy(() -> auth.authenticate(header)).isInstanceOfSatisfying(ApiError.class, e -> {
      assertThat(e.status()).isEqualTo(401);
      assertThat(e.errorCode()).isEqualTo(40101);
      assertThat(e.getMessage()).isEqualTo(message);
    });
  }
}
