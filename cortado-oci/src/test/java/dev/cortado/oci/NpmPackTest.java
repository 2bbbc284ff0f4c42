package dev.cortado.oci;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cortado.oci.testing.NpmRegistryDouble;
import dev.cortado.wasm.testing.ExternalTool;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tarball made by npm itself ({@code npm pack}: node-tar's headers, long names, modes) is read as
 * npm would. Skipped when npm is missing, unless {@code CORTADO_REQUIRE_TOOLS=1}.
 */
class NpmPackTest {
  @TempDir Path dir;

  @Test
  void pullsAModuleFromATarballThatNpmPacked() throws Exception {
    Path npm = ExternalTool.require("npm", "npm");
    Path pkg = Files.createDirectories(dir.resolve("pkg"));
    Files.writeString(
        pkg.resolve("package.json"),
        "{\"name\":\"@acme/packed\",\"version\":\"2.1.0\",\"files\":[\"dist\"]}");
    String deep = "dist/" + "nested-folder-name/".repeat(7) + "deep.wasm";
    byte[] wanted = TestModules.core("packed-deep");
    Files.createDirectories(pkg.resolve(deep).getParent());
    Files.write(pkg.resolve(deep), wanted);
    Files.write(pkg.resolve("dist/other.wasm"), TestModules.core("other"));
    ProcessBuilder pb =
        new ProcessBuilder(
                npm.toString(), "pack", "--ignore-scripts", "--pack-destination", dir.toString())
            .directory(pkg.toFile())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("npm.log").toFile());
    // npm's cache and logs go to the test's folder, not the user's ~/.npm.
    pb.environment().put("npm_config_cache", dir.resolve("npm-cache").toString());
    Process p = pb.start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("npm pack did not finish");
    }
    assertEquals(0, p.exitValue(), Files.readString(dir.resolve("npm.log")));
    Path tgz;
    try (Stream<Path> files = Files.list(dir)) {
      tgz = files.filter(f -> f.toString().endsWith(".tgz")).findFirst().orElseThrow();
    }
    try (NpmRegistryDouble registry =
        NpmRegistryDouble.start(Files.createDirectory(dir.resolve("registry")))) {
      registry.publish("@acme/packed", "2.1.0", Files.readAllBytes(tgz));
      Npm client =
          Npm.create(
              NpmSettings.defaults().withRegistry(URI.create(registry.url())),
              LocalStore.open(dir.resolve("store")));
      StoredImage image =
          client.pull(NpmReference.parse("npm:@acme/packed/" + deep), Progress.none());
      assertEquals("npm:@acme/packed@2.1.0/" + deep, image.reference().toString());
      assertArrayEquals(wanted, Files.readAllBytes(image.path()));
      OciException several =
          assertThrows(
              OciException.class,
              () -> client.pull(NpmReference.parse("npm:@acme/packed"), Progress.none()));
      assertEquals(OciException.Kind.AMBIGUOUS_MODULE, several.kind());
      assertTrue(several.getMessage().contains(deep), several.getMessage());
      assertTrue(several.getMessage().contains("dist/other.wasm"), several.getMessage());
    }
  }
}
