package dev.cortado.compiler.internal;

import dev.cortado.wasm.Import;
import dev.cortado.wasm.ImportDesc;
import dev.cortado.wasm.WasmModule;
import dev.cortado.wasm.binary.InstructionReader;

/**
 * Which calls may grow a memory, so that a caller reloads its memory 0 locals after those only. A
 * call of a function that cannot grow one leaves the array and size as they were, and a loop around
 * it keeps them loop-invariant: HotSpot then hoists the array's length and the non-negativity
 * checks of its accesses out of the loop.
 *
 * <p>A function may grow a memory if its body has a {@code memory.grow}, calls through a table or a
 * reference (any function may answer), calls an import (the host may grow it) or calls a function
 * that may. Each function's answer is found on demand from its body and the bodies it calls, looked
 * at once each, so compiling one function of a big module does not read all of them. A function
 * calling itself is answered by the rest of its body; wherever the answer would need more (a call
 * chain deeper than {@link #DEPTH}, or a cycle through other functions) it is "may grow": a
 * needless reload costs little; a missing one would let code write to an array the memory no longer
 * uses. A shared memory 0 (threads proposal) never changes its array, but another thread may grow
 * it at any time: every call reloads its size, so that a thread sees the growth once it has called
 * out (to take a lock, say).
 */
final class MemoryGrowth {
  /** Calls followed from the function asked about before its answer is "may grow". */
  static final int DEPTH = 16;

  private static final byte UNKNOWN = 0;
  private static final byte STAYS = 1;
  private static final byte GROWS = 2;
  private static final byte VISITING = 3;

  private final WasmModule module;
  private final int imported;
  // Whether memory 0 is shared: another thread may grow it while any callee runs.
  private final boolean shared;
  // Per defined function: one of the constants above.
  private final byte[] state;

  MemoryGrowth(WasmModule module) {
    this.module = module;
    this.imported = module.importedFunctionCount();
    this.state = new byte[module.functions().size()];
    this.shared = memory0IsShared(module);
  }

  private static boolean memory0IsShared(WasmModule module) {
    for (Import imp : module.imports()) {
      if (imp.desc() instanceof ImportDesc.Memory m) {
        return m.type().shared();
      }
    }
    return !module.memories().isEmpty() && module.memories().get(0).shared();
  }

  /** Returns whether a call of function {@code index} (function index space) may grow a memory. */
  boolean mayGrow(int index) {
    return mayGrow(index, 0);
  }

  private boolean mayGrow(int index, int depth) {
    if (index < imported || shared) {
      return true;
    }
    int d = index - imported;
    switch (state[d]) {
      case STAYS:
        return false;
      case GROWS, VISITING:
        return true;
      default:
        break;
    }
    if (depth >= DEPTH) {
      return true; // not recorded: asked from nearer, it may get a better answer
    }
    state[d] = VISITING;
    boolean grows = bodyMayGrow(d, depth);
    // A body that reached a function being looked at (a cycle) is recorded as growing: its answer
    // assumed that function grows, which only holds conservatively.
    state[d] = grows ? GROWS : STAYS;
    return grows;
  }

  private boolean bodyMayGrow(int defined, int depth) {
    InstructionReader r = InstructionReader.of(module.functions().get(defined).body());
    while (r.hasNext()) {
      switch (r.next()) {
        case MEMORY_GROW, CALL_INDIRECT, RETURN_CALL_INDIRECT, CALL_REF, RETURN_CALL_REF -> {
          return true;
        }
        case CALL, RETURN_CALL -> {
          // A call of the function itself adds nothing to what the rest of its body may do.
          if (r.index() != imported + defined && mayGrow(r.index(), depth + 1)) {
            return true;
          }
        }
        default -> {}
      }
    }
    return false;
  }
}
