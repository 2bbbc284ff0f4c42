package dev.cortado.oci;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cortado.oci.testing.RealRegistry;
import dev.cortado.oci.testing.TokenServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real registry with Basic (htpasswd, bcrypt) and with token (RS256 JWT) authentication. */
class AuthRegistryTest {
  @TempDir static Path basicDir;
  @TempDir static Path tokenDir;
  @TempDir Path dir;

  private static RealRegistry basic;
  private static RealRegistry token;
  private static TokenServer tokens;

  @BeforeAll
  static void start() throws Exception {
    basic = RealRegistry.htpasswd(basicDir, "ada", "s3cret-pass");
    tokens = new TokenServer(tokenDir, Map.of("grace", "hopper-pw"));
    token = RealRegistry.token(tokenDir, tokens);
  }

  @AfterAll
  static void stop() throws Exception {
    for (AutoCloseable c : new AutoCloseable[] {basic, token, tokens}) {
      if (c != null) {
        c.close();
      }
    }
  }

  private Oci oci(String store, RealRegistry registry, Credentials credentials) {
    CredentialSource source =
        credentials == null
            ? CredentialSource.none()
            : CredentialSource.of(Map.of(registry.host(), credentials));
    return Oci.create(
        RegistryClient.builder().credentials(source).build(), LocalStore.open(dir.resolve(store)));
  }

  @Test
  void basicAuthPushesAndPullsWithCredentials() throws Exception {
    byte[] module = TestModules.core("basic");
    Credentials ada = new Credentials("ada", "s3cret-pass");
    Reference ref = basic.ref("private/app:1");
    oci("s", basic, ada).push(module, ref, Map.of(), Progress.none());
    StoredImage image = oci("p", basic, ada).pull(ref, Progress.none());
    assertArrayEquals(module, Files.readAllBytes(image.path()));
  }

  @Test
  void basicAuthWithoutCredentialsSaysToLogIn() {
    OciException e =
        assertThrows(
            OciException.class,
            () -> oci("p", basic, null).pull(basic.ref("private/app:1"), Progress.none()));
    assertEquals(OciException.Kind.UNAUTHORIZED, e.kind());
    assertTrue(e.getMessage().contains("run 'cortado login " + basic.host() + "'"), e.getMessage());
  }

  @Test
  void aWrongPasswordIsRefusedWithoutShowingIt() {
    Oci wrong = oci("p", basic, new Credentials("ada", "not-the-password"));
    OciException e =
        assertThrows(
            OciException.class,
            () ->
                wrong.push(
                    TestModules.core("x"), basic.ref("private/x:1"), Map.of(), Progress.none()));
    assertEquals(OciException.Kind.UNAUTHORIZED, e.kind());
    assertTrue(e.getMessage().contains("refused the credentials"), e.getMessage());
    assertFalse(e.getMessage().contains("not-the-password"));
  }

  @Test
  void tokenAuthPushesAndPullsWithFewTokenRequests() throws Exception {
    byte[] module = TestModules.core("token", 3 * 1024 * 1024);
    Credentials grace = new Credentials("grace", "hopper-pw");
    Reference ref = token.ref("secure/app:1");
    int before = tokens.requests.size();
    Oci pusher =
        Oci.create(
            RegistryClient.builder()
                .credentials(CredentialSource.of(Map.of(token.host(), grace)))
                .chunkSize(1024 * 1024)
                .build(),
            LocalStore.open(dir.resolve("s")));
    PushResult pushed = pusher.push(module, ref, Map.of(), Progress.none());
    assertEquals(BlobOutcome.UPLOADED_IN_CHUNKS, pushed.moduleOutcome());
    List<TokenServer.Request> pushTokens = tokens.requests.subList(before, tokens.requests.size());
    assertEquals(1, pushTokens.size(), "one cached token for the whole push: " + pushTokens);
    assertEquals(List.of("repository:secure/app:pull,push"), pushTokens.get(0).scopes());
    assertEquals("grace", pushTokens.get(0).user());

    StoredImage image = oci("p", token, grace).pull(ref, Progress.none());
    assertArrayEquals(module, Files.readAllBytes(image.path()));
  }

  @Test
  void aMountAsksForPullOnTheSourceRepository() {
    byte[] module = TestModules.core("token-mount");
    Credentials grace = new Credentials("grace", "hopper-pw");
    Oci oci = oci("s", token, grace);
    oci.push(module, token.ref("secure/source:1"), Map.of(), Progress.none());
    PushResult second = oci.push(module, token.ref("secure/copy:1"), Map.of(), Progress.none());
    assertEquals(BlobOutcome.MOUNTED, second.moduleOutcome());
    assertTrue(
        tokens.requests.stream()
            .anyMatch(
                r ->
                    r.scopes().contains("repository:secure/source:pull")
                        && r.scopes().contains("repository:secure/copy:pull,push")),
        tokens.requests.toString());
  }

  @Test
  void tokenAuthWithoutCredentialsIsUnauthorized() {
    OciException e =
        assertThrows(
            OciException.class,
            () -> oci("p", token, null).pull(token.ref("secure/app:1"), Progress.none()));
    assertEquals(OciException.Kind.UNAUTHORIZED, e.kind(), e.getMessage());
    assertTrue(e.getMessage().contains("cortado login " + token.host()), e.getMessage());
  }

  @Test
  void tokenEndpointRefusingCredentialsSaysSo() {
    Oci wrong = oci("p", token, new Credentials("grace", "wrong"));
    OciException e =
        assertThrows(
            OciException.class, () -> wrong.pull(token.ref("secure/app:1"), Progress.none()));
    assertEquals(OciException.Kind.UNAUTHORIZED, e.kind());
    assertTrue(e.getMessage().contains("refused the credentials"), e.getMessage());
  }
}
