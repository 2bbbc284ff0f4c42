package dev.cortado.runtime.internal.compiled;

import dev.cortado.wasm.FuncType;
import dev.cortado.wasm.Import;
import dev.cortado.wasm.ImportDesc;
import dev.cortado.wasm.RecGroup;
import dev.cortado.wasm.RefType;
import dev.cortado.wasm.SubType;
import dev.cortado.wasm.ValType;
import dev.cortado.wasm.WasmModule;
import java.util.List;
import java.util.Optional;

/**
 * What the compiler handles: Wasm 2.0 modules (numbers, vectors, {@code funcref} and {@code
 * externref}, one plain function type per recursion group), several memories, 64-bit memories and
 * tables, and tail calls by leaving the functions that make them to the interpreter. A module using
 * a Wasm 3.0 type (typed references, GC types) runs in the interpreter as a whole, until the
 * compiler follows the interpreter there.
 */
public final class CompilerScope {
  private CompilerScope() {}

  /**
   * Returns why the compiler cannot compile {@code module} (the first thing found), or empty if it
   * can.
   */
  public static Optional<String> outside(WasmModule module) {
    for (RecGroup g : module.recGroups()) {
      if (g.types().size() != 1) {
        return Optional.of("it has a recursion group of several types (Wasm 3.0 GC)");
      }
      SubType t = g.types().get(0);
      if (!(t.composite() instanceof FuncType f) || !t.supertypes().isEmpty() || !t.isFinal()) {
        return Optional.of("it declares struct, array or subtypes (Wasm 3.0 GC)");
      }
      Optional<String> r = refs(f.params()).or(() -> refs(f.results()));
      if (r.isPresent()) {
        return r;
      }
    }
    for (Import i : module.imports()) {
      Optional<String> r =
          switch (i.desc()) {
            case ImportDesc.Table t -> ref(t.type().elementType());
            case ImportDesc.Global g -> refs(List.of(g.type().valueType()));
            default -> Optional.empty();
          };
      if (r.isPresent()) {
        return r;
      }
    }
    return first(module.tables(), t -> ref(t.elementType()))
        .or(() -> first(module.globals(), g -> refs(List.of(g.type().valueType()))))
        .or(() -> first(module.functions(), f -> refs(f.locals())))
        .or(() -> first(module.elements(), e -> ref(e.type())));
  }

  private static <T> Optional<String> first(
      List<T> items, java.util.function.Function<T, Optional<String>> check) {
    return items.stream().map(check).flatMap(Optional::stream).findFirst();
  }

  private static Optional<String> refs(List<ValType> types) {
    return first(types, t -> t instanceof RefType r ? ref(r) : Optional.empty());
  }

  private static Optional<String> ref(RefType r) {
    return r.equals(RefType.FUNCREF) || r.equals(RefType.EXTERNREF)
        ? Optional.empty()
        : Optional.of("it uses the reference type " + r.text() + " (Wasm 3.0)");
  }
}
