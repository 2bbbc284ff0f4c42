package dev.cortado.wasm.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Checks that a committed component built from C (by cortado-component's build-c-component.sh:
 * Debian's clang with wasi-libc, node, and jco from npm or {@code $JCO}) is what its build script
 * makes now: the build is deterministic, so a stale fixture fails. Without the tools the check is
 * skipped, unless {@code CORTADO_REQUIRE_TOOLS=1}.
 */
public final class ComponentFixture {
  private ComponentFixture() {}

  /**
   * Runs {@code script} with {@code built} as its only argument and asserts {@code built} has the
   * bytes of {@code committed}.
   */
  public static void assertRebuilds(Path script, Path committed, Path built)
      throws IOException, InterruptedException {
    String why = " is missing, so " + committed.getFileName() + " cannot be rebuilt";
    ExternalTool.requireThat(
        ExternalTool.runs(
            List.of("clang", "--target=wasm32-wasi", "-x", "c", "-o", "/dev/null", "-"),
            "int main(void) { return 0; }\n"),
        "Debian's clang for wasm32-wasi (packages clang, lld, wasi-libc,"
            + " libclang-rt-14-dev-wasm32)"
            + why);
    ExternalTool.requireThat(
        ExternalTool.runs(List.of("node", "--version"), ""), "node (package nodejs)" + why);
    ExternalTool.requireThat(
        System.getenv("JCO") != null || ExternalTool.runs(List.of("npm", "--version"), ""),
        "npm (package npm), or JCO naming a jco binary," + why);
    Process p =
        new ProcessBuilder("bash", script.toString(), built.toString())
            .redirectErrorStream(true)
            .start();
    String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor(10, TimeUnit.MINUTES);
    assertEquals(0, p.exitValue(), log);
    assertArrayEquals(
        Files.readAllBytes(committed),
        Files.readAllBytes(built),
        committed.getFileName() + " is stale: run " + script.getFileName() + " and commit it");
  }
}
