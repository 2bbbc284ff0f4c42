package dev.cortado.wast;

/**
 * A command of a script that did not do what it asserts, or a whole script that failed: one that
 * does not parse, or one the expected-failure list names that passed completely.
 *
 * @param file the script's name
 * @param line the command's line, or where parsing stopped; 0 for the whole script
 * @param column where parsing stopped, or 0 for a command
 * @param command the command, for example {@code assert_return}, or {@code script}
 * @param message what was expected and what happened
 */
public record Failure(String file, int line, int column, String command, String message) {
  /** Returns a failure of the command at {@code line}. */
  static Failure ofCommand(String file, int line, String command, String message) {
    return new Failure(file, line, 0, command, message);
  }

  /** Returns {@code file.wast:line}, the key of the expected-failure list. */
  public String location() {
    return line == 0 ? file : file + ":" + line;
  }

  /**
   * Returns where in the file, as {@code line} or {@code line:column}, or the empty string for the
   * whole script.
   */
  public String position() {
    if (line == 0) {
      return "";
    }
    return column == 0 ? Integer.toString(line) : line + ":" + column;
  }

  @Override
  public String toString() {
    String where = position();
    return file + (where.isEmpty() ? "" : ":" + where) + ": " + command + ": " + message;
  }
}
