package dev.cortado.wasm;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ValTypeTest {
  @Test
  void constantsAreTheEnumValuesWhicheverClassInitializesFirst() throws Exception {
    // Initialize NumType before ValType, in a fresh class loader, and check ValType's constants.
    var loader =
        new java.net.URLClassLoader(
            new java.net.URL[] {NumType.class.getProtectionDomain().getCodeSource().getLocation()},
            null);
    Class<?> num = Class.forName("dev.cortado.wasm.NumType", true, loader);
    Object i32 = num.getField("I32").get(null);
    Class<?> val = Class.forName("dev.cortado.wasm.ValType", true, loader);
    assertSame(i32, val.getField("I32").get(null));
  }

  @Test
  void tellsReferencesFromNumbersAndVectors() {
    assertTrue(ValType.FUNCREF.isReference());
    assertFalse(ValType.I64.isReference());
    assertFalse(ValType.V128.isReference());
  }
}
