package dev.cortado.component;

/**
 * WIT text that does not parse or does not resolve: the message names the source, line and column
 * (for syntax) or the item (for names), and what was expected.
 */
public final class WitException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with its full message. */
  public WitException(String message) {
    super(message);
  }
}
