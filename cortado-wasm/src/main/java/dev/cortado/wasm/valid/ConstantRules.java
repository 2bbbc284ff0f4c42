package dev.cortado.wasm.valid;

import dev.cortado.wasm.GlobalType;
import dev.cortado.wasm.Opcode;

/**
 * Which instructions a constant expression (a global's initializer, a segment's offset or element)
 * may contain. In Wasm 2.0 {@code global.get} may only read an immutable imported global.
 *
 * @see <a
 *     href="https://webassembly.github.io/spec/core/valid/instructions.html#constant-expressions">
 *     Constant expressions</a>
 */
final class ConstantRules {
  private ConstantRules() {}

  static void check(FunctionValidator v, Opcode op) {
    switch (op) {
      case I32_CONST, I64_CONST, F32_CONST, F64_CONST, V128_CONST, REF_NULL, REF_FUNC, END -> {}
      case GLOBAL_GET -> {
        int x = v.reader.index();
        // Only imported globals are visible to constant expressions in Wasm 2.0.
        if (!Context.inRange(x, v.ctx.importedGlobals)) {
          throw v.fail(
              "unknown global "
                  + Integer.toUnsignedString(x)
                  + " (constant expressions may only read imported globals)");
        }
        GlobalType g = v.ctx.global(x);
        if (g.mutable()) {
          throw v.fail("constant expression required: global " + x + " is mutable");
        }
      }
      default -> throw v.fail("constant expression required: " + op.text() + " is not constant");
    }
  }
}
