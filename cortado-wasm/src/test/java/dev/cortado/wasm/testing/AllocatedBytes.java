package dev.cortado.wasm.testing;

import java.lang.reflect.Method;

/** What the current thread allocates, for tests that check code allocates nothing per call. */
public final class AllocatedBytes {
  private AllocatedBytes() {}

  /**
   * Returns the bytes the current thread has allocated so far, or -1 if the JVM cannot tell.
   * Through reflection: Cortado's modules read neither java.management nor jdk.management.
   */
  public static long sofar() {
    try {
      Object threads =
          Class.forName("java.lang.management.ManagementFactory")
              .getMethod("getThreadMXBean")
              .invoke(null);
      Method allocated =
          Class.forName("com.sun.management.ThreadMXBean")
              .getMethod("getCurrentThreadAllocatedBytes");
      return (long) allocated.invoke(threads);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return -1;
    }
  }
}
