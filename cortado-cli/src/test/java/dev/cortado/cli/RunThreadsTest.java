package dev.cortado.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cortado run} of a wasi-threads program: it gets {@code thread-spawn} and its shared
 * memory, its threads run (and write) beside the main one, and a thread's {@code proc_exit} or trap
 * is the program's.
 */
class RunThreadsTest {
  @TempDir Path dir;

  /**
   * A thread writes "from a thread" and sets 0 to 1; the main thread waits for that, then exits
   * with the code at 8 (which a thread of {@code wasi_thread_start}'s argument 2 sets to 7 first,
   * or traps on with argument 3).
   */
  private static String program(int arg) {
    return """
        (module
          (import "env" "memory" (memory 1 1 shared))
          (import "wasi" "thread-spawn" (func $spawn (param i32) (result i32)))
          (import "wasi_snapshot_preview1" "fd_write"
            (func $fd_write (param i32 i32 i32 i32) (result i32)))
          (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
          (export "memory" (memory 0))
          (data (i32.const 100) "from a thread\\n")
          (func (export "wasi_thread_start") (param $id i32) (param $arg i32)
            (if (i32.eq (local.get $arg) (i32.const 3)) (then unreachable))
            (if (i32.eq (local.get $arg) (i32.const 2)) (then (call $exit (i32.const 7))))
            (i32.store (i32.const 200) (i32.const 100))
            (i32.store (i32.const 204) (i32.const 14))
            (drop (call $fd_write (i32.const 1) (i32.const 200) (i32.const 1) (i32.const 208)))
            (i32.atomic.store (i32.const 0) (i32.const 1))
            (drop (memory.atomic.notify (i32.const 0) (i32.const 1))))
          (func (export "_start")
            (if (i32.le_s (call $spawn (i32.const ARG)) (i32.const 0)) (then unreachable))
            (loop $waiting
              (if (i32.eqz (i32.atomic.load (i32.const 0)))
                (then
                  (drop (memory.atomic.wait32 (i32.const 0) (i32.const 0) (i64.const -1)))
                  (br $waiting))))))
        """
        .replace("ARG", Integer.toString(arg));
  }

  private record Run(int status, String out, String err) {}

  private Run run(int arg) throws IOException {
    Path wat = dir.resolve("threads" + arg + ".wat");
    Files.writeString(wat, program(arg));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status =
        Main.run(
            new String[] {"run", wat.toString()},
            new PrintWriter(out, true),
            new PrintWriter(err, true));
    return new Run(status, out.toString(), err.toString());
  }

  @Test
  void theMainThreadWaitsForTheThreadItSpawnedAndSucceeds() throws IOException {
    Run r = run(1);
    assertEquals(0, r.status(), r.err());
    assertEquals("", r.err());
  }

  @Test
  void aThreadsExitIsTheProgramsExit() throws IOException {
    assertEquals(7, run(2).status());
  }

  @Test
  void aThreadsTrapIsTheProgramsTrap() throws IOException {
    Run r = run(3);
    assertEquals(RunCommand.TRAP_STATUS, r.status());
    assertTrue(r.err().contains("unreachable"), r.err());
  }
}
