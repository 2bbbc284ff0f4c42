package dev.cortado.cli;

import dev.cortado.wasm.internal.BuildFacts;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The training run behind {@code bin/cortado}'s archives of Cortado's classes: the JVM archives the
 * classes a process loaded when it exits ({@code -XX:ArchiveClassesAtExit}, or on JDK 25+ an AOT
 * cache with {@code -XX:AOTCacheOutput}, which keeps the run's method profiles too), so this runs
 * every common command once on a small WASI program, and any later command finds its classes
 * already parsed, verified and linked (about 0.15 s saved on each start; RATIONALE.md, "Start-up",
 * "JDK 25's AOT cache"). With the argument {@code run} it runs only plain runs, for the launcher's
 * smaller archive of those (RATIONALE.md, "An archive for plain runs").
 *
 * <p>The launcher starts it in the background when an archive is missing or older than the jars,
 * with {@code CORTADO_CACHE_DIR} pointing at a scratch folder, and throws its output away. It takes
 * the scratch folder for its files, then {@code run} for plain runs only.
 */
public final class Training {
  private Training() {}

  /**
   * A WASI command that exercises calls, loops, memory, tables, division, its imports as a C
   * program's start-up calls them (the preopens probed until {@code EBADF}, standard input read to
   * its end) and a name section, as compilers write one.
   */
  static final String PROGRAM =
      """
      (module
        (import "wasi_snapshot_preview1" "fd_write"
          (func $fd_write (param i32 i32 i32 i32) (result i32)))
        (import "wasi_snapshot_preview1" "args_sizes_get"
          (func $args_sizes_get (param i32 i32) (result i32)))
        (import "wasi_snapshot_preview1" "fd_prestat_get"
          (func $fd_prestat_get (param i32 i32) (result i32)))
        (import "wasi_snapshot_preview1" "fd_read"
          (func $fd_read (param i32 i32 i32 i32) (result i32)))
        (memory (export "memory") 1)
        (table 2 funcref)
        (elem (i32.const 0) $square $twice)
        (data (i32.const 16) "trained\\n")
        (global $sum (mut i64) (i64.const 0))
        (func $square (param i32) (result i32) (i32.mul (local.get 0) (local.get 0)))
        (func $twice (param i32) (result i32) (i32.shl (local.get 0) (i32.const 1)))
        (func $work (param $n i32) (result i64)
          (local $i i32) (local $f f64)
          (loop $next
            (global.set $sum
              (i64.add (global.get $sum)
                (i64.extend_i32_u
                  (call_indirect (param i32) (result i32)
                    (local.get $i) (i32.and (local.get $i) (i32.const 1))))))
            (local.set $f (f64.add (local.get $f) (f64.convert_i32_s (local.get $i))))
            (global.set $sum
              (i64.add (global.get $sum)
                (i64.extend_i32_u (i32.rem_u (i32.div_u (local.get $i) (i32.const 3))
                  (i32.const 7)))))
            (i32.store8 offset=64 (i32.and (local.get $i) (i32.const 255)) (local.get $i))
            (br_if $next
              (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (local.get $n))))
          (i64.add (global.get $sum) (i64.trunc_sat_f64_s (local.get $f))))
        (func (export "_start")
          (drop (call $args_sizes_get (i32.const 0) (i32.const 4)))
          (drop (call $fd_prestat_get (i32.const 3) (i32.const 0)))
          (i32.store (i32.const 0) (i32.const 128))
          (i32.store (i32.const 4) (i32.const 64))
          (drop (call $fd_read (i32.const 0) (i32.const 0) (i32.const 1) (i32.const 8)))
          (drop (call $work (i32.const 2000)))
          (i32.store (i32.const 0) (i32.const 16))
          (i32.store (i32.const 4) (i32.const 8))
          (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8))))
        (@custom "name" "\\00\\06\\05train"))
      """;

  /**
   * {@link #PROGRAM} in the binary format (checked by {@code TrainingTest}): the training of plain
   * runs writes it as it is, so that its archive holds none of the text format's classes.
   */
  static final String PROGRAM_BINARY =
      "0061736d01000000011c0560047f7f7f7f017f60027f7f017f60017f017f60017f017e6000000294"
          + "010416776173695f736e617073686f745f70726576696577310866645f7772697465000016776173"
          + "695f736e617073686f745f70726576696577310e617267735f73697a65735f676574000116776173"
          + "695f736e617073686f745f70726576696577310e66645f707265737461745f676574000116776173"
          + "695f736e617073686f745f70726576696577310766645f7265616400000305040202030404040170"
          + "000205030100010606017e0142000b071302066d656d6f72790200065f7374617274000709080100"
          + "41000b0204050aaa01040700200020006c0b070020004101740b4d02017f017c0340230020012001"
          + "410171110200ad7c240020022001b7a021022300200141036e410770ad7c2400200141ff01712001"
          + "3a0040200141016a22012000490d000b23002002fc067c0b4a004100410410011a4103410010021a"
          + "4100418001360200410441c000360200410041004101410810031a41d00f10061a41004110360200"
          + "41044108360200410141004101410810001a0b0b0e010041100b08747261696e65640a000d046e61"
          + "6d65000605747261696e";

  /** A small script for {@code cortado wast}. */
  private static final String SCRIPT =
      """
      (module (func (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1))))
      (assert_return (invoke "add" (i32.const 1) (i32.const 2)) (i32.const 3))
      (assert_trap (module (func $f unreachable) (start $f)) "unreachable")
      (assert_invalid (module (func (result i32) (i64.const 0))) "type mismatch")
      (assert_malformed (module quote "(func") "unexpected end")
      """;

  /** How long after its last change the program is run again: more than DigestMemo.SETTLED. */
  private static final long SETTLE_MILLIS = 2_500;

  /** The file of build facts the training leaves in its scratch folder. */
  static final String FACTS = "facts";

  /** A command line and the exit status it must end with. */
  private record Step(int status, String... args) {}

  /**
   * Runs the commands; {@code args[0]} is a scratch folder, and a second argument {@code run} keeps
   * to the plain runs (the launcher's archive for them). Exits with 1 if one went wrong.
   */
  public static void main(String[] args) throws IOException {
    boolean plainRuns = args.length == 2 && args[1].equals("run");
    if (args.length != 1 && !plainRuns) {
      System.err.println("usage: Training SCRATCH-FOLDER [run] (run by bin/cortado, not by hand)");
      System.exit(2);
    }
    List<String> failures = train(Path.of(args[0]), plainRuns);
    failures.forEach(System.err::println);
    System.exit(failures.isEmpty() ? 0 : 1);
  }

  /**
   * Runs the steps in {@code dir}, only the plain runs ({@code run [--engine=E] MODULE}, which
   * {@link Main} takes without picocli) if {@code plainRuns}, and returns the steps that ended
   * otherwise than expected (an empty list when all went right).
   */
  static List<String> train(Path dir, boolean plainRuns) throws IOException {
    Path wasm = dir.resolve("train.wasm");
    String w = wasm.toString();
    List<Step> runs =
        List.of(
            new Step(0, "run", "--engine=interpreter", w),
            new Step(0, "run", "--engine=compiler", w),
            new Step(0, "run", w),
            new Step(1, "run", dir.resolve("missing.wasm").toString()));
    List<Step> steps;
    if (plainRuns) {
      // Without the text format (or wat2wasm's picocli), which plain runs of binaries never load.
      Files.write(wasm, HexFormat.of().parseHex(PROGRAM_BINARY));
      steps = runs;
    } else {
      Path wat = Files.writeString(dir.resolve("train.wat"), PROGRAM);
      Path wast = Files.writeString(dir.resolve("train.wast"), SCRIPT);
      steps = new ArrayList<>();
      steps.add(new Step(0, "--help"));
      steps.add(new Step(0, "--version"));
      steps.add(new Step(0, "wat2wasm", wat.toString(), "-o", w));
      steps.add(new Step(0, "validate", w, wat.toString()));
      steps.add(new Step(0, "inspect", w));
      steps.add(new Step(0, "inspect", "--wat", w));
      steps.addAll(runs.subList(0, 3));
      steps.add(new Step(0, "compile", "--cache-dir", dir.resolve("code").toString(), w));
      steps.add(new Step(0, "wast", wast.toString()));
      steps.add(runs.get(3));
    }
    PrintWriter quiet = new PrintWriter(Writer.nullWriter());
    List<String> failures = new ArrayList<>();
    // The program reads its standard input to the end: an empty one, whatever this JVM was given.
    InputStream stdin = System.in;
    System.setIn(new ByteArrayInputStream(new byte[0]));
    try {
      runSteps(steps, quiet, failures);
      // Last, runs of the file once it has settled: the first remembers its digest (a run does
      // only for a file unchanged for two seconds, DigestMemo.SETTLED), the second finds it, and
      // takes the quicker path every later run of an unchanged program takes (Module.compile: its
      // bodies known to be valid, not validated up front).
      settle(wasm);
      runSteps(List.of(new Step(0, "run", w), new Step(0, "run", w)), quiet, failures);
    } finally {
      System.setIn(stdin);
    }
    // The build's facts the steps computed (its version, checksums of its classes), for the
    // launcher to hand later starts with the archive (BuildFacts).
    BuildFacts.write(dir.resolve(FACTS));
    return failures;
  }

  /**
   * Waits until {@code file} has stayed unchanged long enough for a run to remember its digest;
   * returns at once where the file system does not tell status-change times (no digest is
   * remembered there).
   */
  private static void settle(Path file) throws IOException {
    try {
      FileTime changed = (FileTime) Files.getAttribute(file, "unix:ctime");
      long wait = changed.toMillis() + SETTLE_MILLIS - System.currentTimeMillis();
      if (wait > 0) {
        Thread.sleep(wait);
      }
    } catch (UnsupportedOperationException | IllegalArgumentException e) {
      // Not a Unix file system.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void runSteps(List<Step> steps, PrintWriter quiet, List<String> failures) {
    for (Step step : steps) {
      // Through Main's worker, as main runs commands, so that the archive holds its class too.
      Main.Worker worker = new Main.Worker(step.args(), quiet, quiet);
      worker.run();
      int status = worker.status();
      if (status != step.status()) {
        failures.add(
            "cortado "
                + String.join(" ", step.args())
                + ": exit status "
                + status
                + ", expected "
                + step.status());
      }
    }
  }
}
