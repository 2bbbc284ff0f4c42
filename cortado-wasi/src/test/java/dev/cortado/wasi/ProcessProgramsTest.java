package dev.cortado.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cortado.runtime.Trap;
import dev.cortado.runtime.TrapKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Programs built from C and Rust exercising arguments, environment, stdio, clocks and exits. */
class ProcessProgramsTest {
  @Test
  void argumentsAndEnvironmentReachTheProgramInOrder() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("CORTADO_TEST", "é=1");
    env.put("B", "");
    Programs.Result r =
        Programs.run(
            "args_env", WasiConfig.defaults().withArgs(List.of("prog", "a b", "ünï")).withEnv(env));
    assertEquals(
        "argc=3\nargv[0]=prog\nargv[1]=a b\nargv[2]=ünï\nenv:CORTADO_TEST=é=1\nenv:B=\n"
            + "CORTADO_TEST=é=1\n",
        r.stdout());
  }

  @Test
  void standardStreamsCarryBytesBothWays() {
    Programs.Result r =
        Programs.run("stdio", WasiConfig.defaults().withStdin(WasiInput.ofText("one\ntwo\n")));
    assertEquals("ONE\nTWO\n", r.stdout());
    assertEquals("2 lines\n", r.stderr());
    assertEquals(2, r.exitCode());
  }

  @Test
  void anEmptyStandardInputIsEndOfFile() {
    Programs.Result r = Programs.run("stdio", WasiConfig.defaults());
    assertEquals("", r.stdout());
    assertEquals(0, r.exitCode());
  }

  @Test
  void exitCodesComeBackAndAbortTraps() {
    assertEquals(
        42,
        Programs.run("exitcode", WasiConfig.defaults().withArgs(List.of("x", "42"))).exitCode());
    assertEquals(0, Programs.run("exitcode", WasiConfig.defaults()).exitCode());
    Trap t =
        assertThrows(
            Trap.class,
            () -> Programs.run("exitcode", WasiConfig.defaults().withArgs(List.of("x", "abort"))));
    assertEquals(TrapKind.UNREACHABLE, t.kind());
  }

  @Test
  void clocksTellTimeAndSleepsLast() {
    long fixedSeconds = 1_700_000_000L;
    WasiClock clock =
        new WasiClock() {
          @Override
          public long realtimeNanos() {
            return fixedSeconds * 1_000_000_000L;
          }

          @Override
          public long monotonicNanos() {
            return System.nanoTime();
          }
        };
    Programs.Result r = Programs.run("clocks", WasiConfig.defaults().withClock(clock));
    assertEquals(
        "realtime_seconds=1700000000\nslept_at_least_30ms=yes\nmonotonic_resolution_ns=1\n"
            + "realtime_resolution_ns=1000\nprocess_cputime=ok\n",
        r.stdout());
  }

  @Test
  void pollSeesInputAndSleeps() {
    Programs.Result r =
        Programs.run("poll", WasiConfig.defaults().withStdin(WasiInput.ofText("ready")));
    assertEquals("poll=1 readable=yes\nread=ready\nsleep_poll=0\n", r.stdout());
  }

  @Test
  void renumberingMovesADescriptorAndClosesTheOldNumber() {
    Programs.Result r = Programs.run("renumber", WasiConfig.defaults());
    // fd 2 now writes where standard output went; fd 1 is closed (BADF = 8).
    assertEquals(
        "to fd 2, which is now standard output\nrenumber=0 write_to_closed=8\nrenumber_closed=8\n",
        r.stdout());
    assertEquals("", r.stderr());
  }

  @Test
  void aRustProgramReadsLinesAndSeesItsEnvironment() {
    Programs.Result r =
        Programs.run(
            "rust_io",
            WasiConfig.defaults()
                .withArgs(List.of("rust_io", "x"))
                .withEnv("RUST_TEST", "yes")
                .withStdin(WasiInput.ofText("alpha\nbeta\n")));
    assertEquals("1: alpha\n2: beta\n", r.stdout());
    assertEquals("args=[\"rust_io\", \"x\"] RUST_TEST=Some(\"yes\")\n", r.stderr());
    assertEquals(2, r.exitCode());
  }

  @Test
  void randomBytesComeFromTheConfiguredGenerator() {
    // Rust's HashMap seeds itself with random_get; a seeded generator makes runs repeatable.
    Programs.Result a =
        Programs.run("rust_io", WasiConfig.defaults().withRandom(new SplittableRandom(1)));
    assertTrue(a.stderr().startsWith("args=[] RUST_TEST=None"), a.stderr());
  }

  @Test
  void aGoProgramSleepsRunsGoroutinesAndExits() {
    Programs.Result r =
        Programs.run(
            "go_runtime",
            WasiConfig.defaults().withArgs(List.of("go", "x")).withEnv("GO_TEST", "hi"));
    assertEquals("args=go,x\nGO_TEST=hi\nslept=true\nsum=14\n", r.stdout());
    assertEquals("done\n", r.stderr());
    assertEquals(7, r.exitCode());
  }

  @Test
  void anAssemblyScriptProgramSeesArgumentsAndEnvironment() {
    Programs.Result r =
        Programs.run(
            "as_hello",
            WasiConfig.defaults().withArgs(List.of("as", "1")).withEnv("AS_TEST", "ok"));
    assertEquals("args=as,1\nAS_TEST=ok\n", r.stdout());
    assertEquals(5, r.exitCode());
  }

  @Test
  void aWatProgramCallsPreview1Directly() {
    Programs.Result r =
        Programs.run("raw_calls", WasiConfig.defaults().withArgs(List.of("a", "b", "c")));
    assertEquals("argc=3\n", r.stdout());
    assertEquals(43, r.exitCode());
  }
}
