package dev.cortado.wast;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The suites of this module run compiled loads and stores the way the build asks: through the JDK's
 * Unsafe (the tests' JVM exports it, as {@code bin/cortado} does), or, in the execution that sets
 * {@code cortado.rawMemory=false}, through the VarHandles.
 */
class MemoryAccessPathTest {
  @Test
  void compiledAccessesTakeThePathTheBuildAsksFor() throws ReflectiveOperationException {
    boolean handles = "false".equals(System.getProperty("cortado.rawMemory"));
    // The runtime's internal package, read reflectively: this module's tests run on the class path
    // (where it is reachable), but they are compiled as a module (where it is not).
    Object raw =
        Class.forName("dev.cortado.runtime.internal.compiled.MemoryAccess")
            .getMethod("raw")
            .invoke(null);
    assertEquals(!handles, raw);
  }
}
