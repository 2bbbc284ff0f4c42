package dev.cortado.oci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cortado.oci.internal.DockerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cortado's login store and Docker's config.json with its credential helpers. */
class CredentialsTest {
  @TempDir Path dir;

  @Test
  void loginsAreSavedOwnerOnlyFoundAndRemoved() throws Exception {
    LoginStore store = LoginStore.in(dir.resolve("config"));
    store.save("ghcr.io", new Credentials("ada", "pa:ss"));
    store.save("localhost:5000", new Credentials("bob", "x"));
    assertEquals(Optional.of(new Credentials("ada", "pa:ss")), store.find("ghcr.io"));
    assertEquals(
        "rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file())));
    assertEquals(
        "rwx------",
        PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file().getParent())));
    assertFalse(Files.readString(store.file()).contains("pa:ss"), "stored encoded, as Docker does");
    assertTrue(store.remove("ghcr.io"));
    assertFalse(store.remove("ghcr.io"));
    assertTrue(store.find("ghcr.io").isEmpty());
    assertEquals(Optional.of(new Credentials("bob", "x")), store.find("localhost:5000"));
  }

  @Test
  void credentialsNeverShowThePassword() {
    assertFalse(new Credentials("ada", "hunter2").toString().contains("hunter2"));
  }

  @Test
  void dockerConfigInlineAuthsMatchByHost() throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("config.json"),
            """
            {"auths":{
              "https://index.docker.io/v1/":{"auth":"%s"},
              "http://reg.example.com:5000/v2/":{"auth":"%s"}}}"""
                .formatted(
                    new Credentials("hub", "h").encoded(), new Credentials("me", "m").encoded()));
    DockerConfig config = new DockerConfig(file, null);
    assertEquals(Optional.of(new Credentials("hub", "h")), config.find("docker.io"));
    assertEquals(Optional.of(new Credentials("me", "m")), config.find("reg.example.com:5000"));
    assertTrue(config.find("ghcr.io").isEmpty());
  }

  @Test
  void dockerCredentialHelpersAreAskedWithTheServerUrl() throws Exception {
    Path helper = dir.resolve("docker-credential-fake");
    Files.writeString(
        helper,
        """
        #!/bin/sh
        read server
        [ "$1" = get ] || exit 2
        case "$server" in
          ghcr.io) echo '{"ServerURL":"ghcr.io","Username":"octo","Secret":"tok"}' ;;
          https://index.docker.io/v1/) echo '{"Username":"hubby","Secret":"hs"}' ;;
          *) echo "credentials not found in native keychain"; exit 1 ;;
        esac
        """);
    Files.setPosixFilePermissions(helper, PosixFilePermissions.fromString("rwx------"));
    Path file =
        Files.writeString(
            dir.resolve("config.json"),
            "{\"credsStore\":\"fake\",\"credHelpers\":{\"ghcr.io\":\"fake\"},"
                + "\"auths\":{\"quay.io\":{\"auth\":\""
                + new Credentials("q", "qq").encoded()
                + "\"}}}");
    DockerConfig config = new DockerConfig(file, dir);
    assertEquals(Optional.of(new Credentials("octo", "tok")), config.find("ghcr.io"));
    assertEquals(Optional.of(new Credentials("hubby", "hs")), config.find("docker.io"));
    assertEquals(Optional.of(new Credentials("q", "qq")), config.find("quay.io"));
    assertTrue(config.find("example.com").isEmpty());
  }

  @Test
  void aHelperThatHangsIsGivenUpOnNotWaitedForForEver() throws Exception {
    Path helper = dir.resolve("docker-credential-stuck");
    Files.writeString(helper, "#!/bin/sh\nexec sleep 60\n");
    Files.setPosixFilePermissions(helper, PosixFilePermissions.fromString("rwx------"));
    Path file = Files.writeString(dir.resolve("config.json"), "{\"credsStore\":\"stuck\"}");
    DockerConfig config = new DockerConfig(file, dir, Duration.ofSeconds(1));
    long start = System.nanoTime();
    OciException e = assertThrows(OciException.class, () -> config.find("ghcr.io"));
    assertTrue(
        e.getMessage().contains("docker-credential-stuck did not answer within 1 seconds"),
        e.getMessage());
    assertTrue(System.nanoTime() - start < 20_000_000_000L, "gave up in about a second");
  }
}
