package dev.cortado.wasm.valid;

import dev.cortado.wasm.GlobalType;
import dev.cortado.wasm.Opcode;
import dev.cortado.wasm.WasmVersion;

/**
 * Which instructions a constant expression (a global's initializer, a segment's offset or element)
 * may contain: constants, {@code ref.null}, {@code ref.func}, the extended-const arithmetic ({@code
 * i32}/{@code i64} {@code add}, {@code sub}, {@code mul}), GC allocations ({@code struct.new},
 * {@code array.new}, {@code array.new_fixed} and their defaults, {@code ref.i31}), the {@code
 * any}/{@code extern} conversions, and {@code global.get} of an immutable global that precedes the
 * expression (Wasm 3.0: an imported global, or one defined earlier in the module; every global for
 * segments).
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
      case I32_ADD,
          I32_SUB,
          I32_MUL,
          I64_ADD,
          I64_SUB,
          I64_MUL,
          STRUCT_NEW,
          STRUCT_NEW_DEFAULT,
          ARRAY_NEW,
          ARRAY_NEW_DEFAULT,
          ARRAY_NEW_FIXED,
          REF_I31,
          ANY_CONVERT_EXTERN,
          EXTERN_CONVERT_ANY -> {
        if (v.ctx.version == WasmVersion.WASM_2_0) {
          throw v.fail("constant expression required: " + op.text() + " is Wasm 3.0");
        }
      }
      case GLOBAL_GET -> {
        int x = v.reader.index();
        // A global's initializer sees only the globals before it: they are initialized in order.
        if (!Context.inRange(x, v.visibleGlobals)) {
          throw v.fail(
              "unknown global "
                  + Integer.toUnsignedString(x)
                  + (Context.inRange(x, v.ctx.globals.length)
                      ? " (a global's initializer may only read the globals before it)"
                      : ""));
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
