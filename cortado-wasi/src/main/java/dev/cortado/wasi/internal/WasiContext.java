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

  // The store a WASI 0.2 world was entered into, whose interruption its waits notice.
  private volatile Store store;

  // The store of the preview1 call this thread is running: with wasi-threads, several threads,
  // each a store, share one context, and a thread's wait must notice its own store's interruption,
  // not that of whichever thread called last. Set for the call and removed after it, so no thread
  // keeps a store.
  private static final ThreadLocal<Store> CALLING = new ThreadLocal<>();

  /** Records the store whose calls this context serves (WASI 0.2: one store per world). */
  public void enter(Store store) {
    this.store = store;
  }

  /** Records that this thread runs a preview1 call of {@code store}, until {@link #called}. */
  public static void calling(Store store) {
    CALLING.set(store);
  }

  /** Records that this thread's preview1 call has returned. */
  public static void called() {
    CALLING.remove();
  }

  /**
   * Throws if the running program should stop (interrupted, deadline passed): the store of the
   * preview1 call this thread runs, else the store entered; operations that wait call this between
   * waits.
   */
  public void checkInterruption() {
    Store s = CALLING.get();
    if (s == null) {
      s = store;
    }
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
