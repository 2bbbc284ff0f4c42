package dev.cortado.server.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class FrontHandlerTest {
  @Test
  void accessLogDurationsReadAsFormattedMilliseconds() {
    for (long nanos :
        new long[] {
          0, 499, 500, 1_000, 9_999, 12_345, 999_499, 999_500, 1_234_567, 98_765_432_109L
        }) {
      assertEquals(
          String.format(Locale.ROOT, "%.3fms", Math.round(nanos / 1e3) / 1e3),
          FrontHandler.millis(nanos),
          nanos + " ns");
    }
  }
}
