package dev.cortado.wasi.internal;

import dev.cortado.wasi.WasiClock;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/** The state one running program's WASI functions share. */
public final class WasiContext {
  final byte[][] args;
  final byte[][] env;
  public final FdTable fds = new FdTable();
  final WasiClock clock;
  final RandomGenerator random;

  /** Creates the state for a program with {@code args} and {@code env}. */
  public WasiContext(
      List<String> args, Map<String, String> env, WasiClock clock, RandomGenerator random) {
    this.args = args.stream().map(a -> a.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
    this.env =
        env.entrySet().stream()
            .map(e -> (e.getKey() + "=" + e.getValue()).getBytes(StandardCharsets.UTF_8))
            .toArray(byte[][]::new);
    this.clock = clock;
    this.random = random;
  }

  /** Returns the clocks. */
  public WasiClock clock() {
    return clock;
  }
}
