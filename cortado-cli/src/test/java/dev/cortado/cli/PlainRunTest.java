package dev.cortado.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cortado run [--engine=ENGINE] MODULE ARGS...} without other options runs without picocli
 * ({@link RunCommand#isPlain}); it must mean exactly what picocli makes of the same line. Each case
 * runs both ways (picocli's by giving the default edition explicitly) and compares status and
 * messages.
 */
class PlainRunTest {
  @TempDir Path dir;

  private record Run(int status, String out, String err) {}

  private static Run run(List<String> args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status =
        Main.run(
            args.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(status, out.toString(), err.toString());
  }

  /** Runs {@code run MODULE ARGS...} plainly and through picocli; returns the plain run. */
  private static Run bothWays(String module, String... args) {
    return bothWays(List.of(), module, args);
  }

  /**
   * Runs {@code run OPTIONS MODULE ARGS...} plainly and through picocli (with {@code --wasm=3.0},
   * the default, added); returns the plain run.
   */
  private static Run bothWays(List<String> options, String module, String... args) {
    List<String> plain = new ArrayList<>(List.of("run"));
    plain.addAll(options);
    plain.add(module);
    plain.addAll(List.of(args));
    assertTrue(RunCommand.isPlain(plain.toArray(String[]::new)));
    List<String> parsed = new ArrayList<>(plain);
    parsed.add(1, "--wasm=3.0");
    assertFalse(RunCommand.isPlain(parsed.toArray(String[]::new)));
    Run fast = run(plain);
    assertEquals(run(parsed), fast, String.join(" ", plain));
    return fast;
  }

  private Path wat(String name, String body) throws IOException {
    return Files.writeString(
        dir.resolve(name),
        "(module (import \"wasi_snapshot_preview1\" \"proc_exit\" (func $exit (param i32)))"
            + " (import \"wasi_snapshot_preview1\" \"args_sizes_get\""
            + " (func $sizes (param i32 i32) (result i32)))"
            + " (memory (export \"memory\") 1)"
            + body
            + ")");
  }

  @Test
  void theProgramsArgumentsOptionsIncludedReachItAsPicocliPassesThem() throws IOException {
    // Exits with its argument count (argv[0] included).
    Path argc =
        wat(
            "argc.wat",
            "(func (export \"_start\") (drop (call $sizes (i32.const 0) (i32.const 4)))"
                + " (call $exit (i32.load (i32.const 0))))");
    assertEquals(1, bothWays(argc.toString()).status());
    assertEquals(6, bothWays(argc.toString(), "a", "-b", "--c=1", "", "--help").status());
  }

  @Test
  void trapsExitsAndErrorsAreReportedAlike() throws IOException {
    Path trap = wat("trap.wat", "(func (export \"_start\") unreachable)");
    Run trapped = bothWays(trap.toString());
    assertEquals(RunCommand.TRAP_STATUS, trapped.status());
    assertTrue(trapped.err().startsWith("cortado run: "), trapped.err());
    assertEquals(
        7,
        bothWays(
                wat("exit.wat", "(func (export \"_start\") (call $exit (i32.const 7)))").toString())
            .status());
    Run missing = bothWays(dir.resolve("missing.wasm").toString());
    assertEquals(1, missing.status());
    assertTrue(missing.err().startsWith("cortado run: "), missing.err());
    Path noStart = wat("nostart.wat", "(func (export \"other\"))");
    assertEquals(1, bothWays(noStart.toString()).status());
  }

  @Test
  void anEngineGivenFirstIsReadWithoutPicocliToo() throws IOException {
    Path argc =
        wat(
            "argc.wat",
            "(func (export \"_start\") (drop (call $sizes (i32.const 0) (i32.const 4)))"
                + " (call $exit (i32.load (i32.const 0))))");
    for (String engine : List.of("auto", "interpreter", "compiler")) {
      assertEquals(3, bothWays(List.of("--engine=" + engine), argc.toString(), "a", "-b").status());
    }
    Run unknown = bothWays(List.of("--engine=turbo"), argc.toString());
    assertEquals(1, unknown.status());
    assertTrue(unknown.err().contains("unknown --engine 'turbo'"), unknown.err());
  }

  @Test
  void linesPicocliMustReadAreNotPlain() {
    assertFalse(RunCommand.isPlain(new String[] {"run"}));
    assertFalse(RunCommand.isPlain(new String[] {"run", "--help"}));
    assertFalse(RunCommand.isPlain(new String[] {"run", "@args.txt"}));
    assertFalse(RunCommand.isPlain(new String[] {"run", "prog.wasm", "@args.txt"}));
    assertFalse(RunCommand.isPlain(new String[] {"run", "prog.wasm", "--", "x"}));
    assertFalse(RunCommand.isPlain(new String[] {"validate", "prog.wasm"}));
    assertFalse(RunCommand.isPlain(new String[] {"run", "--engine=compiler"}));
    assertFalse(RunCommand.isPlain(new String[] {"run", "--engine", "compiler", "prog.wasm"}));
    assertFalse(
        RunCommand.isPlain(new String[] {"run", "--engine=compiler", "--fuel=9", "prog.wasm"}));
    assertTrue(RunCommand.isPlain(new String[] {"run", "prog.wasm", "-x", "--y"}));
  }
}
