package dev.cortado.wasi.internal;

import dev.cortado.runtime.Store;
import dev.cortado.wasi.WasiClock;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/** The state one running program's WASI functions share. */
public final class WasiContext {
  /** The resolution of the realtime clock: {@code Instant.now()} has microseconds on Linux. */
  public static final long REALTIME_RESOLUTION_NANOS = 1_000;

  final byte[][] args;
  final byte[][] env;
  public final FdTable fds = new FdTable();
  final WasiClock clock;
  private final Supplier<RandomGenerator> randomSource;
  private RandomGenerator random;

  /** Creates the state for a program with {@code args} and {@code env}. */
  public WasiContext(
      List<String> args,
      Map<String, String> env,
      WasiClock clock,
      Supplier<RandomGenerator> random) {
    this.args = args.stream().map(a -> a.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
    this.env =
        env.entrySet().stream()
            .map(e -> (e.getKey() + "=" + e.getValue()).getBytes(StandardCharsets.UTF_8))
            .toArray(byte[][]::new);
    this.clock = clock;
    this.randomSource = random;
  }

  // The store of the call in progress, so that waiting operations can notice interruption.
  private volatile Store store;

  /** Records the store of the call about to run. */
  public void enter(Store store) {
    this.store = store;
  }

  /**
   * Throws if the running program should stop (interrupted, deadline passed); operations that wait
   * call this between waits.
   */
  public void checkInterruption() {
    Store s = store;
    if (s != null) {
      s.checkInterruption();
    }
  }

  /** Returns the random generator, created on first use (seeding a secure one takes time). */
  RandomGenerator random() {
    if (random == null) {
      random = randomSource.get();
    }
    return random;
  }

  /** Returns the clocks. */
  public WasiClock clock() {
    return clock;
  }
}
