package dev.cortado.cli;

import static dev.cortado.oci.testing.WebcWriter.fsMapping;
import static dev.cortado.oci.testing.WebcWriter.map;
import static dev.cortado.oci.testing.WebcWriter.wasiCommand;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cortado.oci.testing.TarGz;
import dev.cortado.oci.testing.WebcWriter;
import dev.cortado.wasm.binary.ModuleEncoder;
import dev.cortado.wasm.text.TextParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cortado run} and {@code cortado inspect} of Wasmer packages built here from the format's
 * description, run in-process: a real WASI program (from WAT) that prints its arguments, the file
 * {@code hello.txt} of its first preopen, and "read-only" when it cannot create a file there.
 */
class WasmerPackageRunTest {
  @TempDir Path dir;

  static final String PROGRAM =
      """
      (module
        (import "wasi_snapshot_preview1" "args_sizes_get" (func $sizes (param i32 i32) (result i32)))
        (import "wasi_snapshot_preview1" "args_get" (func $args (param i32 i32) (result i32)))
        (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
        (import "wasi_snapshot_preview1" "fd_read" (func $fd_read (param i32 i32 i32 i32) (result i32)))
        (import "wasi_snapshot_preview1" "path_open"
          (func $path_open (param i32 i32 i32 i32 i32 i64 i64 i32 i32) (result i32)))
        (memory (export "memory") 1)
        (data (i32.const 1000) "hello.txt")
        (data (i32.const 1016) "new.txt")
        (data (i32.const 1024) "\\n")
        (data (i32.const 1032) "read-only\\n")
        (func $write (param $ptr i32) (param $len i32)
          (i32.store (i32.const 0) (local.get $ptr))
          (i32.store (i32.const 4) (local.get $len))
          (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8))))
        (func $strlen (param $p i32) (result i32) (local $n i32)
          (block $done
            (loop $next
              (br_if $done (i32.eqz (i32.load8_u (i32.add (local.get $p) (local.get $n)))))
              (local.set $n (i32.add (local.get $n) (i32.const 1)))
              (br $next)))
          (local.get $n))
        (func (export "_start") (local $argc i32) (local $i i32) (local $p i32)
          (drop (call $sizes (i32.const 16) (i32.const 20)))
          (drop (call $args (i32.const 2048) (i32.const 4096)))
          (local.set $argc (i32.load (i32.const 16)))
          (block $end
            (loop $each
              (br_if $end (i32.ge_u (local.get $i) (local.get $argc)))
              (local.set $p (i32.load (i32.add (i32.const 2048) (i32.shl (local.get $i) (i32.const 2)))))
              (call $write (local.get $p) (call $strlen (local.get $p)))
              (call $write (i32.const 1024) (i32.const 1))
              (local.set $i (i32.add (local.get $i) (i32.const 1)))
              (br $each)))
          (if (i32.eqz (call $path_open (i32.const 3) (i32.const 0) (i32.const 1000) (i32.const 9)
                (i32.const 0) (i64.const 2) (i64.const 0) (i32.const 0) (i32.const 24)))
            (then
              (i32.store (i32.const 32) (i32.const 8192))
              (i32.store (i32.const 36) (i32.const 1024))
              (drop (call $fd_read (i32.load (i32.const 24)) (i32.const 32) (i32.const 1) (i32.const 40)))
              (call $write (i32.const 8192) (i32.load (i32.const 40)))))
          (if (call $path_open (i32.const 3) (i32.const 0) (i32.const 1016) (i32.const 7)
                (i32.const 1) (i64.const 64) (i64.const 0) (i32.const 0) (i32.const 28))
            (then (call $write (i32.const 1032) (i32.const 10))))))
      """;

  static final byte[] MODULE = ModuleEncoder.encode(TextParser.parseModule(PROGRAM));

  private record Run(int status, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    PrintStream stdout = System.out;
    ByteArrayOutputStream program = new ByteArrayOutputStream();
    int status;
    try {
      System.setOut(new PrintStream(program, true, UTF_8));
      status = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    } finally {
      System.setOut(stdout);
    }
    return new Run(status, program.toString(UTF_8) + out, err.toString());
  }

  private Path write(String name, byte[] bytes) throws IOException {
    return Files.write(dir.resolve(name), bytes);
  }

  private Path version3() throws IOException {
    return write(
        "hello.webc",
        WebcWriter.v3()
            .manifest(
                map(
                    "package",
                    map(
                        "wapm", map("name", "cortado/hello", "version", "1.0.0"),
                        "fs", List.of(fsMapping("data", "/", "/data"))),
                    "commands",
                    map(
                        "hello",
                        wasiCommand("hello", "--from-package"),
                        "bye",
                        wasiCommand("hello")),
                    "entrypoint",
                    "hello"))
            .atom("hello", MODULE)
            .volume("data", Map.of("hello.txt", "volume says hi\n".getBytes(UTF_8)))
            .build());
  }

  private Path version2WithTwoCommands() throws IOException {
    return write(
        "two.webc",
        WebcWriter.v2()
            .manifest(
                map(
                    "commands",
                    map("first", wasiCommand("prog"), "second", wasiCommand("prog", "-2"))))
            .atom("prog", MODULE)
            .volume("atom", Map.of("hello.txt", "atom volume at the root\n".getBytes(UTF_8)))
            .build());
  }

  @Test
  void runsTheEntrypointWithItsArgumentsAndItsVolumeMountedReadOnly() throws IOException {
    Run r = run("run", version3().toString(), "from-user");
    assertEquals(0, r.status(), r.err());
    assertEquals("hello\n--from-package\nfrom-user\nvolume says hi\nread-only\n", r.out());
  }

  @Test
  void runsTheCommandNamedAfterThePackageWithTheAtomVolumeAtTheRoot() throws IOException {
    Run r = run("run", version2WithTwoCommands().toString(), "--command", "second", "x");
    assertEquals(0, r.status(), r.err());
    assertEquals("second\n-2\nx\natom volume at the root\nread-only\n", r.out());
    Run before =
        run("run", "--command=first", version2WithTwoCommands().toString(), "x", "--command", "y");
    assertEquals(
        "first\nx\n--command\ny\natom volume at the root\nread-only\n",
        before.out(),
        "an option further on is the program's");
  }

  @Test
  void runsAWapmTarballsCommandWithItsFsFolder() throws IOException {
    String toml =
        """
        [package]
        name = "cortado/hello"
        version = "0.1.0"

        [[module]]
        name = "hello"
        source = "hello.wasm"
        abi = "wasi"

        [[command]]
        name = "greet"
        module = "hello"
        main_args = "one two"

        [fs]
        "/assets" = "assets"
        """;
    Path tgz =
        write(
            "hello-0.1.0.tar.gz",
            TarGz.builder()
                .entry("wapm.toml", '0', toml.getBytes(UTF_8), "")
                .entry("hello.wasm", '0', MODULE, "")
                .entry("assets/hello.txt", '0', "from the tarball\n".getBytes(UTF_8), "")
                .build());
    Run r = run("run", tgz.toString(), "three");
    assertEquals(0, r.status(), r.err());
    assertEquals("greet\none\ntwo\nthree\nfrom the tarball\nread-only\n", r.out());
  }

  private static void assertOneLineError(Run r, String expected) {
    assertEquals(1, r.status(), r.out() + r.err());
    assertTrue(r.err().contains(expected), r.err());
    assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
    assertFalse(r.err().contains("\tat ") || r.err().contains("Exception"), r.err());
  }

  @Test
  void anUnknownCommandOrNoEntrypointListsTheCommands() throws IOException {
    assertOneLineError(
        run("run", "--command", "nope", version3().toString()),
        "the package has no command 'nope' (its commands: hello, bye)");
    assertOneLineError(
        run("run", version2WithTwoCommands().toString()),
        "several commands and no entrypoint: name one with --command (first, second)");
  }

  @Test
  void commandIsOnlyForPackages() throws IOException {
    Path module = write("m.wasm", MODULE);
    assertOneLineError(
        run("run", "--command", "x", module.toString()),
        "--command names a command of a Wasmer package");
  }

  @Test
  void aCommandForAnotherRunnerIsNamedAsSuch() throws IOException {
    Path webc =
        write(
            "web.webc",
            WebcWriter.v3()
                .manifest(
                    map(
                        "commands",
                        map(
                            "serve",
                            map(
                                "runner",
                                "https://webc.org/runner/wcgi",
                                "annotations",
                                map("atom", map("name", "x"))))))
                .atom("x", MODULE)
                .build());
    assertOneLineError(
        run("run", webc.toString()),
        "command 'serve' runs with https://webc.org/runner/wcgi; Cortado runs WASI commands");
  }

  @Test
  void aHostilePackageIsRefusedInOneLineAndNothingRuns() throws IOException {
    Path evil =
        write(
            "evil.webc",
            WebcWriter.v3()
                .manifest(map("commands", map("x", wasiCommand("x"))))
                .atom("x", MODULE)
                .volume("data", WebcWriter.dir("..", new WebcWriter.File("escape".getBytes(UTF_8))))
                .build());
    Run r = run("run", evil.toString());
    assertOneLineError(
        r,
        "evil.webc is unsafe and was not used: the name '..' in the root of volume data is not a plain name");
    assertEquals("", r.out());
  }

  @Test
  void inspectingAHostilePackageIsOneLine() throws IOException {
    byte[] truncated = java.util.Arrays.copyOf(Files.readAllBytes(version3()), 100);
    assertOneLineError(
        run("inspect", write("cut.webc", truncated).toString()), "cut.webc is not a valid package");
  }

  @Test
  void inspectListsCommandsAtomsAndVolumes() throws IOException {
    Path p = version3();
    Run r = run("inspect", p.toString());
    assertEquals(0, r.status(), r.err());
    String expected =
        p
            + ": webc v3 package cortado/hello@1.0.0\n"
            + "entrypoint: hello\n\n"
            + "commands (2):\n"
            + "  hello                runner wasi, atom hello, args: --from-package\n"
            + "  bye                  runner wasi, atom hello\n\n"
            + "atoms (1):\n"
            + "  hello                "
            + OciSupport.size(MODULE.length)
            + "\n\n"
            + "volumes (1):\n"
            + "  data                 1 files, 0 folders, 15 B, mounted at /data\n";
    assertEquals(expected, r.out());
  }
}
