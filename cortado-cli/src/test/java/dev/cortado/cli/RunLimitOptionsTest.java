package dev.cortado.cli;

import static dev.cortado.cli.InProcess.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cortado run}'s {@code --fuel} and {@code --timeout}: a limit that cannot be meant is the
 * user's mistake, said before the module is even read; a real one stops the program.
 */
class RunLimitOptionsTest {
  @TempDir Path dir;

  private Path endlessLoop() throws IOException {
    Path wat = dir.resolve("loop.wat");
    Files.writeString(
        wat,
        """
        (module
          (memory (export "memory") 1)
          (func (export "_start") (loop (br 0))))
        """);
    return wat;
  }

  @Test
  void negativeFuelIsAUsageErrorNotAnInternalOne() throws IOException {
    InProcess r = run("run", "--fuel=-5", endlessLoop().toString());
    assertEquals(1, r.status());
    assertTrue(r.err().contains("--fuel must not be negative, not -5"), r.err());
    assertFalse(r.err().contains("internal error"), r.err());
  }

  @Test
  void zeroTimeoutIsRefused() throws IOException {
    InProcess r = run("run", "--timeout=0s", endlessLoop().toString());
    assertEquals(1, r.status());
    assertTrue(r.err().contains("--timeout must be more than 0"), r.err());
  }

  @Test
  void aWrongLimitIsReportedBeforeTheModuleIsLookedFor() {
    InProcess r = run("run", "--fuel=-1", dir.resolve("missing.wasm").toString());
    assertTrue(r.err().contains("--fuel must not be negative"), r.err());
    assertFalse(r.err().contains("no such file"), r.err());
  }

  @Test
  void limitsThatCanBeMetStopTheProgram() throws IOException {
    Path loop = endlessLoop();
    InProcess fuel = run("run", "--fuel=100000", loop.toString());
    assertEquals(124, fuel.status(), fuel.err());
    InProcess time = run("run", "--timeout=200ms", loop.toString());
    assertEquals(124, time.status(), time.err());
  }
}
