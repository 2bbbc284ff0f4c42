package dev.cortado.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.cortado.wasm.testing.ComponentFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed wasi:http test component {@code components/http.wasm} is what {@code
 * build-components.sh} builds from {@code programs/components/http.c} (the build is deterministic).
 * Needs Debian's clang with wasi-libc, node and npm (or {@code JCO}): skipped without them, unless
 * {@code CORTADO_REQUIRE_TOOLS=1}.
 */
class HttpComponentFixtureTest {
  @Test
  void theCommittedComponentIsWhatItsScriptBuilds(@TempDir Path dir) throws Exception {
    ComponentFixture.assertRebuilds(
        Path.of("src/test/programs/build-components.sh"),
        Path.of("src/test/resources/components/http.wasm"),
        dir.resolve("http.wasm"));
    assertArrayEquals(
        Files.readAllBytes(Path.of("src/test/resources/components/unlinkable.wasm")),
        Files.readAllBytes(dir.resolve("unlinkable.wasm")),
        "unlinkable.wasm is stale: run build-components.sh and commit it");
  }
}
