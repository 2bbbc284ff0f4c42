package dev.cortado.runtime.internal.interp;

import dev.cortado.runtime.ExecutionInterruptedException;
import dev.cortado.runtime.Trap;
import dev.cortado.runtime.TrapKind;
import dev.cortado.runtime.internal.compiled.CompiledModule;
import dev.cortado.runtime.internal.compiled.MemoryAccess;
import dev.cortado.runtime.internal.store.FunctionInstance;
import dev.cortado.runtime.internal.store.HostFunctionInstance;
import dev.cortado.runtime.internal.store.MemoryInstance;
import dev.cortado.runtime.internal.store.ModuleInstance;
import dev.cortado.runtime.internal.store.WasmFunction;
import dev.cortado.wasm.FuncType;
import java.util.Arrays;

/**
 * Runs lowered code ({@link Ir}). One Java frame runs any number of nested WebAssembly calls: calls
 * and returns switch the code, frame base and instance in place, and suspended frames are kept in
 * the {@link Machine}, so deep WebAssembly recursion never deepens the Java stack. A tail call
 * pushes nothing: the callee takes over the running frame ({@link TailCalls}).
 *
 * <p>The dispatch method holds the frequent instructions and must stay below HotSpot's 8000-byte
 * limit for compiling methods ({@code DispatchSizeTest} checks); the rest run in {@link ColdOps},
 * {@link MemoryOps} and {@link SimdOps}.
 */
public final class Interpreter {
  private static final byte[] NO_MEMORY = new byte[0];

  private Interpreter() {}

  static Trap exhausted() {
    return Trap.of(TrapKind.CALL_STACK_EXHAUSTED);
  }

  /**
   * Runs {@code entry} with its arguments already in slots {@code base...} of {@code m}; its
   * results are left in slots {@code base...}.
   */
  public static void invoke(Machine m, WasmFunction entry, int base) {
    int entryDepth = m.depth;
    int savedTop = m.top;
    int savedCompiledDepth = m.compiledDepth;
    int level = ++m.nesting;
    m.trapLevel = -1;
    try {
      CompiledModule compiled = entry.compiled();
      if (compiled != null) {
        m.top = base + Math.max(entry.type().params().size(), entry.type().results().size());
        runCompiled(compiled, entry, m, base);
      } else {
        run(m, entry, base, entryDepth);
      }
    } catch (Trap e) {
      throw Traps.withStackTrace(m, Traps.withCompiledFrames(m, e, e, level), entryDepth);
    } catch (StackOverflowError e) {
      // Compiled code and host functions calling back into WebAssembly nest Java frames; too
      // many is exhaustion.
      Trap t = exhausted();
      throw Traps.withStackTrace(m, Traps.withCompiledFrames(m, t, e, level), entryDepth);
    } finally {
      m.nesting--;
      m.depth = entryDepth;
      m.top = savedTop;
      m.compiledDepth = savedCompiledDepth;
    }
  }

  /**
   * Calls {@code f} from code of {@code caller} with its arguments in slots from {@code base}, and
   * leaves its results there: a host function, a compiled function, or a function the interpreter
   * runs in a frame of its own. {@link Machine#top} must be above the arguments.
   */
  public static void call(Machine m, ModuleInstance caller, FunctionInstance f, int base) {
    if (f instanceof WasmFunction w) {
      CompiledModule compiled = w.compiled();
      if (compiled != null) {
        // Compiled code passes its depth on as an argument and puts back what it sets for calls
        // out (Support.call), so there is nothing to restore here.
        runCompiled(compiled, w, m, base);
      } else {
        int entryDepth = m.depth;
        try {
          run(m, w, base, entryDepth);
        } finally {
          m.depth = entryDepth;
        }
      }
    } else {
      HostCalls.call(m, caller, (HostFunctionInstance) f, base);
    }
  }

  /**
   * Runs compiled function {@code w} with its arguments in slots from {@code base}. Compiled loads
   * and stores check their bounds with the JDK's intrinsic, whose IndexOutOfBoundsException becomes
   * the out-of-bounds trap here, where compiled code returns to the runtime, so that the frames
   * around it (interpreted ones too) see a trap like any other.
   */
  private static void runCompiled(CompiledModule compiled, WasmFunction w, Machine m, int base) {
    try {
      compiled.invoke(w.definedIndex(), m, w.instance, base);
    } catch (IndexOutOfBoundsException e) {
      throw MemoryAccess.trapFor(e);
    }
    if (m.tailCallee != null) {
      m.moveSlots(finishTailCalls(m, w.instance), base, w.type().results().size());
    }
  }

  /**
   * Makes the tail call compiled code left pending ({@link Machine#tailCallee}), and each one its
   * callee leaves in turn, in constant Java stack, from code of {@code caller}; returns where the
   * last one left its results in the slots. Each is a call as far as fuel and interruption go.
   */
  public static int finishTailCalls(Machine m, ModuleInstance caller) {
    int at = m.tailBase;
    int savedTop = m.top;
    try {
      FunctionInstance next;
      while ((next = m.tailCallee) != null) {
        m.tailCallee = null;
        FuncType t = next.type();
        m.budget().tick();
        if (next instanceof WasmFunction w && w.compiled() != null) {
          // Called here, not through runCompiled, so that the tail call it leaves comes back to
          // this loop. It reads its arguments as it starts, so its top may be below them: the tail
          // call it leaves goes above its results (Support.tailArguments), where it found its own
          // arguments, and nothing moves (its bridge writes no results when it leaves one). The
          // slots for its arguments and results were made with the arguments.
          m.top = at - t.results().size();
          try {
            w.compiled().invoke(w.definedIndex(), m, w.instance, at);
          } catch (IndexOutOfBoundsException e) {
            throw MemoryAccess.trapFor(e);
          }
        } else {
          m.top = at + Math.max(1, Math.max(t.params().size(), t.results().size()));
          m.ensureSlots(m.top);
          call(m, caller, next, at);
        }
      }
    } finally {
      m.top = savedTop;
    }
    return at;
  }

  /** Prepares a frame: zeroes the declared locals and fills the constant slots. */
  static void enterFrame(Machine m, CompiledCode c, int fp) {
    m.ensureSlots(fp + c.frameSize);
    long[] lo = m.lo;
    int localsEnd = fp + c.localCount;
    Arrays.fill(lo, fp + c.paramCount, localsEnd, 0L);
    Arrays.fill(m.hi, fp + c.paramCount, localsEnd, 0L);
    Arrays.fill(m.refs, fp + c.paramCount, localsEnd, null);
    long[] constants = c.constLow;
    System.arraycopy(constants, 0, lo, localsEnd, constants.length);
    if (c.constHigh != null) {
      System.arraycopy(c.constHigh, 0, m.hi, localsEnd, constants.length);
    }
  }

  private static byte[] memoryOf(ModuleInstance inst) {
    MemoryInstance mem = inst.memory0();
    return mem == null ? NO_MEMORY : mem.bytes;
  }

  /** The size in bytes of {@code inst}'s memory, which may be less than its array's length. */
  private static int memorySizeOf(ModuleInstance inst) {
    MemoryInstance mem = inst.memory0();
    return mem == null ? 0 : mem.size;
  }

  private static void run(Machine m, WasmFunction entry, int entryFp, int entryDepth) {
    WasmFunction fn = entry;
    CompiledCode cc = fn.code();
    enterFrame(m, cc, entryFp);
    int[] code = cc.code;
    int fp = entryFp;
    int pc = 0;
    ModuleInstance inst = fn.instance;
    byte[] mem = memoryOf(inst);
    int memSize = memorySizeOf(inst);
    long[] s = m.lo;
    Budget budget = m.budget;
    while (true) {
      try {
        while (true) {
          switch (code[pc]) {
            case Ir.UNREACHABLE -> {
              throw Trap.of(TrapKind.UNREACHABLE);
            }
            case Ir.JUMP -> pc = code[pc + 1];
            case Ir.JUMP_LOOP -> {
              if (--budget.credit < 0) {
                budget.checkpoint();
              }
              pc = code[pc + 1];
            }
            case Ir.BR_IF -> pc = (int) s[fp + code[pc + 1]] != 0 ? code[pc + 2] : pc + 3;
            case Ir.BR_IF_LOOP -> {
              if ((int) s[fp + code[pc + 1]] != 0) {
                if (--budget.credit < 0) {
                  budget.checkpoint();
                }
                pc = code[pc + 2];
              } else {
                pc += 3;
              }
            }
            case Ir.BR_UNLESS -> pc = (int) s[fp + code[pc + 1]] == 0 ? code[pc + 2] : pc + 3;
            case Ir.BR_NULL -> pc = m.refs[fp + code[pc + 1]] == null ? code[pc + 2] : pc + 3;
            case Ir.BR_NON_NULL -> pc = m.refs[fp + code[pc + 1]] != null ? code[pc + 2] : pc + 3;
            case Ir.BR_I32_EQ -> {
              if ((int) s[fp + code[pc + 1]] == (int) s[fp + code[pc + 2]]) {
                pc = branch(budget, code[pc + 3], pc);
              } else {
                pc += 4;
              }
            }
            case Ir.BR_I32_NE -> {
              if ((int) s[fp + code[pc + 1]] != (int) s[fp + code[pc + 2]]) {
                pc = branch(budget, code[pc + 3], pc);
              } else {
                pc += 4;
              }
            }
            case Ir.BR_I32_LT_S -> {
              if ((int) s[fp + code[pc + 1]] < (int) s[fp + code[pc + 2]]) {
                pc = branch(budget, code[pc + 3], pc);
              } else {
                pc += 4;
              }
            }
            case Ir.BR_I32_GT_S -> {
              if ((int) s[fp + code[pc + 1]] > (int) s[fp + code[pc + 2]]) {
                pc = branch(budget, code[pc + 3], pc);
              } else {
                pc += 4;
              }
            }
            case Ir.BR_I32_LE_S -> {
              if ((int) s[fp + code[pc + 1]] <= (int) s[fp + code[pc + 2]]) {
                pc = branch(budget, code[pc + 3], pc);
              } else {
                pc += 4;
              }
            }
            case Ir.BR_I32_GE_S -> {
              if ((int) s[fp + code[pc + 1]] >= (int) s[fp + code[pc + 2]]) {
                pc = branch(budget, code[pc + 3], pc);
              } else {
                pc += 4;
              }
            }
            case Ir.BR_I32_LT_U -> {
              if (Integer.compareUnsigned((int) s[fp + code[pc + 1]], (int) s[fp + code[pc + 2]])
                  < 0) {
                pc = branch(budget, code[pc + 3], pc);
              } else {
                pc += 4;
              }
            }
            case Ir.BR_I32_GT_U -> {
              if (Integer.compareUnsigned((int) s[fp + code[pc + 1]], (int) s[fp + code[pc + 2]])
                  > 0) {
                pc = branch(budget, code[pc + 3], pc);
              } else {
                pc += 4;
              }
            }
            case Ir.BR_I32_LE_U -> {
              if (Integer.compareUnsigned((int) s[fp + code[pc + 1]], (int) s[fp + code[pc + 2]])
                  <= 0) {
                pc = branch(budget, code[pc + 3], pc);
              } else {
                pc += 4;
              }
            }
            case Ir.BR_I32_GE_U -> {
              if (Integer.compareUnsigned((int) s[fp + code[pc + 1]], (int) s[fp + code[pc + 2]])
                  >= 0) {
                pc = branch(budget, code[pc + 3], pc);
              } else {
                pc += 4;
              }
            }
            case Ir.BR_TABLE -> {
              if (--budget.credit < 0) {
                budget.checkpoint();
              }
              int i = (int) s[fp + code[pc + 1]];
              int n = code[pc + 2];
              pc = code[pc + 3 + (Integer.compareUnsigned(i, n) < 0 ? i : n)];
            }
            case Ir.RETURN -> {
              if (m.depth == entryDepth) {
                return;
              }
              int d = --m.depth;
              fn = m.frameFunction[d];
              m.frameFunction[d] = null;
              pc = m.framePc[d];
              fp = m.frameBase[d];
              cc = fn.code();
              code = cc.code;
              inst = fn.instance;
              mem = memoryOf(inst);
              memSize = memorySizeOf(inst);
            }
            case Ir.CALL, Ir.CALL_INDIRECT, Ir.CALL_REF -> {
              FunctionInstance callee;
              int argBase;
              int next;
              if (code[pc] == Ir.CALL) {
                callee = inst.functions[code[pc + 1]];
                argBase = code[pc + 2];
                next = pc + 3;
              } else if (code[pc] == Ir.CALL_REF) {
                callee = ColdOps.refCallee(m.refs[fp + code[pc + 1]]);
                argBase = code[pc + 2];
                next = pc + 3;
              } else {
                callee = MemoryOps.indirectCallee(inst, code, pc, s, fp);
                argBase = code[pc + 4];
                next = pc + 5;
              }
              if (--budget.credit < 0) {
                budget.checkpoint();
              }
              if (callee instanceof WasmFunction w && w.compiled() == null) {
                m.pushFrame(fn, next, fp);
                fn = w;
                cc = w.code();
                fp += argBase;
                enterFrame(m, cc, fp);
                code = cc.code;
                pc = 0;
                inst = w.instance;
                s = m.lo;
              } else {
                // Calls back into WebAssembly from the host place their frames above this one.
                m.top = fp + cc.frameSize;
                call(m, inst, callee, fp + argBase);
                s = m.lo;
                pc = next;
              }
              mem = memoryOf(inst);
              memSize = memorySizeOf(inst);
            }
            case Ir.RETURN_CALL, Ir.RETURN_CALL_INDIRECT, Ir.RETURN_CALL_REF -> {
              WasmFunction w = TailCalls.enter(m, inst, cc, code, pc, fp);
              s = m.lo;
              if (w == null) {
                pc += code[pc] == Ir.RETURN_CALL_INDIRECT ? 5 : 3;
              } else {
                fn = w;
                cc = w.code();
                code = cc.code;
                pc = 0;
                inst = w.instance;
                mem = memoryOf(inst);
                memSize = memorySizeOf(inst);
              }
            }
            case Ir.COPY -> {
              s[fp + code[pc + 1]] = s[fp + code[pc + 2]];
              pc += 3;
            }
            case Ir.COPY_V128 -> {
              int d = fp + code[pc + 1];
              int a = fp + code[pc + 2];
              s[d] = s[a];
              m.hi[d] = m.hi[a];
              pc += 3;
            }
            case Ir.COPY_REF -> {
              m.refs[fp + code[pc + 1]] = m.refs[fp + code[pc + 2]];
              pc += 3;
            }
            case Ir.CONST -> {
              s[fp + code[pc + 1]] = (code[pc + 2] & 0xFFFF_FFFFL) | ((long) code[pc + 3] << 32);
              pc += 4;
            }
            case Ir.SELECT -> {
              s[fp + code[pc + 1]] =
                  (int) s[fp + code[pc + 2]] != 0 ? s[fp + code[pc + 3]] : s[fp + code[pc + 4]];
              pc += 5;
            }
            case Ir.GLOBAL_GET -> {
              s[fp + code[pc + 1]] = inst.globals[code[pc + 2]].value;
              pc += 3;
            }
            case Ir.GLOBAL_SET -> {
              inst.globals[code[pc + 1]].value = s[fp + code[pc + 2]];
              pc += 3;
            }
            case Ir.I32_LOAD -> {
              s[fp + code[pc + 1]] =
                  (int)
                      MemoryInstance.INT.get(
                          mem, address(memSize, s[fp + code[pc + 2]], code[pc + 3], 4));
              pc += 4;
            }
            case Ir.I64_LOAD -> {
              s[fp + code[pc + 1]] =
                  (long)
                      MemoryInstance.LONG.get(
                          mem, address(memSize, s[fp + code[pc + 2]], code[pc + 3], 8));
              pc += 4;
            }
            case Ir.F32_LOAD -> {
              s[fp + code[pc + 1]] =
                  (int)
                      MemoryInstance.INT.get(
                          mem, address(memSize, s[fp + code[pc + 2]], code[pc + 3], 4));
              pc += 4;
            }
            case Ir.F64_LOAD -> {
              s[fp + code[pc + 1]] =
                  (long)
                      MemoryInstance.LONG.get(
                          mem, address(memSize, s[fp + code[pc + 2]], code[pc + 3], 8));
              pc += 4;
            }
            case Ir.I32_LOAD8_U -> {
              s[fp + code[pc + 1]] =
                  mem[address(memSize, s[fp + code[pc + 2]], code[pc + 3], 1)] & 0xFF;
              pc += 4;
            }
            case Ir.I32_LOAD8_S -> {
              s[fp + code[pc + 1]] = mem[address(memSize, s[fp + code[pc + 2]], code[pc + 3], 1)];
              pc += 4;
            }
            case Ir.I32_STORE, Ir.F32_STORE -> {
              MemoryInstance.INT.set(
                  mem,
                  address(memSize, s[fp + code[pc + 2]], code[pc + 3], 4),
                  (int) s[fp + code[pc + 1]]);
              pc += 4;
            }
            case Ir.I64_STORE, Ir.F64_STORE -> {
              MemoryInstance.LONG.set(
                  mem,
                  address(memSize, s[fp + code[pc + 2]], code[pc + 3], 8),
                  s[fp + code[pc + 1]]);
              pc += 4;
            }
            case Ir.I32_STORE8 -> {
              mem[address(memSize, s[fp + code[pc + 2]], code[pc + 3], 1)] =
                  (byte) s[fp + code[pc + 1]];
              pc += 4;
            }
            case Ir.I32_EQZ -> {
              s[fp + code[pc + 1]] = (int) s[fp + code[pc + 2]] == 0 ? 1 : 0;
              pc += 3;
            }
            case Ir.I32_EQ -> {
              s[fp + code[pc + 1]] =
                  (int) s[fp + code[pc + 2]] == (int) s[fp + code[pc + 3]] ? 1 : 0;
              pc += 4;
            }
            case Ir.I32_NE -> {
              s[fp + code[pc + 1]] =
                  (int) s[fp + code[pc + 2]] != (int) s[fp + code[pc + 3]] ? 1 : 0;
              pc += 4;
            }
            case Ir.I32_LT_S -> {
              s[fp + code[pc + 1]] =
                  (int) s[fp + code[pc + 2]] < (int) s[fp + code[pc + 3]] ? 1 : 0;
              pc += 4;
            }
            case Ir.I32_LT_U -> {
              s[fp + code[pc + 1]] =
                  Integer.compareUnsigned((int) s[fp + code[pc + 2]], (int) s[fp + code[pc + 3]])
                          < 0
                      ? 1
                      : 0;
              pc += 4;
            }
            case Ir.I32_GT_S -> {
              s[fp + code[pc + 1]] =
                  (int) s[fp + code[pc + 2]] > (int) s[fp + code[pc + 3]] ? 1 : 0;
              pc += 4;
            }
            case Ir.I32_GT_U -> {
              s[fp + code[pc + 1]] =
                  Integer.compareUnsigned((int) s[fp + code[pc + 2]], (int) s[fp + code[pc + 3]])
                          > 0
                      ? 1
                      : 0;
              pc += 4;
            }
            case Ir.I32_LE_S -> {
              s[fp + code[pc + 1]] =
                  (int) s[fp + code[pc + 2]] <= (int) s[fp + code[pc + 3]] ? 1 : 0;
              pc += 4;
            }
            case Ir.I32_LE_U -> {
              s[fp + code[pc + 1]] =
                  Integer.compareUnsigned((int) s[fp + code[pc + 2]], (int) s[fp + code[pc + 3]])
                          <= 0
                      ? 1
                      : 0;
              pc += 4;
            }
            case Ir.I32_GE_S -> {
              s[fp + code[pc + 1]] =
                  (int) s[fp + code[pc + 2]] >= (int) s[fp + code[pc + 3]] ? 1 : 0;
              pc += 4;
            }
            case Ir.I32_GE_U -> {
              s[fp + code[pc + 1]] =
                  Integer.compareUnsigned((int) s[fp + code[pc + 2]], (int) s[fp + code[pc + 3]])
                          >= 0
                      ? 1
                      : 0;
              pc += 4;
            }
            case Ir.I32_ADD -> {
              s[fp + code[pc + 1]] = (int) s[fp + code[pc + 2]] + (int) s[fp + code[pc + 3]];
              pc += 4;
            }
            case Ir.I32_SUB -> {
              s[fp + code[pc + 1]] = (int) s[fp + code[pc + 2]] - (int) s[fp + code[pc + 3]];
              pc += 4;
            }
            case Ir.I32_MUL -> {
              s[fp + code[pc + 1]] = (int) s[fp + code[pc + 2]] * (int) s[fp + code[pc + 3]];
              pc += 4;
            }
            case Ir.I32_AND -> {
              s[fp + code[pc + 1]] = (int) s[fp + code[pc + 2]] & (int) s[fp + code[pc + 3]];
              pc += 4;
            }
            case Ir.I32_OR -> {
              s[fp + code[pc + 1]] = (int) s[fp + code[pc + 2]] | (int) s[fp + code[pc + 3]];
              pc += 4;
            }
            case Ir.I32_XOR -> {
              s[fp + code[pc + 1]] = (int) s[fp + code[pc + 2]] ^ (int) s[fp + code[pc + 3]];
              pc += 4;
            }
            case Ir.I32_SHL -> {
              s[fp + code[pc + 1]] = (int) s[fp + code[pc + 2]] << (int) s[fp + code[pc + 3]];
              pc += 4;
            }
            case Ir.I32_SHR_S -> {
              s[fp + code[pc + 1]] = (int) s[fp + code[pc + 2]] >> (int) s[fp + code[pc + 3]];
              pc += 4;
            }
            case Ir.I32_SHR_U -> {
              s[fp + code[pc + 1]] = (int) s[fp + code[pc + 2]] >>> (int) s[fp + code[pc + 3]];
              pc += 4;
            }
            case Ir.I64_EQZ -> {
              s[fp + code[pc + 1]] = s[fp + code[pc + 2]] == 0 ? 1 : 0;
              pc += 3;
            }
            case Ir.I64_EQ -> {
              s[fp + code[pc + 1]] = s[fp + code[pc + 2]] == s[fp + code[pc + 3]] ? 1 : 0;
              pc += 4;
            }
            case Ir.I64_NE -> {
              s[fp + code[pc + 1]] = s[fp + code[pc + 2]] != s[fp + code[pc + 3]] ? 1 : 0;
              pc += 4;
            }
            case Ir.I64_LT_S -> {
              s[fp + code[pc + 1]] = s[fp + code[pc + 2]] < s[fp + code[pc + 3]] ? 1 : 0;
              pc += 4;
            }
            case Ir.I64_LT_U -> {
              s[fp + code[pc + 1]] =
                  Long.compareUnsigned(s[fp + code[pc + 2]], s[fp + code[pc + 3]]) < 0 ? 1 : 0;
              pc += 4;
            }
            case Ir.I64_GT_S -> {
              s[fp + code[pc + 1]] = s[fp + code[pc + 2]] > s[fp + code[pc + 3]] ? 1 : 0;
              pc += 4;
            }
            case Ir.I64_GE_S -> {
              s[fp + code[pc + 1]] = s[fp + code[pc + 2]] >= s[fp + code[pc + 3]] ? 1 : 0;
              pc += 4;
            }
            case Ir.I64_LE_S -> {
              s[fp + code[pc + 1]] = s[fp + code[pc + 2]] <= s[fp + code[pc + 3]] ? 1 : 0;
              pc += 4;
            }
            case Ir.I64_ADD -> {
              s[fp + code[pc + 1]] = s[fp + code[pc + 2]] + s[fp + code[pc + 3]];
              pc += 4;
            }
            case Ir.I64_SUB -> {
              s[fp + code[pc + 1]] = s[fp + code[pc + 2]] - s[fp + code[pc + 3]];
              pc += 4;
            }
            case Ir.I64_MUL -> {
              s[fp + code[pc + 1]] = s[fp + code[pc + 2]] * s[fp + code[pc + 3]];
              pc += 4;
            }
            case Ir.I64_AND -> {
              s[fp + code[pc + 1]] = s[fp + code[pc + 2]] & s[fp + code[pc + 3]];
              pc += 4;
            }
            case Ir.I64_OR -> {
              s[fp + code[pc + 1]] = s[fp + code[pc + 2]] | s[fp + code[pc + 3]];
              pc += 4;
            }
            case Ir.I64_XOR -> {
              s[fp + code[pc + 1]] = s[fp + code[pc + 2]] ^ s[fp + code[pc + 3]];
              pc += 4;
            }
            case Ir.I64_SHL -> {
              s[fp + code[pc + 1]] = s[fp + code[pc + 2]] << s[fp + code[pc + 3]];
              pc += 4;
            }
            case Ir.I64_SHR_S -> {
              s[fp + code[pc + 1]] = s[fp + code[pc + 2]] >> s[fp + code[pc + 3]];
              pc += 4;
            }
            case Ir.I64_SHR_U -> {
              s[fp + code[pc + 1]] = s[fp + code[pc + 2]] >>> s[fp + code[pc + 3]];
              pc += 4;
            }
            case Ir.I64_EXTEND_I32_S -> {
              s[fp + code[pc + 1]] = (int) s[fp + code[pc + 2]];
              pc += 3;
            }
            case Ir.I64_EXTEND_I32_U -> {
              s[fp + code[pc + 1]] = s[fp + code[pc + 2]] & 0xFFFF_FFFFL;
              pc += 3;
            }
            case Ir.I32_WRAP_I64 -> {
              s[fp + code[pc + 1]] = (int) s[fp + code[pc + 2]];
              pc += 3;
            }
            case Ir.F64_ADD -> {
              s[fp + code[pc + 1]] =
                  Double.doubleToRawLongBits(
                      Double.longBitsToDouble(s[fp + code[pc + 2]])
                          + Double.longBitsToDouble(s[fp + code[pc + 3]]));
              pc += 4;
            }
            case Ir.F64_SUB -> {
              s[fp + code[pc + 1]] =
                  Double.doubleToRawLongBits(
                      Double.longBitsToDouble(s[fp + code[pc + 2]])
                          - Double.longBitsToDouble(s[fp + code[pc + 3]]));
              pc += 4;
            }
            case Ir.F64_MUL -> {
              s[fp + code[pc + 1]] =
                  Double.doubleToRawLongBits(
                      Double.longBitsToDouble(s[fp + code[pc + 2]])
                          * Double.longBitsToDouble(s[fp + code[pc + 3]]));
              pc += 4;
            }
            case Ir.F64_DIV -> {
              s[fp + code[pc + 1]] =
                  Double.doubleToRawLongBits(
                      Double.longBitsToDouble(s[fp + code[pc + 2]])
                          / Double.longBitsToDouble(s[fp + code[pc + 3]]));
              pc += 4;
            }
            case Ir.F32_ADD -> {
              s[fp + code[pc + 1]] =
                  Float.floatToRawIntBits(
                      Float.intBitsToFloat((int) s[fp + code[pc + 2]])
                          + Float.intBitsToFloat((int) s[fp + code[pc + 3]]));
              pc += 4;
            }
            case Ir.F32_MUL -> {
              s[fp + code[pc + 1]] =
                  Float.floatToRawIntBits(
                      Float.intBitsToFloat((int) s[fp + code[pc + 2]])
                          * Float.intBitsToFloat((int) s[fp + code[pc + 3]]));
              pc += 4;
            }
            case Ir.MEMORY_GROW,
                Ir.MEMORY_FILL,
                Ir.MEMORY_COPY,
                Ir.MEMORY_INIT,
                Ir.DATA_DROP,
                Ir.TABLE_GET,
                Ir.TABLE_SET,
                Ir.TABLE_SIZE,
                Ir.TABLE_GROW,
                Ir.TABLE_FILL,
                Ir.TABLE_COPY,
                Ir.TABLE_INIT,
                Ir.ELEM_DROP,
                Ir.MEMORY_SIZE -> {
              pc = MemoryOps.execute(m, inst, code, pc, fp);
              mem = memoryOf(inst);
              memSize = memorySizeOf(inst);
            }
            case Ir.SIMD -> {
              pc = SimdOps.execute(m, mem, memSize, code, pc, fp);
            }
            case Ir.ATOMIC -> {
              pc = AtomicOps.execute(m, inst, code, pc, fp);
              // Where this thread synchronizes with others: one may have grown a shared memory.
              memSize = memorySizeOf(inst);
            }
            case Ir.USE_MEMORY -> {
              MemoryInstance selected = inst.memories[code[pc + 1]];
              mem = selected.bytes;
              memSize = selected.size;
              pc += 2;
            }
            default -> {
              pc = ColdOps.execute(m, inst, mem, memSize, code, pc, fp);
            }
          }
        }
      } catch (Thrown t) {
        // Cold: a WebAssembly exception, caught by a try_table in this loop's frames or passed on.
        pc = Unwinding.handle(m, t, fn, pc, fp, entryDepth);
        fn = m.handlerFunction;
        fp = m.handlerBase;
        cc = fn.code();
        code = cc.code;
        inst = fn.instance;
        mem = memoryOf(inst);
        memSize = memorySizeOf(inst);
        s = m.lo;
      } catch (Trap | ExecutionInterruptedException e) {
        // fn and pc are where execution stood: the innermost WebAssembly frame.
        m.stoppedAt(fn, pc);
        throw e;
      }
    }
  }

  /** Returns {@code target}, after the fuel and interruption check if it is a back edge. */
  private static int branch(Budget budget, int target, int pc) {
    if (target <= pc && --budget.credit < 0) {
      budget.checkpoint();
    }
    return target;
  }

  /**
   * Returns the index of the {@code size} bytes at {@code address + offset} (an i32 address and u32
   * offset), or traps if they are not all inside a memory of {@code memSize} bytes.
   */
  static int address(int memSize, long address, int offset, int size) {
    long ea = (address & 0xFFFF_FFFFL) + (offset & 0xFFFF_FFFFL);
    if (ea > memSize - size) {
      throw Trap.of(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS);
    }
    return (int) ea;
  }
}
