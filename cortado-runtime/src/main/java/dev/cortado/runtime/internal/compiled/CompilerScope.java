package dev.cortado.runtime.internal.compiled;

import dev.cortado.wasm.BlockType;
import dev.cortado.wasm.Expression;
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
import java.util.Set;

/**
 * What the compiler handles: everything but Wasm 3.0 garbage collection. Wasm 2.0, several
 * memories, 64-bit memories and tables, typed function references ({@code (ref null? $t)}, {@code
 * call_ref}, {@code br_on_null}, ...), exception handling (tags, {@code exnref}, {@code try_table},
 * legacy {@code try}) and tail calls (by leaving the functions that make other than self tail calls
 * to the interpreter). A module using GC (struct, array and i31 types or instructions, casts,
 * recursion groups of several types, subtypes) runs in the interpreter as a whole.
 */
public final class CompilerScope {
  /** The abstract heap types of the {@code any} hierarchy, which only GC values inhabit. */
  private static final Set<HeapType> GC_HEAP_TYPES =
      Set.of(
          HeapType.Abstract.ANY,
          HeapType.Abstract.EQ,
          HeapType.Abstract.I31,
          HeapType.Abstract.STRUCT,
          HeapType.Abstract.ARRAY,
          HeapType.Abstract.NONE);

  private CompilerScope() {}

  /**
   * Returns why the compiler cannot compile {@code module} (the first thing found), or empty if it
   * can.
   */
  public static Optional<String> outside(WasmModule module) {
    return declarations(module).map(why -> "it " + why).or(() -> code(module));
  }

  /** Returns why {@code module}'s types, imports or definitions are beyond the compiler, if so. */
  private static Optional<String> declarations(WasmModule module) {
    for (RecGroup g : module.recGroups()) {
      if (g.types().size() != 1) {
        return Optional.of("has a recursion group of several types (Wasm 3.0 GC)");
      }
      SubType t = g.types().get(0);
      if (!(t.composite() instanceof FuncType f) || !t.supertypes().isEmpty() || !t.isFinal()) {
        return Optional.of("declares struct, array or subtypes (Wasm 3.0 GC)");
      }
      Optional<String> r = refs(f.params()).or(() -> refs(f.results()));
      if (r.isPresent()) {
        return r;
      }
    }
    for (Import i : module.imports()) {
      // instanceof, not a pattern switch: linking one costs milliseconds of every start.
      Optional<String> r =
          i.desc() instanceof ImportDesc.Table t
              ? ref(t.type().elementType())
              : i.desc() instanceof ImportDesc.Global g
                  ? refs(List.of(g.type().valueType()))
                  : Optional.empty();
      if (r.isPresent()) {
        return r;
      }
    }
    return first(module.tables(), t -> ref(t.elementType()))
        .or(() -> first(module.globals(), g -> refs(List.of(g.type().valueType()))))
        .or(() -> first(module.functions(), f -> refs(f.locals())))
        .or(() -> first(module.elements(), e -> ref(e.type())));
  }

  /**
   * Returns why the compiler cannot compile {@code body}: a GC instruction, or a GC reference type
   * in a block type, typed {@code select} or {@code ref.null}, which a module may use without
   * declaring any GC type.
   */
  private static Optional<String> code(Expression body) {
    InstructionReader r = InstructionReader.of(body);
    while (r.hasNext()) {
      Opcode op = r.next();
      if (op.handlesObjects()) {
        // ref.i31, ref.eq or any.convert_extern need no GC type where the checks above look.
        return Optional.of("uses " + op.text() + " (Wasm 3.0 garbage collection)");
      }
      Optional<String> why =
          switch (op.immediate()) {
            case BLOCK_TYPE, TRY_TABLE ->
                r.blockType() instanceof BlockType.Value v
                    ? refs(List.of(v.type()))
                    : Optional.empty();
            case SELECT_TYPES -> refs(List.of(r.selectType(0)));
            case HEAP_TYPE -> ref(RefType.nullable(r.heapType()));
            default -> Optional.empty();
          };
      if (why.isPresent()) {
        return why;
      }
    }
    return Optional.empty();
  }

  /** Returns why the compiler cannot compile one of {@code module}'s functions, naming it. */
  private static Optional<String> code(WasmModule module) {
    for (int i = 0; i < module.functions().size(); i++) {
      Optional<String> why = code(module.functions().get(i).body());
      if (why.isPresent()) {
        return Optional.of("function " + (module.importedFunctionCount() + i) + " " + why.get());
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

  /**
   * Returns why reference type {@code r} is beyond the compiler: a type of the {@code any}
   * hierarchy. Concrete heap types are function types here: the recursion groups were checked.
   */
  private static Optional<String> ref(RefType r) {
    if (!GC_HEAP_TYPES.contains(r.heapType())) {
      return Optional.empty();
    }
    return Optional.of("uses the reference type " + r.text() + " (Wasm 3.0 GC)");
  }
}
