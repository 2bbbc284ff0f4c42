package dev.cortado.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code HOST:PORT} options ({@code run --tcplisten}, {@code serve --listen}): a port out of
 * range or a host that does not resolve is the user's mistake, said in words.
 */
class AddressOptionsTest {
  @TempDir Path dir;

  private String error(String... args) {
    InProcess r = InProcess.run(args);
    assertEquals(1, r.status(), r.err());
    assertFalse(r.err().contains("internal error"), r.err());
    return r.err();
  }

  private Path program() throws IOException {
    return Files.writeString(
        dir.resolve("p.wat"), "(module (memory (export \"memory\") 1) (func (export \"_start\")))");
  }

  @Test
  void aListeningPortOutOfRangeIsAUsageError() throws IOException {
    String e = error("run", "--tcplisten=127.0.0.1:99999", program().toString());
    assertTrue(e.contains("the port must be a number from 0 to 65535"), e);
  }

  @Test
  void aListeningHostThatDoesNotResolveIsNamed() throws IOException {
    String run = error("run", "--tcplisten=nonexistent.invalid:8080", program().toString());
    assertTrue(run.contains("cannot resolve the host \"nonexistent.invalid\""), run);
    String serve = error("serve", "--listen", "nonexistent.invalid:3000", program().toString());
    assertTrue(serve.contains("cannot resolve the host \"nonexistent.invalid\""), serve);
  }
}
