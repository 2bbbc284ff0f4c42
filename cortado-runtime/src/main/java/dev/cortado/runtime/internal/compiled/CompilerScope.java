package dev.cortado.runtime.internal.compiled;

import dev.cortado.wasm.FuncType;
import dev.cortado.wasm.HeapType;
import dev.cortado.wasm.Import;
import dev.cortado.wasm.ImportDesc;
import dev.cortado.wasm.Opcode;
import dev.cortado.wasm.RecGroup;
import dev.cortado.wasm.RefType;
import dev.cortado.wasm.SubType;
import dev.cortado.wasm.ValType;
import dev.cortado.wasm.WasmModule;
import dev.cortado.wasm.binary.InstructionReader;
import java.util.List;
import java.util.Optional;

/**
 * What the compiler handles: Wasm 2.0 modules (numbers, vectors, {@code funcref} and {@code
 * externref}, one plain function type per recursion group), and tail calls by leaving the functions
 * that make them to the interpreter. A module using a Wasm 3.0 type (typed references, GC types) or
 * exception handling (tags, {@code exnref}, {@code try_table}, {@code throw}, {@code throw_ref})
 * runs in the interpreter as a whole, until the compiler follows the interpreter there.
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
    if (module.tagCount() > 0) {
      return Optional.of("it has exception tags (Wasm 3.0 exception handling)");
    }
    return first(module.tables(), t -> ref(t.elementType()))
        .or(() -> first(module.globals(), g -> refs(List.of(g.type().valueType()))))
        .or(() -> first(module.functions(), f -> refs(f.locals())))
        .or(() -> first(module.elements(), e -> ref(e.type())))
        .or(() -> exceptionInstructions(module));
  }

  /**
   * Finds an exception instruction (a {@code try_table}, {@code throw_ref} or legacy {@code try}
   * needs no tag or {@code exnref} anywhere the checks above look).
   */
  private static Optional<String> exceptionInstructions(WasmModule module) {
    for (int i = 0; i < module.functions().size(); i++) {
      InstructionReader r = InstructionReader.of(module.functions().get(i).body());
      while (r.hasNext()) {
        Opcode op = r.next();
        if (op.handlesExceptions()) {
          return Optional.of(
              "function "
                  + (module.importedFunctionCount() + i)
                  + " uses "
                  + op.text()
                  + " (Wasm 3.0 exception handling)");
        }
      }
    }
    return Optional.empty();
  }

  private static <T> Optional<String> first(
      List<T> items, java.util.function.Function<T, Optional<String>> check) {
    return items.stream().map(check).flatMap(Optional::stream).findFirst();
  }

  private static Optional<String> refs(List<ValType> types) {
    return first(types, t -> t instanceof RefType r ? ref(r) : Optional.empty());
  }

  private static Optional<String> ref(RefType r) {
    if (r.equals(RefType.FUNCREF) || r.equals(RefType.EXTERNREF)) {
      return Optional.empty();
    }
    boolean exception =
        r.heapType() == HeapType.Abstract.EXN || r.heapType() == HeapType.Abstract.NOEXN;
    return Optional.of(
        "it uses the reference type "
            + r.text()
            + (exception ? " (Wasm 3.0 exception handling)" : " (Wasm 3.0)"));
  }
}
