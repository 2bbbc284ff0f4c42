package dev.cortado.runtime.internal.interp;

import dev.cortado.runtime.Trap;
import dev.cortado.runtime.TrapKind;
import dev.cortado.runtime.WasmStackFrame;
import dev.cortado.runtime.internal.compiled.CompiledFrames;
import dev.cortado.runtime.internal.store.WasmFunction;
import java.util.ArrayList;
import java.util.List;

/** Builds the WebAssembly stack trace of a trap from the frames a {@link Machine} kept. */
final class Traps {
  private Traps() {}

  /**
   * Returns {@code trap} with the frames between where execution stopped and the entry at {@code
   * entryDepth} appended to its WebAssembly stack trace, innermost first.
   */
  static Trap withStackTrace(Machine m, Trap trap, int entryDepth) {
    List<WasmStackFrame> frames = new ArrayList<>();
    if (m.stoppedFunction != null) {
      frames.add(frame(m.stoppedFunction, m.stoppedPc));
      m.stoppedFunction = null;
    }
    for (int d = m.depth - 1; d >= entryDepth; d--) {
      // The saved position is just after the call; the call itself is one before it.
      frames.add(frame(m.frameFunction[d], m.framePc[d] - 1));
      m.frameFunction[d] = null;
    }
    return frames.isEmpty() ? trap : trap.withOuterFrames(frames);
  }

  /**
   * Returns {@code trap} with the frames of compiled functions that {@code thrown}'s Java stack
   * trace shows for entry level {@code level} appended.
   */
  static Trap withCompiledFrames(Machine m, Trap trap, Throwable thrown, int level) {
    if (m.trapLevel < 0) {
      m.trapLevel = level;
    }
    List<WasmStackFrame> frames = CompiledFrames.of(thrown.getStackTrace(), m.trapLevel - level);
    if (trap.kind() == TrapKind.CALL_STACK_EXHAUSTED
        && trap.wasmStackTrace().isEmpty()
        && !frames.isEmpty()
        && frames.get(0).offset() < 0) {
      // The call that went too deep failed on entry to its callee, which never ran: the
      // innermost frame is the caller at its call, as the interpreter reports it.
      frames = frames.subList(1, frames.size());
    }
    if (level == 1) {
      m.trapLevel = -1;
    }
    return frames.isEmpty() ? trap : trap.withOuterFrames(frames);
  }

  /** Returns the stack frame of function {@code f} standing at IR position {@code pc}. */
  static WasmStackFrame frame(WasmFunction f, int pc) {
    var module = f.instance.module().module();
    int defined = f.index - module.importedFunctionCount();
    long bodyStart = module.functions().get(defined).body().sourceOffset();
    int offset = f.code().wasmOffset(pc);
    return new WasmStackFrame(
        module.names().moduleName().orElse(""),
        f.index,
        module.names().functionName(f.index).orElse(""),
        offset < 0 ? -1 : bodyStart + offset);
  }
}
