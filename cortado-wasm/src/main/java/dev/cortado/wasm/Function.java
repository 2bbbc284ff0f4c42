package dev.cortado.wasm;

import java.util.List;
import java.util.Objects;

/**
 * A function defined in the module: its type, its locals beyond the parameters, and its body.
 *
 * @param typeIndex index of the function's type in the module's types
 * @param locals the declared locals, one entry per local (parameters not included)
 * @param body the instructions, ending with {@code end}
 * @see <a
 *     href="https://webassembly.github.io/spec/core/syntax/modules.html#functions">Functions</a>
 */
public record Function(int typeIndex, List<ValType> locals, Expression body) {
  /** Copies the locals and checks the body is present. */
  public Function {
    locals = List.copyOf(locals);
    Objects.requireNonNull(body, "body");
  }
}
