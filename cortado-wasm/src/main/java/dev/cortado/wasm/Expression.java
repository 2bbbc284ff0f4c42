package dev.cortado.wasm;

import java.util.Objects;

/**
 * A sequence of instructions in the binary encoding, ending with the {@code end} opcode: a function
 * body or a constant expression.
 *
 * <p>Code is kept encoded, the form that decodes and validates fastest; read it with {@code
 * dev.cortado.wasm.binary.InstructionReader} and build it with {@code
 * dev.cortado.wasm.binary.InstructionWriter}. Equality is by the encoded bytes.
 *
 * @param code the encoded instructions, including the final {@code end}
 * @param sourceOffset where the code starts in the binary it was decoded from (for error messages),
 *     or 0
 * @see <a href="https://webassembly.github.io/spec/core/syntax/instructions.html#expressions">
 *     Expressions</a>
 */
public record Expression(Bytes code, long sourceOffset) {
  /** Checks the code is present. */
  public Expression {
    Objects.requireNonNull(code, "code");
  }

  /** Returns the expression encoded in {@code code}, with no source offset. */
  public static Expression of(Bytes code) {
    return new Expression(code, 0);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Expression e && code.equals(e.code);
  }

  @Override
  public int hashCode() {
    return code.hashCode();
  }
}
