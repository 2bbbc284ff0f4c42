package dev.cortado.wasm.valid;

import dev.cortado.wasm.FuncType;
import dev.cortado.wasm.Function;
import dev.cortado.wasm.GlobalType;
import dev.cortado.wasm.Import;
import dev.cortado.wasm.ImportDesc;
import dev.cortado.wasm.InvalidException;
import dev.cortado.wasm.RecGroup;
import dev.cortado.wasm.SubType;
import dev.cortado.wasm.TableType;
import dev.cortado.wasm.ValType;
import dev.cortado.wasm.WasmModule;
import java.util.HashMap;
import java.util.Map;

/**
 * The module-level rules of Wasm 3.0's typed references: every type index in a type names a type (a
 * type definition only its own or an earlier recursion group), Wasm 2.0 has only {@code funcref}
 * and {@code externref}, and the module's types get their canonical ids ({@link TypeKeys}).
 *
 * @see <a href="https://webassembly.github.io/spec/core/valid/types.html">Validation of types</a>
 */
final class ReferenceTypes {
  private ReferenceTypes() {}

  /** Checks the type section's definitions and returns each type's canonical id in the module. */
  static int[] checkTypes(WasmModule m, Context ctx) {
    int start = 0;
    for (RecGroup g : m.recGroups()) {
      int end = start + g.types().size();
      for (int k = 0; k < g.types().size(); k++) {
        SubType t = g.types().get(k);
        String where = "type " + (start + k);
        if (t.composite() instanceof FuncType f) {
          f.params().forEach(p -> check(ctx, p, end, where));
          f.results().forEach(r -> check(ctx, r, end, where));
        }
      }
      start = end;
    }
    Map<String, Integer> ids = new HashMap<>();
    return TypeKeys.ids(m.recGroups(), key -> ids.computeIfAbsent(key, x -> ids.size()));
  }

  /** Checks the type of a table and returns it. */
  static TableType check(Context ctx, TableType t, String where) {
    check(ctx, t.elementType(), ctx.types.size(), where);
    return t;
  }

  /** Checks the type of a global and returns it. */
  static GlobalType check(Context ctx, GlobalType t, String where) {
    check(ctx, t.valueType(), ctx.types.size(), where);
    return t;
  }

  /** Checks {@code t} names only types below {@code limit} and exists in the edition. */
  static void check(Context ctx, ValType t, int limit, String where) {
    if (!ctx.isKnown(t, limit)) {
      throw InvalidException.of("unknown type: " + t.text() + " names no type before it", where);
    }
    if (!ctx.isValueTypeOfVersion(t)) {
      throw InvalidException.of("type " + t.text() + " needs Wasm 3.0", where);
    }
  }

  /** Returns the type index of every function, imported and defined, by function index. */
  static int[] functionTypeIndices(WasmModule m) {
    int[] indices = new int[m.functionCount()];
    int f = 0;
    for (Import imp : m.imports()) {
      if (imp.desc() instanceof ImportDesc.Func fn) {
        indices[f++] = fn.typeIndex();
      }
    }
    for (Function fn : m.functions()) {
      indices[f++] = fn.typeIndex();
    }
    return indices;
  }
}
