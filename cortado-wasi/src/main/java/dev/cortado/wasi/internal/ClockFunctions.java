package dev.cortado.wasi.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;

/** {@code clock_res_get} and {@code clock_time_get}: wall, monotonic and CPU-time clocks. */
final class ClockFunctions {
  /** Loaded on first use: initializing JMX costs tens of milliseconds at start-up. */
  private static final class Threads {
    static final ThreadMXBean BEAN = ManagementFactory.getThreadMXBean();
  }

  private ClockFunctions() {}

  static void define(Definer d, WasiContext ctx) {
    d.define(
        "clock_res_get",
        "ii",
        (caller, a) -> {
          long resolution =
              switch (a.i32(0)) {
                case Abi.CLOCK_REALTIME -> WasiContext.REALTIME_RESOLUTION_NANOS;
                case Abi.CLOCK_MONOTONIC -> 1;
                case Abi.CLOCK_PROCESS_CPUTIME, Abi.CLOCK_THREAD_CPUTIME -> 1_000;
                default -> throw Errno.fail(Errno.INVAL, "unknown clock " + a.i32(0));
              };
          GuestMemory.of(caller).setU64(a.i32(1), resolution);
          return Errno.SUCCESS;
        });
    d.define(
        "clock_time_get",
        "ili",
        (caller, a) -> {
          GuestMemory.of(caller).setU64(a.i32(2), now(ctx, a.i32(0)));
          return Errno.SUCCESS;
        });
  }

  /** Returns clock {@code id}'s time in nanoseconds. */
  static long now(WasiContext ctx, int id) {
    return switch (id) {
      case Abi.CLOCK_REALTIME -> ctx.clock.realtimeNanos();
      case Abi.CLOCK_MONOTONIC -> ctx.clock.monotonicNanos();
      case Abi.CLOCK_PROCESS_CPUTIME ->
          ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO).toNanos();
      case Abi.CLOCK_THREAD_CPUTIME ->
          Threads.BEAN.isCurrentThreadCpuTimeSupported()
              ? Threads.BEAN.getCurrentThreadCpuTime()
              : 0;
      default -> throw Errno.fail(Errno.INVAL, "unknown clock " + id);
    };
  }
}
