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

/**
 * What the compiler handles: Wasm 2.0 modules (numbers, vectors, {@code funcref} and {@code
 * externref}, one plain function type per recursion group), several memories, 64-bit memories and
 * tables, and tail calls by leaving the functions that make them to the interpreter. A module using
 * a Wasm 3.0 type (typed references, GC types) or exception handling (tags, {@code exnref}, {@code
 * try_table}, {@code throw}, {@code throw_ref}) runs in the interpreter as a whole, until the
 * compiler follows the interpreter there.
 */
public final class CompilerScope {
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
      return Optional.of("has exception tags (Wasm 3.0 exception handling)");
    }
    return first(module.tables(), t -> ref(t.elementType()))
        .or(() -> first(module.globals(), g -> refs(List.of(g.type().valueType()))))
        .or(() -> first(module.functions(), f -> refs(f.locals())))
        // Function indices are (ref func)s: instantiation, not compiled code, reads segments.
        .or(() -> first(module.elements(), e -> ref(e.type().withNullable(true))));
  }

  /**
   * Returns why the compiler cannot compile {@code body}: an exception instruction, a typed
   * function reference instruction ({@code call_ref}, {@code ref.as_non_null}, {@code br_on_null},
   * ...) or a typed reference in a block type, typed {@code select} or {@code ref.null}, which a
   * module may use on plain {@code funcref}s without declaring any other type.
   */
  private static Optional<String> code(Expression body) {
    InstructionReader r = InstructionReader.of(body);
    while (r.hasNext()) {
      Opcode op = r.next();
      if (op.handlesExceptions()) {
        // A try_table, throw_ref or legacy try needs no tag or exnref where the checks above look.
        return Optional.of("uses " + op.text() + " (Wasm 3.0 exception handling)");
      }
      if (op.handlesObjects()) {
        // ref.i31, ref.eq or any.convert_extern need no GC type where the checks above look.
        return Optional.of("uses " + op.text() + " (Wasm 3.0 garbage collection)");
      }
      Optional<String> why =
          switch (op.immediate()) {
            case TYPE -> typedReferences(op);
            case BLOCK_TYPE ->
                r.blockType() instanceof BlockType.Value v
                    ? refs(List.of(v.type()))
                    : Optional.empty();
            case SELECT_TYPES -> refs(List.of(r.selectType(0)));
            case HEAP_TYPE -> ref(RefType.nullable(r.heapType()));
            case NONE -> op == Opcode.REF_AS_NON_NULL ? typedReferences(op) : Optional.empty();
            case LABEL ->
                op == Opcode.BR_ON_NULL || op == Opcode.BR_ON_NON_NULL
                    ? typedReferences(op)
                    : Optional.empty();
            default -> Optional.empty();
          };
      if (why.isPresent()) {
        return why;
      }
    }
    return Optional.empty();
  }

  private static Optional<String> typedReferences(Opcode op) {
    return Optional.of("uses " + op.text() + " (Wasm 3.0 typed function references)");
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

  private static Optional<String> ref(RefType r) {
    if (r.equals(RefType.FUNCREF) || r.equals(RefType.EXTERNREF)) {
      return Optional.empty();
    }
    boolean exception =
        r.heapType() == HeapType.Abstract.EXN || r.heapType() == HeapType.Abstract.NOEXN;
    return Optional.of(
        "uses the reference type "
            + r.text()
            + (exception ? " (Wasm 3.0 exception handling)" : " (Wasm 3.0)"));
  }
}
