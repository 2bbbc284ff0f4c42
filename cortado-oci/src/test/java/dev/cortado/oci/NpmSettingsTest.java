package dev.cortado.oci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpmSettingsTest {
  @TempDir Path dir;

  private static final String NPMRC =
      """
      ; settings as npm writes them
      registry=https://npm.example.com/repo/
      @acme:registry = "https://acme.example.com/npm"
      //npm.example.com/repo/:_authToken=${REPO_TOKEN}
      //acme.example.com/:_auth=YWRhOnB3
      //other.example.com/:_authToken=${UNSET_TOKEN}
      # a comment
      [section]
      """;

  private static NpmSettings settings() {
    return NpmSettings.defaults().withNpmrc(NPMRC, Map.of("REPO_TOKEN", "abc"), "test");
  }

  @Test
  void aRegistryThatIsNoHttpAddressIsRefusedWhereItIsWritten() {
    for (String line : new String[] {"registry=not a url", "@a:registry=ftp://x/", "registry=/r"}) {
      OciException e =
          assertThrows(
              OciException.class,
              () -> NpmSettings.defaults().withNpmrc(line, Map.of(), "/home/u/.npmrc"));
      assertEquals(
          "/home/u/.npmrc: " + line.replace("=", " = \"") + "\" is no http:// or https:// address",
          e.getMessage());
    }
    assertThrows(
        IllegalArgumentException.class,
        () -> NpmSettings.defaults().withRegistry(URI.create("file:///srv/npm/")));
  }

  @Test
  void registriesComeFromTheDefaultAndTheScope() {
    NpmSettings s = settings();
    assertEquals(URI.create("https://npm.example.com/repo/"), s.registryFor("plain"));
    assertEquals(URI.create("https://npm.example.com/repo/"), s.registryFor("@other/x"));
    assertEquals(URI.create("https://acme.example.com/npm/"), s.registryFor("@acme/x"));
    assertEquals(NpmSettings.PUBLIC_REGISTRY, NpmSettings.defaults().registryFor("x"));
  }

  @Test
  void tokensGoToUrlsUnderTheirRegistryOnly() {
    NpmSettings s = settings();
    assertEquals(
        Optional.of("Bearer abc"),
        s.authorizationFor(URI.create("https://npm.example.com/repo/pkg")));
    assertEquals(
        Optional.of("Bearer abc"),
        s.authorizationFor(URI.create("https://npm.example.com/repo/pkg/-/pkg-1.0.0.tgz")));
    assertEquals(
        Optional.empty(), s.authorizationFor(URI.create("https://npm.example.com/elsewhere/pkg")));
    assertEquals(
        Optional.of("Basic YWRhOnB3"),
        s.authorizationFor(URI.create("https://acme.example.com/npm/@acme%2fx")));
    assertEquals(Optional.empty(), s.authorizationFor(URI.create("https://other.example.com/pkg")));
    assertEquals(Optional.empty(), s.authorizationFor(URI.create("https://evil.example/repo/")));
  }

  @Test
  void theProjectNpmrcOverridesTheUsers() throws Exception {
    Path user = Files.writeString(dir.resolve("user.npmrc"), "registry=https://user.example/\n");
    Path project = Files.createDirectories(dir.resolve("project/sub"));
    Files.writeString(dir.resolve("project/package.json"), "{}");
    Files.writeString(dir.resolve("project/.npmrc"), "registry=https://project.example/\n");
    NpmSettings s =
        NpmSettings.defaults()
            .withNpmrcFile(user, Map.of())
            .withNpmrcFile(dir.resolve("project/.npmrc"), Map.of());
    assertEquals(URI.create("https://project.example/"), s.registry());
    assertEquals(
        URI.create("https://user.example/"),
        NpmSettings.defaults().withNpmrcFile(user, Map.of()).registry());
    assertEquals(project.getParent(), dir.resolve("project"));
  }
}
