package dev.cortado.wasm.valid;

import dev.cortado.wasm.HeapType;
import dev.cortado.wasm.RefType;
import dev.cortado.wasm.ValType;

/**
 * Validation of {@code ref.null}, {@code ref.is_null} and {@code ref.func}.
 *
 * @see <a
 *     href="https://webassembly.github.io/spec/core/valid/instructions.html#reference-instructions">
 *     Reference instructions</a>
 */
final class ReferenceRules {
  private ReferenceRules() {}

  static void refNull(FunctionValidator v) {
    RefType t = RefType.nullable(v.reader.heapType());
    if (!v.knownType(t)) {
      throw v.fail("unknown type " + t.heapType().text() + " of ref.null");
    }
    v.push(t);
  }

  static void refIsNull(FunctionValidator v) {
    ValType t = v.pop();
    if (t != null && !t.isReference()) {
      throw v.fail("type mismatch: ref.is_null needs a reference, got " + t.text());
    }
    v.push(ValType.I32);
  }

  static void refFunc(FunctionValidator v) {
    int f = v.reader.index();
    if (!Context.inRange(f, v.ctx.functions.length)) {
      throw v.fail("unknown function " + Integer.toUnsignedString(f));
    }
    // In function bodies only functions the module declares elsewhere may be referenced; in
    // constant expressions every reference is itself such a declaration.
    if (!v.constantMode() && !v.ctx.refs.get(f)) {
      throw v.fail(
          "undeclared function reference: function "
              + f
              + " is not named in an element segment, export or global initializer");
    }
    // The reference has the function's own type, (ref $t): in Wasm 2.0, where every function
    // reference is a funcref, a subtype of it.
    v.push(new RefType(false, new HeapType.Concrete(v.ctx.functionTypeIndices[f])));
  }
}
