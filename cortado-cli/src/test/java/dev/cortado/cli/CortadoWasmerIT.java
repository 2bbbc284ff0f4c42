package dev.cortado.cli;

import static dev.cortado.oci.testing.WebcWriter.fsMapping;
import static dev.cortado.oci.testing.WebcWriter.map;
import static dev.cortado.oci.testing.WebcWriter.wasiCommand;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cortado.oci.testing.WebcWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/cortado} runs and inspects a Wasmer package, as a user would, with its own store. */
class CortadoWasmerIT {
  @TempDir Path dir;

  @Test
  void runsAWebcPackageThroughTheLauncherAndKeepsItsVolumeInTheStore() throws Exception {
    Path webc =
        Files.write(
            dir.resolve("hello.webc"),
            WebcWriter.v3()
                .manifest(
                    map(
                        "package",
                        map("fs", List.of(fsMapping("data", "/", "/data"))),
                        "commands",
                        map("hello", wasiCommand("hello", "--packaged")),
                        "entrypoint",
                        "hello"))
                .atom("hello", WasmerPackageRunTest.MODULE)
                .volume("data", Map.of("hello.txt", "from the store\n".getBytes(UTF_8)))
                .build());
    Path store = dir.resolve("store");
    Map<String, String> env = Map.of("CORTADO_CACHE_DIR", store.toString());
    CliRun run = CliRun.cortado(dir, env, "", "run", webc.toString(), "arg");
    run.assertOk();
    assertEquals("hello\n--packaged\narg\nfrom the store\nread-only\n", run.out());
    try (Stream<Path> volumes = Files.list(store.resolve("volumes"))) {
      assertEquals(1, volumes.count(), "one volume folder, by digest");
    }
    CliRun inspect = CliRun.cortado(dir, env, "", "inspect", webc.toString());
    inspect.assertOk();
    assertTrue(inspect.out().contains("data                 1 files, 0 folders"), inspect.out());
    Files.write(webc, new byte[] {0, 'w', 'e', 'b', 'c', '0', '0', '7'});
    CliRun bad = CliRun.cortado(dir, env, "", "run", webc.toString());
    bad.assertOneLineError("its version '007' is not a webc version (002 or 003)");
  }
}
