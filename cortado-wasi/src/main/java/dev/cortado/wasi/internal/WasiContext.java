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
    // Loops, not streams: `cortado serve` makes a context per request.
    this.args = new byte[args.size()][];
    for (int i = 0; i < this.args.length; i++) {
      this.args[i] = args.get(i).getBytes(StandardCharsets.UTF_8);
    }
    this.env = new byte[env.size()][];
    int i = 0;
    for (Map.Entry<String, String> e : env.entrySet()) {
      this.env[i++] = (e.getKey() + "=" + e.getValue()).getBytes(StandardCharsets.UTF_8);
    }
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
  synchronized RandomGenerator random() {
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
