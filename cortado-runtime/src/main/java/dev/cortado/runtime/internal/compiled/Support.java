package dev.cortado.runtime.internal.compiled;

import dev.cortado.runtime.Trap;
import dev.cortado.runtime.TrapKind;
import dev.cortado.runtime.internal.interp.Interpreter;
import dev.cortado.runtime.internal.interp.Machine;
import dev.cortado.runtime.internal.interp.PollGate;
import dev.cortado.runtime.internal.store.Atomics;
import dev.cortado.runtime.internal.store.FunctionInstance;
import dev.cortado.runtime.internal.store.MemoryInstance;
import dev.cortado.runtime.internal.store.ModuleInstance;
import dev.cortado.runtime.internal.store.TableInstance;
import dev.cortado.runtime.internal.store.WasmFunction;

/**
 * What generated code calls at run time for everything that is not a plain JVM instruction: traps,
 * the call-depth limit, memory and table instructions, and calls through the slot convention. Each
 * method is small so that HotSpot inlines the frequent ones.
 */
public final class Support {
  private static final TrapKind[] TRAP_KINDS = TrapKind.values();

  private static final String[] INTERNAL_PACKAGES = {
    "dev.cortado.runtime.internal.compiled",
    "dev.cortado.runtime.internal.interp",
    "dev.cortado.runtime.internal.numeric",
    "dev.cortado.runtime.internal.store",
  };

  private Support() {}

  /**
   * Lets the generated classes of {@code target} (the unnamed module of their class loader) use the
   * runtime's internal packages; a no-op when the runtime runs from the class path.
   */
  public static void exportInternalsTo(Module target) {
    Module runtime = Support.class.getModule();
    if (runtime.isNamed()) {
      for (String p : INTERNAL_PACKAGES) {
        runtime.addExports(p, target);
      }
    }
  }

  /** Returns the trap of kind {@code kind} (an ordinal of {@link TrapKind}) for code to throw. */
  public static Trap trap(int kind) {
    return Trap.of(TRAP_KINDS[kind]);
  }

  /**
   * Checks the call depth of a compiled function being entered, trapping when calls nest deeper
   * than the store allows. Like the interpreter, which suspends {@code maxCallDepth} frames below
   * the running one, compiled code runs {@code maxCallDepth + 1} nested frames. (The budget is
   * spent at call sites.)
   *
   * <p>The depth is an argument of every compiled function: its caller's plus one, or, where the
   * runtime calls in, {@link Machine#compiledDepth} plus one, which compiled code sets before it
   * calls out through the runtime ({@link #call}). So a call costs a compare, not a count kept in
   * memory and taken back on return (RATIONALE.md: "The call depth is an argument").
   */
  public static void enter(int depth, Machine m) {
    if (depth > m.maxDepth() + 1) {
      throw Trap.of(TrapKind.CALL_STACK_EXHAUSTED);
    }
  }

  /** Returns the bytes of memory 0 (longer than the memory: see {@link #memorySize}). */
  public static byte[] memory(ModuleInstance inst) {
    return inst.memory0.bytes;
  }

  /**
   * Returns the size of memory 0 in bytes, as far as {@code mem} (its array, read just before)
   * holds it: compiled code checks its accesses against this, so it must never exceed the array's
   * length, even if another thread were to grow the memory in between ({@link RawMemory} does not
   * check the array's bounds again).
   *
   * <p>{@code min} is the least size the module's type of the memory allows (a constant of the
   * generated code): the result says so to HotSpot through {@code Math.max}, so that the bound of
   * each access with a smaller offset and width is known not to be negative and {@code
   * Objects.checkIndex} tests only the address (RATIONALE.md, "A memory's declared minimum bounds
   * its accesses"). The maximum changes nothing, and costs no branch: a memory's array is never
   * shorter than its own minimum, which is at least any importer's (the linker checks), and is only
   * ever replaced by a longer one.
   */
  public static int memorySize(ModuleInstance inst, byte[] mem, int min) {
    return Math.max(Math.min(inst.memory0.size, mem.length), min);
  }

  /** Traps: an access of {@code size} bytes at an effective address beyond the memory. */
  public static Trap outOfBounds() {
    return Trap.of(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS);
  }

  /** Returns the bytes of memory {@code k} (multi-memory: memory 0 lives in locals instead). */
  public static byte[] memoryOf(int k, ModuleInstance inst) {
    return inst.memories[k].bytes;
  }

  /**
   * Returns the size of memory {@code k} in bytes, as far as {@code mem} (its array, read just
   * before) holds it (see {@link #memorySize}).
   */
  public static int memorySizeOf(byte[] mem, int k, ModuleInstance inst) {
    return Math.min(inst.memories[k].size, mem.length);
  }

  /** Returns memory {@code k} itself, for the atomic instructions ({@link Atomics}). */
  public static MemoryInstance memoryInstance(int k, ModuleInstance inst) {
    return inst.memories[k];
  }

  /** {@code memory.atomic.wait32}, stopping if the store running {@code m} is interrupted. */
  public static int atomicWait32(
      int address, int expected, long timeout, int offset, MemoryInstance mem, Machine m) {
    return Atomics.await(address, expected, timeout, offset, 4, mem, m.budget()::checkpoint);
  }

  /** {@code memory.atomic.wait64}, stopping if the store running {@code m} is interrupted. */
  public static int atomicWait64(
      int address, long expected, long timeout, int offset, MemoryInstance mem, Machine m) {
    return Atomics.await(address, expected, timeout, offset, 8, mem, m.budget()::checkpoint);
  }

  /** {@code memory.size} of memory {@code k}. */
  public static int memoryPages(int k, ModuleInstance inst) {
    return inst.memories[k].pages();
  }

  /** {@code memory.grow} of memory {@code k}. */
  public static int memoryGrow(int delta, int k, ModuleInstance inst) {
    return inst.memories[k].grow(delta);
  }

  /** {@code memory.fill} of memory {@code k}. */
  public static void memoryFill(int d, int value, int n, int k, ModuleInstance inst) {
    inst.memories[k].fill(Integer.toUnsignedLong(d), (byte) value, Integer.toUnsignedLong(n));
  }

  /** {@code memory.copy} from memory {@code sk} to memory {@code dk}. */
  public static void memoryCopy(int d, int s, int n, int dk, int sk, ModuleInstance inst) {
    inst.memories[dk].copy(
        Integer.toUnsignedLong(d),
        inst.memories[sk],
        Integer.toUnsignedLong(s),
        Integer.toUnsignedLong(n));
  }

  /** {@code memory.init} of memory {@code k}. */
  public static void memoryInit(int d, int s, int n, int segment, int k, ModuleInstance inst) {
    MemoryInstance mem = inst.memories[k];
    mem.init(
        inst.datas[segment],
        Integer.toUnsignedLong(d),
        Integer.toUnsignedLong(s),
        Integer.toUnsignedLong(n));
  }

  /** {@code data.drop}. */
  public static void dataDrop(int segment, ModuleInstance inst) {
    inst.dropData(segment);
  }

  /** {@code elem.drop}. */
  public static void elemDrop(int segment, ModuleInstance inst) {
    inst.dropElements(segment);
  }

  /** {@code table.get}. */
  public static Object tableGet(int index, int table, ModuleInstance inst) {
    return inst.tables[table].get(index);
  }

  /** {@code table.set}. */
  public static void tableSet(int index, Object value, int table, ModuleInstance inst) {
    inst.tables[table].set(index, value);
  }

  /** {@code table.size}. */
  public static int tableSize(int table, ModuleInstance inst) {
    return inst.tables[table].size;
  }

  /** {@code table.grow}. */
  public static int tableGrow(Object init, int delta, int table, ModuleInstance inst) {
    return inst.tables[table].grow(delta, init);
  }

  /** {@code table.fill}. */
  public static void tableFill(int i, Object value, int n, int table, ModuleInstance inst) {
    inst.tables[table].fill(Integer.toUnsignedLong(i), value, Integer.toUnsignedLong(n));
  }

  /** {@code table.copy}. */
  public static void tableCopy(int d, int s, int n, int dst, int src, ModuleInstance inst) {
    inst.tables[dst].copy(
        inst.tables[src],
        Integer.toUnsignedLong(d),
        Integer.toUnsignedLong(s),
        Integer.toUnsignedLong(n));
  }

  /** {@code table.init}. */
  public static void tableInit(int d, int s, int n, int table, int segment, ModuleInstance inst) {
    TableInstance t = inst.tables[table];
    t.init(
        inst.elements[segment],
        Integer.toUnsignedLong(d),
        Integer.toUnsignedLong(s),
        Integer.toUnsignedLong(n));
  }

  /** Returns function {@code index} of {@code inst}: {@code ref.func}, or a call through slots. */
  public static FunctionInstance function(int index, ModuleInstance inst) {
    return inst.functions[index];
  }

  /**
   * Returns the function {@code call_indirect} calls, or traps. The expected type is given by the
   * module's type index and resolved to the engine's type id through the instance; a function of a
   * declared subtype of it is called too (Wasm 3.0).
   */
  public static FunctionInstance indirect(
      int index, int table, int typeIndex, ModuleInstance inst) {
    return inst.tables[table].callee(index, inst.typeIds[typeIndex], inst.typeRegistry);
  }

  /** Returns the function {@code call_ref} calls: {@code ref}, unless it is null, which traps. */
  public static FunctionInstance callee(Object ref) {
    if (ref == null) {
      throw Trap.of(TrapKind.NULL_FUNCTION_REFERENCE);
    }
    return (FunctionInstance) ref;
  }

  /**
   * Returns {@code f}'s defined index if it is a compiled function of {@code inst}, which compiled
   * code can call directly; else -1.
   */
  public static int compiledIndex(FunctionInstance f, ModuleInstance inst) {
    return f instanceof WasmFunction w && w.instance == inst ? w.compiledIndex() : -1;
  }

  /**
   * Reserves {@code slots} slots above {@link Machine#top} for a call's arguments and results, and
   * returns where they start.
   */
  public static int reserve(Machine m, int slots) {
    int base = m.top;
    m.ensureSlots(base + slots);
    return base;
  }

  /**
   * Copies {@code count} values between a split function's frame, from slot {@code slot} on
   * (operand stack entries of its deep part, or its parameters: numbers as slot bits and
   * references), and the machine's slots from {@code at} on: to the slots if {@code toSlots} (the
   * arguments of a call, or the function's results), else to the frame. Vectors are in the vector
   * registers {@code lo} and {@code hi}: {@code vectors} (null: none) has a character per value, 0
   * if it is not a vector, else one more than its register's distance from {@code register}.
   */
  public static void copySlots(
      long[] numbers,
      Object[] refs,
      int slot,
      int count,
      Machine m,
      int at,
      long[] lo,
      long[] hi,
      int register,
      String vectors,
      boolean toSlots) {
    if (toSlots) {
      System.arraycopy(numbers, slot, m.lo, at, count);
      System.arraycopy(refs, slot, m.refs, at, count);
    } else {
      System.arraycopy(m.lo, at, numbers, slot, count);
      System.arraycopy(m.refs, at, refs, slot, count);
    }
    for (int j = vectors == null ? count : 0; j < count; j++) {
      int r = register + vectors.charAt(j) - 1;
      if (r < register) {
        continue;
      }
      if (toSlots) {
        m.lo[at + j] = lo[r];
        m.hi[at + j] = hi[r];
      } else {
        lo[r] = m.lo[at + j];
        hi[r] = m.hi[at + j];
      }
    }
  }

  /**
   * Reserves {@code slots} slots for the arguments and then the results of a tail call, {@code gap}
   * slots above {@link Machine#top} (where the calling function's own results go, if it has
   * several), and returns where they start.
   */
  public static int tailArguments(Machine m, int gap, int slots) {
    int base = m.top + gap;
    m.ensureSlots(base + slots);
    return base;
  }

  /**
   * Leaves a tail call of {@code f}, its arguments in slots {@code base...}, for the caller of the
   * function making it ({@link #finishTailCalls}, or the runtime where it entered compiled code).
   */
  public static void pendTailCall(FunctionInstance f, Machine m, int base) {
    m.tailCallee = f;
    m.tailBase = base;
  }

  /**
   * Makes the tail calls a compiled function this one called left pending, {@code depth} being the
   * called function's; returns where the last one left its results in the slots.
   */
  public static int finishTailCalls(Machine m, ModuleInstance caller, int depth) {
    int savedDepth = m.compiledDepth;
    m.compiledDepth = depth;
    try {
      return Interpreter.finishTailCalls(m, caller);
    } finally {
      m.compiledDepth = savedDepth;
    }
  }

  /**
   * Calls {@code f} with its arguments in slots {@code base...}; its results are left there. The
   * slots up to {@code base + slots} stay reserved during the call. {@code depth} is the calling
   * compiled function's, where compiled code this call reaches goes on counting; the depth before
   * comes back afterwards, however the call ends, so that interpreted code calling compiled code
   * again and again always enters it at the same depth.
   */
  public static void call(
      Machine m, ModuleInstance caller, FunctionInstance f, int base, int slots, int depth) {
    int savedDepth = m.compiledDepth;
    m.compiledDepth = depth;
    int saved = m.top;
    m.top = base + slots;
    try {
      m.budget().tick();
      Interpreter.call(m, caller, f, base);
    } finally {
      m.top = saved;
      m.compiledDepth = savedDepth;
    }
  }

  /** Polls the budget (fuel, deadline, interruption): at loop back edges and direct calls. */
  public static void poll(Machine m) {
    if (PollGate.isOpen()) {
      m.budget().poll();
    }
  }
}
