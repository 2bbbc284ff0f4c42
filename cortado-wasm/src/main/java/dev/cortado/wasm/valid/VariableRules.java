package dev.cortado.wasm.valid;

import dev.cortado.wasm.GlobalType;
import dev.cortado.wasm.Opcode;
import dev.cortado.wasm.ValType;

/**
 * Validation of {@code local.*} and {@code global.*}.
 *
 * @see <a
 *     href="https://webassembly.github.io/spec/core/valid/instructions.html#variable-instructions">
 *     Variable instructions</a>
 */
final class VariableRules {
  private VariableRules() {}

  static void check(FunctionValidator v, Opcode op) {
    int x = v.reader.index();
    switch (op) {
      case LOCAL_GET -> {
        ValType t = local(v, x);
        if (!v.localSet[x]) {
          throw v.fail("uninitialized local " + x + " of type " + t.text() + " is read");
        }
        v.push(t);
      }
      case LOCAL_SET -> {
        v.pop(local(v, x));
        v.setLocal(x);
      }
      case LOCAL_TEE -> {
        ValType t = local(v, x);
        v.pop(t);
        v.push(t);
        v.setLocal(x);
      }
      case GLOBAL_GET -> v.push(global(v, x).valueType());
      case GLOBAL_SET -> {
        GlobalType g = global(v, x);
        if (!g.mutable()) {
          throw v.fail("global is immutable: global " + x + " cannot be set");
        }
        v.pop(g.valueType());
      }
      default -> throw new AssertionError(op);
    }
  }

  private static ValType local(FunctionValidator v, int x) {
    if (!Context.inRange(x, v.localCount)) {
      throw v.fail("unknown local " + Integer.toUnsignedString(x));
    }
    return v.locals[x];
  }

  static GlobalType global(FunctionValidator v, int x) {
    if (!Context.inRange(x, v.ctx.globals.length)) {
      throw v.fail("unknown global " + Integer.toUnsignedString(x));
    }
    return v.ctx.global(x);
  }
}
