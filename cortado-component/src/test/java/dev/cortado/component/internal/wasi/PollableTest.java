package dev.cortado.component.internal.wasi;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cortado.wasi.internal.WasiContext;
import org.junit.jupiter.api.Test;

/** Pollables of {@code wasi:clocks/monotonic-clock}: instants are u64s. */
class PollableTest {
  @Test
  void anInstantPastOrNowIsReady() {
    WasiContext ctx = SocketTesting.context();
    assertTrue(Pollable.at(ctx, 0).ready());
    assertTrue(Pollable.at(ctx, ctx.clock().monotonicNanos()).ready());
  }

  @Test
  void anInstantOf2To63OrMoreIsNeverReadyNotPast() {
    WasiContext ctx = SocketTesting.context();
    for (long instant : new long[] {-1, Long.MIN_VALUE, Long.MAX_VALUE}) {
      Pollable p = Pollable.at(ctx, instant);
      assertFalse(p.ready(), Long.toUnsignedString(instant));
      assertTrue(p.waitNanos(ctx) > 0, "it waits a slice, then looks again");
    }
  }
}
