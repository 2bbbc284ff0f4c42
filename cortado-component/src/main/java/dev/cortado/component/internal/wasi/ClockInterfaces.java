package dev.cortado.component.internal.wasi;

import static dev.cortado.component.internal.wasi.Cv.of;

import dev.cortado.component.ComponentValue;
import dev.cortado.wasi.internal.WasiContext;

/** {@code wasi:clocks}: the monotonic clock with its subscriptions, and the wall clock. */
final class ClockInterfaces {
  private ClockInterfaces() {}

  static ComponentValue datetime(long nanos) {
    return Cv.record(
        Cv.u64(Math.floorDiv(nanos, 1_000_000_000L)), Cv.u32(Math.floorMod(nanos, 1_000_000_000L)));
  }

  static void define(HostLinker l) {
    String mono = "wasi:clocks/monotonic-clock" + Host.VERSION;
    l.defineFunction(mono, "now", (h, args) -> of(Cv.u64(h.ctx.clock().monotonicNanos())));
    l.defineFunction(mono, "resolution", (h, args) -> of(Cv.u64(1)));
    l.defineFunction(
        mono,
        "subscribe-instant",
        (h, args) -> of(Cv.resource(Host.POLLABLE, Pollable.at(h.ctx, Cv.integer(args.get(0))))));
    l.defineFunction(
        mono,
        "subscribe-duration",
        (h, args) -> {
          long now = h.ctx.clock().monotonicNanos();
          long d = Cv.integer(args.get(0));
          long at = d < 0 || now + d < now ? Long.MAX_VALUE : now + d;
          return of(Cv.resource(Host.POLLABLE, Pollable.at(h.ctx, at)));
        });

    String wall = "wasi:clocks/wall-clock" + Host.VERSION;
    l.defineFunction(wall, "now", (h, args) -> of(datetime(h.ctx.clock().realtimeNanos())));
    l.defineFunction(
        wall, "resolution", (h, args) -> of(datetime(WasiContext.REALTIME_RESOLUTION_NANOS)));
  }
}
