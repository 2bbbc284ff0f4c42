package dev.cortado.cli;

import java.io.PrintWriter;

/**
 * Turns the JVM errors that a large or deep input can cause ({@link OutOfMemoryError}, {@link
 * StackOverflowError}) into one line saying what was too large and how to give the JVM more,
 * instead of a Java stack trace; the trace follows only with {@code --debug}.
 */
final class LastResort {
  /** The exit status: the command failed, as for any other error of Cortado's. */
  static final int STATUS = 1;

  private LastResort() {}

  /**
   * Prints the line for {@code error}, met while {@code doing} something in {@code command}, and
   * returns the exit status.
   */
  static int report(
      VirtualMachineError error, String command, String doing, boolean debug, PrintWriter err) {
    String prefix = command.isEmpty() ? "cortado: " : "cortado " + command + ": ";
    if (error instanceof StackOverflowError) {
      err.println(
          prefix
              + "out of stack space while "
              + doing
              + ": the input is nested too deeply for this JVM's thread stack; raise it with"
              + " CORTADO_JAVA_OPTS=-Xss<size> (e.g. -Xss256m)");
    } else {
      err.println(
          prefix
              + "out of memory while "
              + doing
              + ": the module is too large for this JVM's heap ("
              + Runtime.getRuntime().maxMemory() / (1 << 20)
              + " MiB); raise it with CORTADO_JAVA_OPTS=-Xmx<size> (e.g. -Xmx8g)");
    }
    if (debug) {
      error.printStackTrace(err);
    }
    err.flush();
    return STATUS;
  }
}
