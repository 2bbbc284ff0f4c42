package dev.cortado.component;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cortado.wasm.testing.ExternalTool;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed {@code components/sockets/sockets.wasm} is what {@code build-sockets.sh} builds
 * from its C source and world (the build is deterministic). Needs Debian's clang with wasi-libc,
 * node and npm (or {@code JCO} naming a jco 1.35.0): skipped without them, unless {@code
 * CORTADO_REQUIRE_TOOLS=1}.
 */
class SocketsFixtureTest {
  private static final Path COMPONENTS = Path.of("src/test/resources/components");

  @TempDir Path dir;

  private static void requireTool(boolean present, String what) {
    ExternalTool.requireThat(
        present, what + " is missing, so the sockets component cannot be rebuilt");
  }

  private static boolean runs(List<String> command, String stdin) {
    return ExternalTool.runs(command, stdin);
  }

  @Test
  void theCommittedComponentIsWhatBuildSocketsBuilds() throws Exception {
    requireTool(
        runs(
            List.of("clang", "--target=wasm32-wasi", "-x", "c", "-o", "/dev/null", "-"),
            "int main(void) { return 0; }\n"),
        "Debian's clang for wasm32-wasi (packages clang, lld, wasi-libc,"
            + " libclang-rt-14-dev-wasm32)");
    requireTool(runs(List.of("node", "--version"), ""), "node (package nodejs)");
    boolean jco = System.getenv("JCO") != null;
    requireTool(jco || runs(List.of("npm", "--version"), ""), "npm (package npm), or JCO");
    Path built = dir.resolve("sockets.wasm");
    List<String> command = new ArrayList<>(List.of("bash"));
    command.add(COMPONENTS.resolve("build-sockets.sh").toString());
    command.add(built.toString());
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor(10, TimeUnit.MINUTES);
    assertEquals(0, p.exitValue(), log);
    assertArrayEquals(
        Files.readAllBytes(COMPONENTS.resolve("sockets/sockets.wasm")),
        Files.readAllBytes(built),
        "sockets.wasm is stale: run build-sockets.sh and commit it");
  }
}
