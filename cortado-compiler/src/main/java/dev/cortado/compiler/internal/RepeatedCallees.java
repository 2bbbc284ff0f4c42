package dev.cortado.compiler.internal;

import dev.cortado.wasm.ElementSegment;
import dev.cortado.wasm.Expression;
import dev.cortado.wasm.Function;
import dev.cortado.wasm.Global;
import dev.cortado.wasm.WasmModule;
import dev.cortado.wasm.binary.InstructionReader;
import java.util.BitSet;

/**
 * How often the functions of a module may run for one run of their callers. A repeated callee is
 * called from inside a loop, or reachable through a reference ({@code ref.func} in code, a global
 * or a table's elements, so {@code call_indirect} or {@code call_ref}). A function outside that set
 * (a program's {@code main}, called once from {@code _start}) is where cutting loops out into
 * methods of their own pays ({@link FunctionSplitter}); one that code also calls from one place at
 * most runs once per run of that caller.
 */
final class RepeatedCallees {
  private final BitSet repeated = new BitSet();
  // Functions code calls from two places or more.
  private final BitSet calledTwice = new BitSet();
  // Functions code calls from some place.
  private final BitSet called = new BitSet();

  private RepeatedCallees() {}

  /** Returns the sets of {@code module}'s functions, by index in its function index space. */
  static RepeatedCallees of(WasmModule module) {
    RepeatedCallees c = new RepeatedCallees();
    // References named outside bodies: in global initializers and element segments.
    for (Global g : module.globals()) {
      c.scan(InstructionReader.of(g.init()));
    }
    for (ElementSegment e : module.elements()) {
      for (Expression item : e.items()) {
        c.scan(InstructionReader.of(item));
      }
    }
    for (Function f : module.functions()) {
      c.scan(InstructionReader.of(f.body()));
    }
    return c;
  }

  /** Returns whether function {@code index} may run many times per call of its caller. */
  boolean repeated(int index) {
    return repeated.get(index);
  }

  /**
   * Returns whether function {@code index} is not repeated and code calls it from one place at
   * most: it runs once per run of that caller (or of the host's call, if code never calls it).
   */
  boolean once(int index) {
    return !repeated.get(index) && !calledTwice.get(index);
  }

  /** Marks the functions code calls inside a loop or names by {@code ref.func}. */
  private void scan(InstructionReader r) {
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
          int callee = r.index();
          if (inLoops > 0) {
            repeated.set(callee);
          }
          if (called.get(callee)) {
            calledTwice.set(callee);
          }
          called.set(callee);
        }
        case REF_FUNC -> repeated.set(r.index());
        default -> {}
      }
    }
  }
}
