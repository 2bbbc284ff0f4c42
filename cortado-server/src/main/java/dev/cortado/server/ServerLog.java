package dev.cortado.server;

/**
 * Where the server's messages go: one line per request (the access log), what components write to
 * standard error, and the server's own notices and failures (a request that trapped, timed out or
 * wrote a bad response). Implementations must be thread-safe.
 */
public interface ServerLog {
  /** Logs {@code line}, an access log entry or a notice. */
  void info(String line);

  /** Logs {@code line}, a failure (of a request, of a component) or a warning. */
  void error(String line);

  /** Returns a log writing through {@link System.Logger} {@code dev.cortado.server}. */
  static ServerLog systemLogger() {
    System.Logger logger = System.getLogger("dev.cortado.server");
    return new ServerLog() {
      @Override
      public void info(String line) {
        logger.log(System.Logger.Level.INFO, line);
      }

      @Override
      public void error(String line) {
        logger.log(System.Logger.Level.WARNING, line);
      }
    };
  }
}
