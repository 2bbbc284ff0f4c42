package dev.cortado.runtime.internal.compiled;

import dev.cortado.wasm.ArrayType;
import dev.cortado.wasm.FieldType;
import dev.cortado.wasm.StructType;
import dev.cortado.wasm.SubType;
import dev.cortado.wasm.ValType;
import dev.cortado.wasm.WasmModule;
import java.util.List;
import java.util.Optional;

/**
 * What the compiler handles: everything but structs and arrays that store {@code v128} values. Wasm
 * 2.0, several memories, 64-bit memories and tables, typed function references, exception handling,
 * garbage collection (structs, arrays, i31s, casts, recursion groups, subtypes) and tail calls (by
 * leaving the functions that make other than self tail calls to the interpreter). A module
 * declaring a struct or array type with a {@code v128} field or element runs in the interpreter as
 * a whole.
 */
public final class CompilerScope {
  private CompilerScope() {}

  /**
   * Returns why the compiler cannot compile {@code module} (the first thing found), or empty if it
   * can.
   */
  public static Optional<String> outside(WasmModule module) {
    List<SubType> types = module.types();
    for (int i = 0; i < types.size(); i++) {
      // instanceof, not a pattern switch: linking one costs milliseconds of every start.
      List<FieldType> fields =
          types.get(i).composite() instanceof StructType s
              ? s.fields()
              : types.get(i).composite() instanceof ArrayType a ? List.of(a.element()) : List.of();
      for (FieldType field : fields) {
        if (field.storage() == ValType.V128) {
          return Optional.of(
              "it declares type " + i + ", a struct or array of v128 values (Wasm 3.0 GC)");
        }
      }
    }
    return Optional.empty();
  }
}
