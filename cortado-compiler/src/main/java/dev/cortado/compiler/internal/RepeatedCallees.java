package dev.cortado.compiler.internal;

import dev.cortado.wasm.ElementSegment;
import dev.cortado.wasm.Expression;
import dev.cortado.wasm.Function;
import dev.cortado.wasm.Global;
import dev.cortado.wasm.WasmModule;
import dev.cortado.wasm.binary.InstructionReader;
import java.util.BitSet;

/**
 * The functions of a module that may run many times for one run of a caller: called from inside a
 * loop, or reachable through a reference ({@code ref.func} in code, a global or a table's elements,
 * so {@code call_indirect} or {@code call_ref}). A function outside this set (a program's {@code
 * main}, called once from {@code _start}) is where cutting loops out into methods of their own pays
 * ({@link FunctionSplitter}).
 */
final class RepeatedCallees {
  private RepeatedCallees() {}

  /** Returns the set, by index in the module's function index space. */
  static BitSet of(WasmModule module) {
    BitSet repeated = new BitSet();
    // References named outside bodies: in global initializers and element segments.
    for (Global g : module.globals()) {
      scan(InstructionReader.of(g.init()), repeated);
    }
    for (ElementSegment e : module.elements()) {
      for (Expression item : e.items()) {
        scan(InstructionReader.of(item), repeated);
      }
    }
    for (Function f : module.functions()) {
      scan(InstructionReader.of(f.body()), repeated);
    }
    return repeated;
  }

  /** Marks the functions code calls inside a loop or names by {@code ref.func}. */
  private static void scan(InstructionReader r, BitSet repeated) {
    // One bit per open block: whether it is a loop.
    BitSet loops = new BitSet();
    int depth = 0;
    int inLoops = 0;
    while (r.hasNext()) {
      switch (r.next()) {
        case BLOCK, IF, TRY_TABLE, TRY -> depth++;
        case LOOP -> {
          loops.set(depth++);
          inLoops++;
        }
        // A legacy try ends at delegate instead of end.
        case END, DELEGATE -> {
          if (depth > 0 && loops.get(--depth)) {
            loops.clear(depth);
            inLoops--;
          }
        }
        case CALL, RETURN_CALL -> {
          if (inLoops > 0) {
            repeated.set(r.index());
          }
        }
        case REF_FUNC -> repeated.set(r.index());
        default -> {}
      }
    }
  }
}
