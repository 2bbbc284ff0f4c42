package dev.cortado.wast;

/**
 * A command of a script that did not do what it asserts.
 *
 * @param file the script's name
 * @param line the command's line
 * @param command the command, for example {@code assert_return}
 * @param message what was expected and what happened
 */
public record Failure(String file, int line, String command, String message) {
  /** Returns {@code file.wast:line}, the key of the expected-failure list. */
  public String location() {
    return file + ":" + line;
  }

  @Override
  public String toString() {
    return location() + ": " + command + ": " + message;
  }
}
