package dev.cortado.wasm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WasmModuleNamesTest {
  @Test
  void namesGivenBySupplierAreDecodedOnFirstUseOnly() {
    AtomicInteger decoded = new AtomicInteger();
    Names names = new Names(Optional.of("m"), Map.of(0, "main"), Map.of());
    WasmModule m =
        WasmModule.builder()
            .names(
                () -> {
                  decoded.incrementAndGet();
                  return names;
                })
            .build();
    assertEquals(0, decoded.get());
    assertEquals(Optional.of("main"), m.names().functionName(0));
    assertEquals(names, m.names());
    assertEquals(1, decoded.get());
    // A copy shares the source, and equal names make equal modules.
    assertEquals(m, m.toBuilder().build());
  }
}
