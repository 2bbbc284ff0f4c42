package dev.cortado.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Runs {@code bin/cortado} in a separate process, exactly as a user would. */
class CortadoCommandIT {
  private static final Path REPO = CliRun.REPO;
  private static final Path PROGRAMS = REPO.resolve("cortado-wasi/src/test/resources/programs");

  @TempDir Path dir;

  private CliRun cortado(String stdin, String... args) throws Exception {
    return cortado(List.of(), stdin, args);
  }

  /** Runs with {@code jvmOptions} in CORTADO_JAVA_OPTS. */
  private CliRun cortado(List<String> jvmOptions, String stdin, String... args) throws Exception {
    return cortado(Map.of(), jvmOptions, stdin, args);
  }

  /** Runs with {@code env} added to the environment and {@code jvmOptions} in CORTADO_JAVA_OPTS. */
  private CliRun cortado(
      Map<String, String> env, List<String> jvmOptions, String stdin, String... args)
      throws Exception {
    Map<String, String> all = new HashMap<>(env);
    all.put("CORTADO_JAVA_OPTS", String.join(" ", jvmOptions));
    return CliRun.cortado(dir, all, stdin, args);
  }

  private static String program(String name) {
    return PROGRAMS.resolve(name + ".wasm").toString();
  }

  private Path wat(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  @Test
  void theFirstRunTrainsAClassDataSharingArchiveThatLaterRunsLoadCortadoFrom() throws Exception {
    Map<String, String> env = Map.of("XDG_CACHE_HOME", dir.resolve("xdg").toString());
    Path cache = dir.resolve("xdg/cortado");
    CliRun first = cortado(env, List.of(), "", "run", program("hello"), "you");
    assertEquals("hello, you\n", first.out());
    // A plain run (no options but the engine) trains the archive of plain runs.
    Path runs = awaitArchive(cache, true);
    List<String> classes = List.of("-Xlog:class+load");
    CliRun plain = cortado(env, classes, "", "run", program("hello"), "you");
    assertTrue(
        plain.out().contains("dev.cortado.cli.RunCommand source: shared objects file"),
        plain.out());
    // Any other command trains the archive of every common command, not only of that one.
    cortado(env, List.of(), "", "validate", program("hello"));
    Path all = awaitArchive(cache, false);
    CliRun second = cortado(env, classes, "", "validate", program("hello"));
    assertTrue(
        second.out().contains("dev.cortado.cli.ValidateCommand source: shared objects file"),
        second.out());
    // Which holds more: the plain runs' archive has no picocli, no text format printer...
    assertTrue(Files.size(runs) < Files.size(all), Files.size(runs) + " >= " + Files.size(all));
    // Beside each, the build's facts (its version, checksums of its classes), which later starts
    // read instead of opening jars: a run reads no version.properties.
    Path facts = runs.resolveSibling(runs.getFileName() + ".facts");
    assertTrue(Files.readString(facts).contains("\nversion="), facts.toString());
    CliRun withFacts =
        cortado(env, List.of("-Xlog:class+init"), "", "run", program("hello"), "you");
    assertTrue(withFacts.out().contains("hello, you"), withFacts.out());
    assertFalse(withFacts.out().contains("java/util/Properties$LineReader"), withFacts.out());
    // A rebuild leaves a jar whose time is not the one the archive was made with (the training
    // keeps each jar's time on a twin file): the next run retires it and trains again.
    Path twin = runs.resolveSibling(runs.getFileName() + ".jars").resolve("cortado-cli.jar");
    assertTrue(Files.isRegularFile(twin), twin.toString());
    Files.setLastModifiedTime(twin, FileTime.fromMillis(0));
    CliRun third = cortado(env, classes, "", "run", program("hello"), "you");
    assertFalse(third.out().contains("dev.cortado.cli.RunCommand source: shared"), third.out());
    assertTrue(Files.getLastModifiedTime(awaitArchive(cache, true)).toMillis() > 0);
  }

  @Test
  void aJarReplacedByAnOlderOneRetiresTheArchive() throws Exception {
    // A copy of the launcher and its jars, so that replacing one touches no other test's.
    Path repo = dir.resolve("repo");
    Path lib = Files.createDirectories(repo.resolve("cortado-cli/target/lib"));
    Files.createDirectories(repo.resolve("bin"));
    for (String script : List.of("bin/cortado", "bin/jdk.sh")) {
      Files.copy(CliRun.REPO.resolve(script), repo.resolve(script));
    }
    Path built = CliRun.REPO.resolve("cortado-cli/target");
    Files.copy(built.resolve("cortado-cli.jar"), lib.getParent().resolve("cortado-cli.jar"));
    try (var jars = Files.list(built.resolve("lib"))) {
      for (Path jar : jars.toList()) {
        Files.copy(jar, lib.resolve(jar.getFileName()));
      }
    }
    Path cache = dir.resolve("xdg/cortado");
    assertEquals("", launch(repo, List.of(), "--version").err());
    Path archive = awaitArchive(cache, false);
    String loaded = "dev.cortado.cli.ValidateCommand source: shared objects file";
    assertTrue(
        launch(repo, List.of("-Xlog:class+load"), "validate", program("hello"))
            .out()
            .contains(loaded));
    // Another build of a jar, older than the archive, as Maven's copies and tar leave it.
    Path jar = lib.resolve("cortado-wast-0.1.0-SNAPSHOT.jar");
    Files.write(jar, Files.readAllBytes(jar));
    Files.setLastModifiedTime(
        jar, FileTime.fromMillis(Files.getLastModifiedTime(archive).toMillis() - 3_600_000));
    CliRun after = launch(repo, List.of("-Xlog:class+load"), "validate", program("hello"));
    assertEquals(0, after.status(), after.err());
    assertFalse(after.out().contains(loaded), "the archive of the old jars is not used");
    assertTrue(
        Files.getLastModifiedTime(awaitArchive(cache, false)).toMillis() > 0, "trained again");
  }

  /**
   * Runs the launcher of the copy {@code repo} with {@code jvmOptions}, its cache in the test
   * folder.
   */
  private CliRun launch(Path repo, List<String> jvmOptions, String... args) throws Exception {
    return CliRun.launch(
        repo.resolve("bin/cortado"),
        dir,
        Map.of(
            "XDG_CACHE_HOME",
            dir.resolve("xdg").toString(),
            "CORTADO_JAVA_OPTS",
            String.join(" ", jvmOptions)),
        "",
        args);
  }

  /**
   * Waits for the launcher's background training to leave its archive in {@code cache}: the one of
   * plain runs if {@code plainRuns}, else the one of every common command.
   */
  private static Path awaitArchive(Path cache, boolean plainRuns) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline) {
      try (var files = Files.list(cache)) {
        List<Path> all = files.toList();
        boolean training = all.stream().anyMatch(f -> f.toString().endsWith(".lock"));
        List<Path> archives =
            all.stream()
                // A class-data-sharing archive, or from JDK 25 on an AOT cache.
                .filter(f -> f.toString().endsWith(".jsa") || f.toString().endsWith(".aot"))
                .filter(f -> f.getFileName().toString().matches(".*-run\\.[a-z]+") == plainRuns)
                .filter(f -> fileTime(f) > 0)
                .toList();
        if (!training && archives.size() == 1) {
          return archives.get(0);
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no archive of Cortado's classes in " + cache + " after 120 s");
  }

  private static long fileTime(Path file) {
    try {
      return Files.getLastModifiedTime(file).toMillis();
    } catch (IOException e) {
      return 0; // gone between the listing and now
    }
  }

  @Test
  void runsAProgramAndExitsWithItsCode() throws Exception {
    CliRun r = cortado("", "run", program("hello"), "you");
    assertEquals("hello, you\n", r.out());
    assertEquals(3, r.status());
  }

  @Test
  void theJvmRunsWithTheJitDirectivesAndKeepsTheirAnnouncementOffTheProgramsOutput()
      throws Exception {
    // Quiet by default (runsAProgramAndExitsWithItsCode: the output is the program's alone); with
    // HotSpot's output back on, the directive for generated classes is there, parsed.
    CliRun r =
        cortado(
            List.of("-XX:+DisplayVMOutput", "-XX:+CompilerDirectivesPrint"),
            "",
            "run",
            program("hello"),
            "you");
    assertTrue(r.out().contains("1 compiler directives added"), r.out());
    assertTrue(r.out().contains("matching: dev/cortado/generated/*.*"), r.out());
    assertTrue(r.out().endsWith("hello, you\n"), r.out());
  }

  @Test
  void runsACommandComponentThroughWasiPreview2() throws Exception {
    Path component = REPO.resolve("cortado-component/src/test/resources/components/hello.wasm");
    CliRun r = cortado("", "run", component.toString(), "component");
    assertEquals("hello, component\n", r.out(), r.err());
    // The program exits with 3; WASI 0.2's exit says only ok or error, and error is 1.
    assertEquals(1, r.status(), r.err());
    CliRun invoke = cortado("", "run", "--invoke", "run", component.toString());
    assertEquals(1, invoke.status());
    assertTrue(
        invoke.err().contains("no exported function \"run\" (it exports: wasi:cli/run@0.2.12"),
        invoke.err());
  }

  @Test
  void runHelpShowsHelpWithoutAModule() throws Exception {
    CliRun r = cortado("", "run", "--help");
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().startsWith("Usage: cortado run"), r.out());
  }

  @Test
  void theReadmeExampleCountsAFileInAGivenDirectoryAndNothingOutsideIt() throws Exception {
    Path examples = REPO.resolve("examples");
    CliRun r =
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
    CliRun io = cortado("a\nb\n", "run", program("stdio"));
    assertEquals("A\nB\n", io.out());
    assertEquals("2 lines\n", io.err());
    CliRun env =
        cortado(
            "", "run", "--env", "CORTADO_TEST=yes", "--argv0", "me", program("args_env"), "--x");
    assertTrue(env.out().startsWith("argc=2\nargv[0]=me\nargv[1]=--x\n"), env.out());
    assertTrue(env.out().endsWith("CORTADO_TEST=yes\n"), env.out());
  }

  @Test
  void aTrapPrintsTheWasmStackTraceAndExitsWith134() throws Exception {
    CliRun r = cortado("", "run", program("exitcode"), "abort");
    assertEquals(134, r.status());
    assertTrue(r.err().contains("trap: unreachable"), r.err());
    assertTrue(r.err().contains("    at main @ 0x"), r.err());
    assertFalse(r.err().contains("at dev.cortado"), "no Java stack trace");
  }

  @Test
  void infiniteRecursionPrintsABoundedStackTraceWithTheRepeatedFrameFolded() throws Exception {
    Path m =
        wat("rec.wat", "(module (func $f (call $f)) (func $main (export \"_start\") (call $f)))");
    CliRun r = cortado("", "run", m.toString());
    assertEquals(134, r.status());
    List<String> lines = r.err().lines().toList();
    assertTrue(lines.size() <= 4 && r.err().length() < 500, r.err());
    assertTrue(lines.get(0).startsWith("cortado run: trap: call stack exhausted"), r.err());
    assertTrue(
        lines.stream()
            .anyMatch(
                l ->
                    l.matches("    at function\\[0] @ 0x[0-9a-f]+  \\[repeated [0-9,]{5,} times]")),
        r.err());
    assertTrue(lines.get(lines.size() - 1).startsWith("    at function[1] @ 0x"), r.err());
    for (List<String> everything :
        List.of(
            List.of("run", "--full-stack"), List.of("run", "--debug"), List.of("--debug", "run"))) {
      List<String> args = new ArrayList<>(everything);
      args.add(m.toString());
      CliRun full = cortado("", args.toArray(String[]::new));
      assertEquals(134, full.status());
      assertTrue(full.err().lines().count() > 10_000, everything + ": " + full.err().length());
      assertFalse(full.err().contains("repeated"), everything.toString());
    }
  }

  /** A binary module whose one function is {@code depth} nested empty blocks. */
  private Path nestedBlocks(int depth) throws IOException {
    var body = new java.io.ByteArrayOutputStream();
    body.write(0);
    for (int i = 0; i < depth; i++) {
      body.write(0x02);
      body.write(0x40);
    }
    for (int i = 0; i <= depth; i++) {
      body.write(0x0B);
    }
    var code = new java.io.ByteArrayOutputStream();
    code.write(1);
    leb128(code, body.size());
    code.writeBytes(body.toByteArray());
    var m = new java.io.ByteArrayOutputStream();
    m.writeBytes(new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0, 1, 4, 1, 0x60, 0, 0, 3, 2, 1, 0, 10});
    leb128(m, code.size());
    m.writeBytes(code.toByteArray());
    return Files.write(dir.resolve("nested-" + depth + ".wasm"), m.toByteArray());
  }

  private static void leb128(java.io.ByteArrayOutputStream out, int value) {
    int v = value;
    while ((v & ~0x7F) != 0) {
      out.write((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    out.write(v);
  }

  @Test
  void inspectWatPrintsAHundredThousandNestedBlocksInLinearText() throws Exception {
    int depth = 100_000;
    CliRun r = cortado("", "inspect", "--wat", nestedBlocks(depth).toString());
    assertEquals(0, r.status(), r.err());
    assertEquals("", r.err());
    assertTrue(r.out().lines().count() > 2L * depth, "every block printed");
    assertTrue(r.out().length() < 80L * 2 * depth, "linear: " + r.out().length());
  }

  @Test
  void runningOutOfJavaMemoryIsOneLineNotAJavaError() throws Exception {
    Path deep = nestedBlocks(1_000_000);
    CliRun r = cortado(List.of("-Xmx32m"), "", "inspect", "--wat", deep.toString());
    assertEquals(1, r.status(), r.err());
    assertEquals(1, r.err().lines().count(), r.err());
    assertTrue(r.err().startsWith("cortado inspect: out of memory while "), r.err());
    assertTrue(r.err().contains(deep.toString()), r.err());
    assertTrue(r.err().contains("CORTADO_JAVA_OPTS=-Xmx"), r.err());
    assertFalse(r.err().contains("java.lang"), r.err());
    CliRun debug = cortado(List.of("-Xmx32m"), "", "inspect", "--debug", "--wat", deep.toString());
    assertEquals(1, debug.status(), debug.err());
    assertTrue(debug.err().startsWith("cortado inspect: out of memory while "), debug.err());
    assertTrue(debug.err().contains("java.lang.OutOfMemoryError"), debug.err());
  }

  @Test
  void fuelAndTimeoutsStopRunawayProgramsWith124() throws Exception {
    Path loop = wat("loop.wat", "(module (func (export \"_start\") (loop $l (br $l))))");
    CliRun fuel = cortado("", "run", "--fuel", "100000", loop.toString());
    assertEquals(124, fuel.status());
    assertTrue(fuel.err().contains("out of fuel"), fuel.err());
    CliRun time = cortado("", "run", "--timeout", "300ms", loop.toString());
    assertEquals(124, time.status());
    assertTrue(time.err().contains("deadline exceeded"), time.err());
  }

  @Test
  void aTimeoutStopsAProgramBlockedReadingAPipeThatStaysOpen() throws Exception {
    // sleep 30 | cortado run --timeout 2s stdio.wasm: the pipe stays open and empty for 30 s.
    List<Process> pipeline =
        ProcessBuilder.startPipeline(
            List.of(
                new ProcessBuilder("sleep", "30").directory(dir.toFile()),
                new ProcessBuilder(
                        REPO.resolve("bin/cortado").toString(),
                        "run",
                        "--timeout",
                        "2s",
                        program("stdio"))
                    .directory(dir.toFile())));
    Process sleep = pipeline.get(0);
    Process cortado = pipeline.get(1);
    try {
      long begin = System.nanoTime();
      boolean ended = cortado.waitFor(20, TimeUnit.SECONDS);
      long seconds = (System.nanoTime() - begin) / 1_000_000_000L;
      assertTrue(ended, "cortado was still waiting for its input after 20 s");
      String err = new String(cortado.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      assertEquals(124, cortado.exitValue(), err);
      assertTrue(err.contains("deadline exceeded"), err);
      assertTrue(seconds < 10, "took " + seconds + " s for a 2 s timeout");
    } finally {
      cortado.destroyForcibly();
      sleep.destroyForcibly();
    }
  }

  @Test
  void invokesAFunctionWithArgumentsAndPrintsItsResults() throws Exception {
    Path m =
        wat(
            "add.wat",
            "(module (func (export \"add\") (param i64 f64) (result i64 f64)"
                + " (i64.add (local.get 0) (i64.const 1)) (f64.mul (local.get 1) (f64.const 2))))");
    CliRun r = cortado("", "run", "--invoke", "add", m.toString(), "41", "1.25");
    assertEquals("42\n2.5\n", r.out());
    assertEquals(0, r.status());
  }

  @ParameterizedTest(name = "proc_exit({0}) exits with {1}")
  @CsvSource({
    "0, 0",
    "1, 1",
    "42, 42",
    "255, 255",
    "256, 1",
    "257, 1",
    "512, 1",
    "-1, 1",
    "-256, 1",
    "2147483647, 1",
    "-2147483648, 1"
  })
  void anExitCodeAUnixStatusCannotHoldExitsWith1(int code, int status) throws Exception {
    Path m =
        wat(
            "exit.wat",
            "(module (import \"wasi_snapshot_preview1\" \"proc_exit\" (func $exit (param i32)))"
                + " (func (export \"_start\") (call $exit (i32.const "
                + code
                + "))))");
    assertEquals(status, cortado("", "run", m.toString()).status());
    Path invoked =
        wat(
            "exit-invoked.wat",
            "(module (import \"wasi_snapshot_preview1\" \"proc_exit\" (func $exit (param i32)))"
                + " (func (export \"quit\") (param i32) (call $exit (local.get 0))))");
    CliRun r = cortado("", "run", "--invoke", "quit", invoked.toString(), Integer.toString(code));
    assertEquals(status, r.status(), r.err());
  }

  @Test
  void invokeReadsAndPrintsFloatsInTheTextFormatKeepingEveryBit() throws Exception {
    Path m =
        wat(
            "id.wat",
            "(module (func (export \"f32\") (param f32) (result f32) (local.get 0))"
                + " (func (export \"f64\") (param f64) (result f64) (local.get 0))"
                + " (func (export \"nan\") (result f64) (f64.div (f64.const 0) (f64.const 0))))");
    for (String v : List.of("nan:0x200000", "-nan", "-inf", "-0.0", "1.4E-45")) {
      CliRun r = cortado("", "run", "--invoke", "f32", m.toString(), v);
      assertEquals(v + "\n", r.out(), r.err());
    }
    for (String v : List.of("nan:0x4000000000000", "-nan:0x1", "inf", "4.9E-324", "0.1")) {
      CliRun r = cortado("", "run", "--invoke", "f64", m.toString(), v);
      assertEquals(v + "\n", r.out(), r.err());
    }
    assertEquals("1.5\n", cortado("", "run", "--invoke", "f64", m.toString(), "0x1.8p0").out());
    CliRun nan = cortado("", "run", "--invoke", "nan", m.toString());
    assertTrue(nan.out().matches("-?nan(:0x[0-9a-f]+)?\n"), nan.out());
    for (String bad : List.of("Infinity", "NaN", "1e999")) {
      CliRun r = cortado("", "run", "--invoke", "f64", m.toString(), bad);
      assertEquals(1, r.status());
      assertTrue(r.err().startsWith("cortado run: \"" + bad + "\" is not an f64: "), r.err());
    }
  }

  @Test
  void errorsSayWhatIsWrongWithoutStackTraces() throws Exception {
    CliRun missing = cortado("", "run", "nope.wasm");
    assertEquals(1, missing.status());
    assertTrue(missing.err().contains("nope.wasm: no such file"), missing.err());
    Path junk = Files.writeString(dir.resolve("junk.wasm"), "\u0001\u0002not wasm");
    CliRun malformed = cortado("", "run", junk.toString());
    assertEquals(1, malformed.status());
    assertTrue(
        malformed.err().contains("malformed module: magic header not detected"), malformed.err());
    Path old = wat("old.wat", "(module (import \"wasi_unstable\" \"fd_write\" (func)))");
    CliRun unlinkable = cortado("", "run", old.toString());
    assertEquals(1, unlinkable.status());
    assertTrue(unlinkable.err().contains("WASI preview 0 (wasi_unstable)"), unlinkable.err());
    CliRun badFlag = cortado("", "run", "--frob", program("hello"));
    assertEquals(2, badFlag.status());
    assertTrue(badFlag.err().contains("Unknown option: '--frob'"), badFlag.err());
    for (CliRun r : List.of(missing, malformed, unlinkable, badFlag)) {
      assertFalse(r.err().contains("\tat "), "no Java stack trace: " + r.err());
    }
  }

  @Test
  void limitsMemoryWithMaxMemory() throws Exception {
    Path big = wat("big.wat", "(module (memory 100) (func (export \"_start\")))");
    CliRun r = cortado("", "run", "--max-memory", "1MiB", big.toString());
    assertEquals(1, r.status());
    assertTrue(r.err().contains("memory of 100 pages exceeds the limit of 16 pages"), r.err());
  }

  @Test
  void validateAndWat2wasmAndWastWorkOnFiles() throws Exception {
    Path m = wat("m.wat", "(module (func (export \"f\") (result i32) (i32.const 7)))");
    CliRun convert = cortado("", "wat2wasm", m.toString());
    assertEquals(0, convert.status(), convert.err());
    Path binary = dir.resolve("m.wasm");
    assertTrue(Files.size(binary) > 8);
    CliRun validate = cortado("", "validate", binary.toString());
    assertEquals(binary + ": valid\n", validate.out());
    Path script =
        wat(
            "t.wast",
            "(module (func (export \"f\") (result i32) (i32.const 7)))\n"
                + "(assert_return (invoke \"f\") (i32.const 7))\n"
                + "(assert_return (invoke \"f\") (i32.const 8))\n");
    CliRun wast = cortado("", "wast", script.toString());
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
    CliRun compile = cortado("", "compile", "--cache-dir", cache.toString(), binary.toString());
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
    CliRun r = cortado("", "compile", m.toString(), "-o", jar.toString());
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().startsWith("wrote " + jar), r.out());
    try (var j = new java.util.jar.JarFile(jar.toFile())) {
      assertTrue(j.stream().anyMatch(e -> e.getName().startsWith("META-INF/cortado/compiled/")));
      assertTrue(j.stream().anyMatch(e -> e.getName().endsWith("Entry.class")));
    }
  }

  @Test
  void compileToAFolderSaysToNameTheJar() throws Exception {
    Path m = wat("k.wat", "(module (func (export \"k\") (result i32) (i32.const 7)))");
    Path out = Files.createDirectories(dir.resolve("out"));
    CliRun r = cortado("", "compile", m.toString(), "-o", out.toString());
    assertEquals(1, r.status(), r.err());
    assertTrue(
        r.err()
            .contains(
                "is a folder; give the jar's file name, for example -o " + out.resolve("k.jar")),
        r.err());
    try (var files = Files.list(out)) {
      assertEquals(0, files.count(), "nothing written");
    }
  }
}
