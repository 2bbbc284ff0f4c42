package dev.cortado.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@code bin/cortado} in a separate process, exactly as a user would. */
class CortadoCommandIT {
  private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
  private static final Path PROGRAMS = REPO.resolve("cortado-wasi/src/test/resources/programs");

  @TempDir Path dir;

  private record Run(int status, String out, String err) {}

  private Run cortado(String stdin, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(REPO.resolve("bin/cortado").toString());
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).directory(dir.toFile()).start();
    p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().close();
    var out = p.getInputStream().readAllBytes();
    var err = p.getErrorStream().readAllBytes();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "cortado did not finish");
    return new Run(
        p.exitValue(),
        new String(out, StandardCharsets.UTF_8),
        new String(err, StandardCharsets.UTF_8));
  }

  private static String program(String name) {
    return PROGRAMS.resolve(name + ".wasm").toString();
  }

  private Path wat(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  @Test
  void runsAProgramAndExitsWithItsCode() throws Exception {
    Run r = cortado("", "run", program("hello"), "you");
    assertEquals("hello, you\n", r.out());
    assertEquals(3, r.status());
  }

  @Test
  void theReadmeExampleCountsAFileInAGivenDirectoryAndNothingOutsideIt() throws Exception {
    Path examples = REPO.resolve("examples");
    Run r =
        cortado(
            "",
            "run",
            "--dir",
            examples + "::/ex",
            examples.resolve("wc.wasm").toString(),
            "/ex/wc.c",
            "/ex/../../etc/passwd");
    assertTrue(r.out().matches("(?s)\\s+\\d+\\s+\\d+\\s+\\d+ /ex/wc.c\n.*"), r.out());
    assertTrue(r.err().contains("/ex/../../etc/passwd"), r.err());
    assertFalse(r.out().contains("root:"), "nothing outside the directory was read");
    assertEquals(1, r.status());
  }

  @Test
  void passesStandardInputArgumentsAndEnvironment() throws Exception {
    Run io = cortado("a\nb\n", "run", program("stdio"));
    assertEquals("A\nB\n", io.out());
    assertEquals("2 lines\n", io.err());
    Run env =
        cortado(
            "", "run", "--env", "CORTADO_TEST=yes", "--argv0", "me", program("args_env"), "--x");
    assertTrue(env.out().startsWith("argc=2\nargv[0]=me\nargv[1]=--x\n"), env.out());
    assertTrue(env.out().endsWith("CORTADO_TEST=yes\n"), env.out());
  }

  @Test
  void aTrapPrintsTheWasmStackTraceAndExitsWith134() throws Exception {
    Run r = cortado("", "run", program("exitcode"), "abort");
    assertEquals(134, r.status());
    assertTrue(r.err().contains("trap: unreachable"), r.err());
    assertTrue(r.err().contains("    at main @ 0x"), r.err());
    assertFalse(r.err().contains("at dev.cortado"), "no Java stack trace");
  }

  @Test
  void fuelAndTimeoutsStopRunawayProgramsWith124() throws Exception {
    Path loop = wat("loop.wat", "(module (func (export \"_start\") (loop $l (br $l))))");
    Run fuel = cortado("", "run", "--fuel", "100000", loop.toString());
    assertEquals(124, fuel.status());
    assertTrue(fuel.err().contains("out of fuel"), fuel.err());
    Run time = cortado("", "run", "--timeout", "300ms", loop.toString());
    assertEquals(124, time.status());
    assertTrue(time.err().contains("deadline exceeded"), time.err());
  }

  @Test
  void invokesAFunctionWithArgumentsAndPrintsItsResults() throws Exception {
    Path m =
        wat(
            "add.wat",
            "(module (func (export \"add\") (param i64 f64) (result i64 f64)"
                + " (i64.add (local.get 0) (i64.const 1)) (f64.mul (local.get 1) (f64.const 2))))");
    Run r = cortado("", "run", "--invoke", "add", m.toString(), "41", "1.25");
    assertEquals("42\n2.5\n", r.out());
    assertEquals(0, r.status());
  }

  @Test
  void errorsSayWhatIsWrongWithoutStackTraces() throws Exception {
    Run missing = cortado("", "run", "nope.wasm");
    assertEquals(1, missing.status());
    assertTrue(missing.err().contains("nope.wasm: no such file"), missing.err());
    Path junk = Files.writeString(dir.resolve("junk.wasm"), "\u0001\u0002not wasm");
    Run malformed = cortado("", "run", junk.toString());
    assertEquals(1, malformed.status());
    assertTrue(
        malformed.err().contains("malformed module: magic header not detected"), malformed.err());
    Path old = wat("old.wat", "(module (import \"wasi_unstable\" \"fd_write\" (func)))");
    Run unlinkable = cortado("", "run", old.toString());
    assertEquals(1, unlinkable.status());
    assertTrue(unlinkable.err().contains("WASI preview 0 (wasi_unstable)"), unlinkable.err());
    Run badFlag = cortado("", "run", "--frob", program("hello"));
    assertEquals(2, badFlag.status());
    assertTrue(badFlag.err().contains("Unknown option: '--frob'"), badFlag.err());
    for (Run r : List.of(missing, malformed, unlinkable, badFlag)) {
      assertFalse(r.err().contains("\tat "), "no Java stack trace: " + r.err());
    }
  }

  @Test
  void limitsMemoryWithMaxMemory() throws Exception {
    Path big = wat("big.wat", "(module (memory 100) (func (export \"_start\")))");
    Run r = cortado("", "run", "--max-memory", "1MiB", big.toString());
    assertEquals(1, r.status());
    assertTrue(r.err().contains("memory of 100 pages exceeds the limit of 16 pages"), r.err());
  }

  @Test
  void validateAndWat2wasmAndWastWorkOnFiles() throws Exception {
    Path m = wat("m.wat", "(module (func (export \"f\") (result i32) (i32.const 7)))");
    Run convert = cortado("", "wat2wasm", m.toString());
    assertEquals(0, convert.status(), convert.err());
    Path binary = dir.resolve("m.wasm");
    assertTrue(Files.size(binary) > 8);
    Run validate = cortado("", "validate", binary.toString());
    assertEquals(binary + ": valid\n", validate.out());
    Path script =
        wat(
            "t.wast",
            "(module (func (export \"f\") (result i32) (i32.const 7)))\n"
                + "(assert_return (invoke \"f\") (i32.const 7))\n"
                + "(assert_return (invoke \"f\") (i32.const 8))\n");
    Run wast = cortado("", "wast", script.toString());
    assertEquals(1, wast.status());
    String[] lines = wast.out().split("\n");
    assertTrue(lines[0].startsWith(script + ":3: assert_return: "), wast.out());
    assertEquals("2 passed, 1 failed, 0 skipped", lines[lines.length - 1]);
  }

  @Test
  void compileFillsTheCodeCacheThatRunWithTheCompilerThenUses() throws Exception {
    Path m =
        wat(
            "add.wat",
            "(module (func (export \"add\") (param i32 i32) (result i32)"
                + " (i32.add (local.get 0) (local.get 1))))");
    assertEquals(0, cortado("", "wat2wasm", m.toString()).status());
    Path binary = dir.resolve("add.wasm");
    Path cache = dir.resolve("cache");
    Run compile = cortado("", "compile", "--cache-dir", cache.toString(), binary.toString());
    assertEquals(0, compile.status(), compile.err());
    assertTrue(compile.out().startsWith("cached " + cache), compile.out());
    Path entry;
    try (var files = Files.list(cache)) {
      entry = files.findFirst().orElseThrow();
    }
    Object inode = Files.getAttribute(entry, "unix:ino");

    ProcessBuilder run =
        new ProcessBuilder(
                REPO.resolve("bin/cortado").toString(),
                "run",
                "--engine=compiler",
                "--invoke",
                "add",
                binary.toString(),
                "40",
                "2")
            .directory(dir.toFile());
    run.environment().put("CORTADO_CACHE_DIR", cache.toString());
    Process p = run.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals("42\n", out, err);
    assertEquals(inode, Files.getAttribute(entry, "unix:ino"), "the entry was used, not rewritten");
  }

  @Test
  void compileWritesAJarOfTheClasses() throws Exception {
    Path m = wat("k.wat", "(module (func (export \"k\") (result i32) (i32.const 7)))");
    Path jar = dir.resolve("k.jar");
    Run r = cortado("", "compile", m.toString(), "-o", jar.toString());
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().startsWith("wrote " + jar), r.out());
    try (var j = new java.util.jar.JarFile(jar.toFile())) {
      assertTrue(j.stream().anyMatch(e -> e.getName().startsWith("META-INF/cortado/compiled/")));
      assertTrue(j.stream().anyMatch(e -> e.getName().endsWith("Entry.class")));
    }
  }
}
