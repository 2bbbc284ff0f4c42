package dev.cortado.wasm;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The input is not a well-formed module: bytes the binary format does not allow, or text the text
 * format does not allow.
 *
 * <p>For a binary, the exception gives the byte offset and the section; for text, the line and
 * column.
 *
 * @see <a href="https://webassembly.github.io/spec/core/binary/index.html">Binary format</a>
 */
public final class MalformedException extends WasmException {
  private static final long serialVersionUID = 1L;

  private final long offset;
  private final String section;
  private final int line;
  private final int column;

  private MalformedException(
      String problem, String where, long offset, String section, int line, int column) {
    super("malformed module", problem, where, null);
    this.offset = offset;
    this.section = section;
    this.line = line;
    this.column = column;
  }

  /**
   * Returns an exception for a binary that is malformed at byte {@code offset}.
   *
   * @param problem what is wrong, for example {@code "unexpected end"}
   * @param offset the byte offset in the binary
   * @param section the section being read, or the empty string for the header
   */
  public static MalformedException binary(String problem, long offset, String section) {
    String where =
        "at byte "
            + offset
            + " (0x"
            + Long.toHexString(offset)
            + ")"
            + (section.isEmpty() ? "" : " in the " + section + " section");
    return new MalformedException(problem, where, offset, section, 0, 0);
  }

  /**
   * Returns an exception for text that is malformed at {@code line}:{@code column} (1-based).
   *
   * @param problem what is wrong, for example {@code "unknown operator i32.foo"}
   */
  public static MalformedException text(String problem, int line, int column) {
    return new MalformedException(
        problem, "at line " + line + ", column " + column, -1, "", line, column);
  }

  /** Returns the byte offset in the binary, if the input was a binary. */
  public OptionalLong offset() {
    return offset < 0 ? OptionalLong.empty() : OptionalLong.of(offset);
  }

  /** Returns the section being read, if the input was a binary and a section was being read. */
  public Optional<String> section() {
    return section.isEmpty() ? Optional.empty() : Optional.of(section);
  }

  /** Returns the 1-based line, if the input was text. */
  public OptionalInt line() {
    return line == 0 ? OptionalInt.empty() : OptionalInt.of(line);
  }

  /** Returns the 1-based column, if the input was text. */
  public OptionalInt column() {
    return line == 0 ? OptionalInt.empty() : OptionalInt.of(column);
  }
}
