package dev.cortado.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cortado.oci.Reference;
import dev.cortado.oci.testing.RealRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/cortado image build}: an OCI layout tarball, a push to the real registry, and the
 * errors a person can act on. (Running the image under containerd: cortado-container's
 * WasmImageIT.)
 */
class ImageCommandIT {
  private static final Path HELLO =
      CliRun.REPO.resolve("cortado-wasi/src/test/resources/programs/hello.wasm");

  @TempDir Path dir;

  private CliRun cortado(String... args) throws Exception {
    return CliRun.cortado(
        dir,
        Map.of(
            "CORTADO_CACHE_DIR", dir.resolve("cache").toString(),
            "CORTADO_CONFIG_DIR", dir.resolve("config").toString(),
            "DOCKER_CONFIG", dir.resolve("docker").toString()),
        "",
        args);
  }

  @Test
  void writesAnOciLayoutWithTheModuleAsEntrypoint() throws Exception {
    CliRun r =
        cortado(
            "image",
            "build",
            HELLO.toString(),
            "-t",
            "example.test/hello:1",
            "--env",
            "A=1",
            "--output",
            "hello.tar");
    r.assertOk();
    assertTrue(r.out().startsWith("wrote example.test/hello:1 to hello.tar"), r.out());
    Path layout = Files.createDirectories(dir.resolve("layout"));
    Process tar =
        new ProcessBuilder(
                "tar", "-xf", dir.resolve("hello.tar").toString(), "-C", layout.toString())
            .start();
    tar.waitFor(30, TimeUnit.SECONDS);
    assertEquals(0, tar.exitValue());
    assertTrue(Files.readString(layout.resolve("index.json")).contains("example.test/hello:1"));
    try (var blobs = Files.list(layout.resolve("blobs/sha256"))) {
      String all =
          blobs
              .map(
                  p -> {
                    try {
                      return Files.readString(p, java.nio.charset.StandardCharsets.ISO_8859_1);
                    } catch (java.io.IOException e) {
                      throw new java.io.UncheckedIOException(e);
                    }
                  })
              .reduce("", String::concat);
      assertTrue(all.contains("\"Entrypoint\":[\"/hello.wasm\"]"), "the config names the module");
      assertTrue(all.contains("module.wasm.image/variant"));
    }
  }

  @Test
  void pushesToARegistry() throws Exception {
    try (RealRegistry registry =
        RealRegistry.open(Files.createDirectory(dir.resolve("registry")))) {
      Reference ref = registry.ref("wasm/hello:1.0");
      CliRun r = cortado("image", "build", HELLO.toString(), "-t", ref.toString());
      r.assertOk();
      assertTrue(r.out().startsWith("pushed " + ref + " digest sha256:"), r.out());
    }
  }

  @Test
  void aMissingModuleOrABadEntrypointIsOneLine() throws Exception {
    cortado("image", "build", "absent.wasm", "-t", "example.test/x:1", "-o", "x.tar")
        .assertOneLineError("absent.wasm: no such file");
    cortado(
            "image",
            "build",
            HELLO.toString(),
            "-t",
            "example.test/x:1",
            "--entrypoint",
            "relative.wasm",
            "-o",
            "x.tar")
        .assertOneLineError("the entrypoint must be an absolute file path");
  }
}
