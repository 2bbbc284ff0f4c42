package dev.cortado.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** JVM errors become one line that says what was too large and how to give the JVM more. */
class LastResortTest {
  private static String report(VirtualMachineError e, boolean debug) {
    StringWriter err = new StringWriter();
    int status =
        LastResort.report(e, "inspect", "printing m.wasm as text", debug, new PrintWriter(err));
    assertEquals(1, status);
    return err.toString();
  }

  @Test
  void outOfMemoryIsOneLineNamingTheStepAndTheHeapOption() {
    String line = report(new OutOfMemoryError("Java heap space"), false);
    assertEquals(1, line.lines().count(), line);
    assertTrue(
        line.startsWith(
            "cortado inspect: out of memory while printing m.wasm as text: the module is too large"
                + " for this JVM's heap ("),
        line);
    assertTrue(line.contains("CORTADO_JAVA_OPTS=-Xmx"), line);
    assertTrue(!line.contains("java.lang"), line);
  }

  @Test
  void stackOverflowIsOneLineNamingTheStackOption() {
    String line = report(new StackOverflowError(), false);
    assertEquals(1, line.lines().count(), line);
    assertTrue(line.startsWith("cortado inspect: out of stack space while printing"), line);
    assertTrue(line.contains("CORTADO_JAVA_OPTS=-Xss"), line);
  }

  @Test
  void debugAddsTheJavaStackTrace() {
    String text = report(new OutOfMemoryError("Java heap space"), true);
    assertTrue(text.lines().count() > 1, text);
    assertTrue(text.contains("java.lang.OutOfMemoryError: Java heap space"), text);
    assertTrue(text.contains("LastResortTest.debugAddsTheJavaStackTrace("), text);
  }
}
