package dev.cortado.component.internal.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** An outgoing request's {@code first-byte-timeout}, a u64 of nanoseconds, as the JDK's timeout. */
class OutboundCallTest {
  @Test
  void aTimeoutBeyondALongIsNoTimeoutNotAnImmediateOne() {
    assertEquals(Optional.empty(), OutboundCall.timeout(-1));
    assertEquals(Optional.empty(), OutboundCall.timeout(Long.MIN_VALUE));
    assertEquals(Optional.of(Duration.ofSeconds(3)), OutboundCall.timeout(3_000_000_000L));
    assertEquals(Optional.of(Duration.ofNanos(1)), OutboundCall.timeout(0), "zero: at once");
  }
}
