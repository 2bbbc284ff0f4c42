package dev.cortado.component;

import dev.cortado.wasm.testing.ComponentFixture;
import java.nio.file.Path;
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

  @Test
  void theCommittedComponentIsWhatBuildSocketsBuilds(@TempDir Path dir) throws Exception {
    ComponentFixture.assertRebuilds(
        COMPONENTS.resolve("build-sockets.sh"),
        COMPONENTS.resolve("sockets/sockets.wasm"),
        dir.resolve("sockets.wasm"));
  }
}
