package dev.cortado.component;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cortado.wasi.WasiClock;
import dev.cortado.wasi.WasiConfig;
import dev.cortado.wasi.WasiInput;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every preview1 test program of cortado-wasi, run as a core module through preview1 and as a
 * component through WASI 0.2 (jco's adapter between the program and the host): the same output, and
 * the same exit status as far as WASI 0.2 can say it (a non-zero code becomes 1, since {@code
 * wasi:cli/exit} takes only ok or error).
 */
class PreviewDifferentialTest {
  private static void same(String name, UnaryOperator<WasiConfig> config) {
    same(name, config, List.of());
  }

  /**
   * Runs program {@code name} both ways; output lines starting with one of {@code excused} (what
   * WASI 0.2 or the adapter cannot do as preview1 does, each with its reason at the call) are left
   * out of the comparison.
   */
  private static void same(String name, UnaryOperator<WasiConfig> config, List<String> excused) {
    TwoAbis.Outcome p1 = TwoAbis.preview1(name, config);
    TwoAbis.Outcome p2 = TwoAbis.preview2(name, config);
    assertEquals(
        without(p1.stdout(), excused), without(p2.stdout(), excused), name + ": standard output");
    assertEquals(p1.stderr(), p2.stderr(), name + ": standard error");
    assertEquals(p1.status() == 0 ? 0 : 1, p2.status(), name + ": exit status");
  }

  private static String without(String text, List<String> excused) {
    return text.lines()
        .filter(l -> excused.stream().noneMatch(l::startsWith))
        .collect(Collectors.joining("\n"));
  }

  @Test
  void hello() {
    same("hello", c -> c.withArgs(List.of("hello", "Cortado")));
  }

  @Test
  void argumentsAndEnvironment() {
    same(
        "args_env",
        c -> c.withArgs(List.of("prog", "a b", "ünï")).withEnv(Map.of("HOME", "/home", "E", "")));
  }

  @Test
  void standardInputToOutput() {
    same("stdio", c -> c.withStdin(WasiInput.ofText("one\ntwo\n")));
    same("stdio", c -> c);
  }

  @Test
  void exitCodes() {
    same("exitcode", c -> c.withArgs(List.of("x", "42")));
    same("exitcode", c -> c);
  }

  @Test
  void clocks() {
    WasiClock clock =
        new WasiClock() {
          @Override
          public long realtimeNanos() {
            return 1_700_000_000L * 1_000_000_000L;
          }

          @Override
          public long monotonicNanos() {
            return System.nanoTime();
          }
        };
    // WASI 0.2 has no CPU-time clock: the adapter answers clock_time_get for it with an error.
    same("clocks", c -> c.withClock(clock), List.of("process_cputime="));
  }

  @Test
  void pollingStandardInputAndSleeping() {
    same("poll", c -> c.withStdin(WasiInput.ofText("ready")));
  }

  @Test
  void renumberingDescriptors() {
    same("renumber", c -> c);
  }

  @Test
  void rustReadsLinesAndItsEnvironment() {
    same(
        "rust_io",
        c ->
            c.withArgs(List.of("rust_io", "x"))
                .withEnv("RUST_TEST", "yes")
                .withStdin(WasiInput.ofText("alpha\nbeta\n")));
  }

  @Test
  void goRuntime() {
    same("go_runtime", c -> c.withArgs(List.of("go", "x")).withEnv("GO_TEST", "hi"));
  }
}
