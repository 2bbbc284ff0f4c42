package dev.cortado.cli;

/**
 * A failure the user can act on (a missing file, a bad argument): the command prints the message
 * alone, without a stack trace, and exits with a failure status.
 */
final class UserException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UserException(String message) {
    super(message);
  }

  UserException(String message, Throwable cause) {
    super(message, cause);
  }
}
