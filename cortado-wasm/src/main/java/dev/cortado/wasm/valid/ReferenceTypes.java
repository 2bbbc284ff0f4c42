package dev.cortado.wasm.valid;

import dev.cortado.wasm.ArrayType;
import dev.cortado.wasm.CompositeType;
import dev.cortado.wasm.FieldType;
import dev.cortado.wasm.FuncType;
import dev.cortado.wasm.Function;
import dev.cortado.wasm.GlobalType;
import dev.cortado.wasm.Import;
import dev.cortado.wasm.ImportDesc;
import dev.cortado.wasm.InvalidException;
import dev.cortado.wasm.PackedType;
import dev.cortado.wasm.RecGroup;
import dev.cortado.wasm.StructType;
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

  /**
   * Checks the type section's definitions (value types, supertypes, subtyping), sets each type's
   * canonical id in the module on {@code ctx}, and returns them.
   *
   * @see <a href="https://webassembly.github.io/spec/core/valid/types.html#recursive-types">
   *     Validation of recursive types</a>
   */
  static int[] checkTypes(WasmModule m, Context ctx) {
    int start = 0;
    for (RecGroup g : m.recGroups()) {
      int end = start + g.types().size();
      for (int k = 0; k < g.types().size(); k++) {
        SubType t = g.types().get(k);
        int x = start + k;
        String where = "type " + x;
        // instanceof, not a pattern switch: this runs at every start, where linking a switch's
        // call site costs milliseconds (RATIONALE.md: "What a start links anew every time").
        CompositeType c = t.composite();
        if (c instanceof FuncType f) {
          f.params().forEach(p -> check(ctx, p, end, where));
          f.results().forEach(r -> check(ctx, r, end, where));
        } else if (c instanceof StructType st) {
          st.fields().forEach(f -> check(ctx, f, end, where));
        } else {
          check(ctx, ((ArrayType) c).element(), end, where);
        }
        if (t.supertypes().size() > 1) {
          throw InvalidException.of(
              "sub type: at most one supertype, not " + t.supertypes().size(), where);
        }
        for (int s : t.supertypes()) {
          if (!Context.inRange(s, x)) {
            throw InvalidException.of(
                "unknown type " + Integer.toUnsignedString(s) + ": a supertype comes first", where);
          }
        }
      }
      start = end;
    }
    Map<String, Integer> ids = new HashMap<>();
    int[] canonical = TypeKeys.ids(m.recGroups(), key -> ids.computeIfAbsent(key, x -> ids.size()));
    ctx.canonical = canonical;
    for (int x = 0; x < ctx.types.size(); x++) {
      SubType t = ctx.types.get(x);
      for (int s : t.supertypes()) {
        SubType sup = ctx.types.get(s);
        if (sup.isFinal()) {
          throw InvalidException.of("sub type: type " + s + " is final", "type " + x);
        }
        if (!matches(ctx, t.composite(), sup.composite())) {
          throw InvalidException.of(
              "sub type: " + t.composite() + " does not match its supertype " + sup.composite(),
              "type " + x);
        }
      }
    }
    return canonical;
  }

  /** Whether composite type {@code a} matches {@code b}, as a declared subtype must. */
  private static boolean matches(Context ctx, CompositeType a, CompositeType b) {
    return switch (a) {
      case FuncType f when b instanceof FuncType g ->
          ctx.matchesAll(g.params(), f.params()) && ctx.matchesAll(f.results(), g.results());
      case StructType s when b instanceof StructType t -> {
        if (s.fields().size() < t.fields().size()) {
          yield false;
        }
        for (int i = 0; i < t.fields().size(); i++) {
          if (!matches(ctx, s.fields().get(i), t.fields().get(i))) {
            yield false;
          }
        }
        yield true;
      }
      case ArrayType x when b instanceof ArrayType y -> matches(ctx, x.element(), y.element());
      default -> false;
    };
  }

  /** A field matches: the same mutability, and a subtype if immutable, the same type if not. */
  private static boolean matches(Context ctx, FieldType a, FieldType b) {
    if (a.mutable() != b.mutable()) {
      return false;
    }
    return switch (a.storage()) {
      case PackedType p -> p == b.storage();
      case ValType v ->
          b.storage() instanceof ValType w
              && ctx.matches(v, w)
              && (!a.mutable() || ctx.matches(w, v));
    };
  }

  private static void check(Context ctx, FieldType f, int limit, String where) {
    if (f.storage() instanceof ValType v) {
      check(ctx, v, limit, where);
    }
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
