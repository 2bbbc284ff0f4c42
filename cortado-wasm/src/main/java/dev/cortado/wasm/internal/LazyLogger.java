package dev.cortado.wasm.internal;

import java.util.ResourceBundle;

/**
 * A {@link System.Logger} that looks up the real one when it is first asked something. The first
 * {@link System#getLogger} of a process starts the logging backend: a service lookup that opens
 * every jar on the class path, then {@code java.util.logging}'s configuration, about 30 ms of a
 * cold start (55 ms with the CLI's 32 jars and no class-data-sharing archive). A class that logs
 * only when something goes wrong keeps one of these in its static field, so a run where nothing
 * does never pays for it.
 */
public final class LazyLogger implements System.Logger {
  private final String name;
  private volatile System.Logger logger;

  private LazyLogger(String name) {
    this.name = name;
  }

  /** Returns a logger named after {@code owner}, looked up on first use. */
  public static System.Logger of(Class<?> owner) {
    return new LazyLogger(owner.getName());
  }

  private System.Logger logger() {
    System.Logger l = logger;
    if (l == null) {
      l = System.getLogger(name);
      logger = l;
    }
    return l;
  }

  @Override
  public String getName() {
    return name;
  }

  @Override
  public boolean isLoggable(Level level) {
    return logger().isLoggable(level);
  }

  @Override
  public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
    logger().log(level, bundle, msg, thrown);
  }

  @Override
  public void log(Level level, ResourceBundle bundle, String format, Object... params) {
    logger().log(level, bundle, format, params);
  }
}
