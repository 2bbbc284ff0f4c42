package dev.cortado.wasm;

import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The module is well-formed but breaks a validation rule, such as a type mismatch or an unknown
 * index.
 *
 * <p>When the rule is broken inside a function, the exception gives the function's index and the
 * offset of the instruction in the binary (or in the function body, for a module that was not
 * decoded from a binary).
 *
 * @see <a href="https://webassembly.github.io/spec/core/valid/index.html">Validation</a>
 */
public final class InvalidException extends WasmException {
  private static final long serialVersionUID = 1L;

  private final int functionIndex;
  private final long offset;

  private InvalidException(String problem, String where, int functionIndex, long offset) {
    super("invalid module", problem, where, null);
    this.functionIndex = functionIndex;
    this.offset = offset;
  }

  /** Returns an exception for a rule broken outside any function, for example in an export. */
  public static InvalidException of(String problem, String where) {
    return new InvalidException(problem, where.isEmpty() ? "" : "in " + where, -1, -1);
  }

  /**
   * Returns an exception for a rule broken by an instruction.
   *
   * @param problem the rule broken, for example {@code "type mismatch: expected i32, got f64"}
   * @param functionIndex the function's index (imports included), or -1 in a constant expression
   * @param functionName the function's name from the name section, or the empty string
   * @param offset the instruction's byte offset in the binary, or in the code when {@code inBinary}
   *     is false
   * @param inBinary whether the code was decoded from a binary (else it was parsed or built)
   * @param where where the code is, when not in a function ({@code "global 2"}), or empty
   */
  public static InvalidException inCode(
      String problem,
      int functionIndex,
      String functionName,
      long offset,
      boolean inBinary,
      String where) {
    StringBuilder m = new StringBuilder("in ");
    if (functionIndex >= 0) {
      m.append("function ").append(functionIndex);
      if (!functionName.isEmpty()) {
        m.append(" (").append(functionName).append(')');
      }
    } else {
      m.append(where);
    }
    m.append(" at byte ")
        .append(offset)
        .append(" (0x")
        .append(Long.toHexString(offset))
        .append(')');
    return new InvalidException(problem, m.toString(), functionIndex, offset);
  }

  /** Returns the index of the function breaking the rule, if it is in a function. */
  public OptionalInt functionIndex() {
    return functionIndex < 0 ? OptionalInt.empty() : OptionalInt.of(functionIndex);
  }

  /** Returns the byte offset of the instruction breaking the rule, if it is in code. */
  public OptionalLong offset() {
    return offset < 0 ? OptionalLong.empty() : OptionalLong.of(offset);
  }
}
