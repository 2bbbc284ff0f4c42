package dev.cortado.compiler.internal;

import static org.objectweb.asm.Opcodes.GOTO;

import dev.cortado.compiler.internal.Control.Kind;
import dev.cortado.wasm.FuncType;
import dev.cortado.wasm.ValType;
import dev.cortado.wasm.binary.InstructionReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * Structured control flow of one method: blocks, loops, ifs and tries as {@link Control} labels,
 * branches, and the spill locals that keep the JVM operand stack empty where HotSpot or the JVM
 * need it (a loop's header for on-stack replacement, an exception handler). Operand stack entries
 * below {@link #spillBase()} live in spill locals while the code being emitted runs.
 */
final class ControlEmitter {
  private final FunctionEmitter f;
  private final MethodVisitor mv;
  private final ModuleContext mc;
  private final List<Control> controls = new ArrayList<>();
  private final Map<Long, Integer> spillLocals = new HashMap<>();
  private int spillBase;
  private int nextSpillLocal;

  /** Control flow for {@code f}, whose JVM locals from {@code firstFree} on are free. */
  ControlEmitter(FunctionEmitter f, int firstFree) {
    this.f = f;
    this.mv = f.mv();
    this.mc = f.moduleContext();
    this.nextSpillLocal = firstFree;
  }

  /** Opens label {@code c} (the function's, or one around a piece) without emitting code. */
  void add(Control c) {
    controls.add(c);
  }

  /** Returns the label {@code depth} levels out. */
  Control label(int depth) {
    return controls.get(controls.size() - 1 - depth);
  }

  /** Returns how many labels are open. */
  int depth() {
    return controls.size();
  }

  /** Returns the first operand stack index on the JVM stack; those below are in spill locals. */
  int spillBase() {
    return spillBase;
  }

  /** Returns a JVM local of {@code slots} slots of its own for the rest of the method. */
  int newLocal(int slots) {
    int l = nextSpillLocal;
    nextSpillLocal += slots;
    return l;
  }

  void block(Kind kind, InstructionReader r) {
    FuncType sig = r.blockType().signature(mc.module::type);
    Label elseLabel = null;
    if (kind == Kind.IF) {
      f.popType();
      elseLabel = new Label();
      mv.visitJumpInsn(NumericEmitter.negate(f.takeCondition()), elseLabel);
    }
    Label target = new Label();
    int height = f.height() - sig.params().size();
    if (kind == Kind.BLOCK || kind == Kind.IF) {
      controls.add(new Control(kind, target, elseLabel, height, sig, spillBase, spillBase));
      return;
    }
    // HotSpot compiles a long-running loop on stack replacement only where the JVM operand stack
    // is empty, and a JVM exception handler starts on an empty stack: what is on it (values of
    // enclosing blocks, the block's parameters) moves to spill locals, the parameters come back at
    // once, the rest at the block's end (where a try's handler also finds them). Entries of the
    // deep part are in the frame already.
    for (int i = f.height() - 1; i >= spillBase; i--) {
      if (f.deep().onJvm(i)) {
        f.store(f.stackType(i), spillLocal(i, f.stackType(i)));
      }
    }
    Control c = new Control(kind, target, null, height, sig, height, spillBase);
    controls.add(c);
    spillBase = height;
    if (kind == Kind.LOOP) {
      mv.visitLabel(target);
    } else {
      f.exceptions().open(c, r);
    }
    for (int i = height; i < Math.min(f.height(), f.deep().from()); i++) {
      f.load(f.stackType(i), spillLocal(i, f.stackType(i)));
    }
    if (kind == Kind.LOOP) {
      f.tick();
    }
  }

  /**
   * Returns the local that holds operand stack entry {@code index} of type {@code t} when spilled.
   */
  private int spillLocal(int index, ValType t) {
    if (t == ValType.V128) {
      return -1;
    }
    // ASM's sorts reach 10 (a double's is 8): four bits keep entries of two indices apart.
    return spillLocals.computeIfAbsent(
        (long) index << 4 | JvmTypes.of(t).getSort(), k -> newLocal(JvmTypes.wide(t) ? 2 : 1));
  }

  void elseBranch() {
    Control c = controls.get(controls.size() - 1);
    if (!f.isUnreachable()) {
      mv.visitJumpInsn(GOTO, c.target);
    }
    mv.visitLabel(c.elseLabel);
    c.sawElse = true;
    resetStack(c, c.params);
  }

  void end() {
    Control c = controls.remove(controls.size() - 1);
    if (c.kind == Kind.FUNCTION) {
      if (!f.isUnreachable()) {
        f.returns().results();
      }
      f.setUnreachable(true);
      f.exceptions().placeStubs(c.endStubs);
      return;
    }
    if (c.isTry()) {
      f.exceptions().close(c);
      // Every path to a try's label brings its results alone.
      mv.visitLabel(c.target);
      resetStack(c, c.results);
    } else {
      f.exceptions().placeStubs(c.endStubs);
    }
    if (c.kind == Kind.IF && !c.sawElse) {
      mv.visitLabel(c.elseLabel);
    }
    if (c.kind == Kind.BLOCK || c.kind == Kind.IF) {
      mv.visitLabel(c.target);
      resetStack(c, c.results);
      return;
    }
    // A loop's or try's end: entries spilled at its start go back on the JVM stack, below its
    // results.
    if (!f.isUnreachable() && c.outerSpillBase < Math.min(c.height, f.deep().from())) {
      // Results of the deep part stay in the frame.
      int onJvm = f.deep().belowDeep(c.height, c.results.size());
      int[] temps = new int[onJvm];
      for (int i = onJvm - 1; i >= 0; i--) {
        temps[i] = f.temp(c.results.get(i));
        f.store(c.results.get(i), temps[i]);
      }
      for (int i = c.outerSpillBase; i < Math.min(c.height, f.deep().from()); i++) {
        f.load(f.stackType(i), spillLocal(i, f.stackType(i)));
      }
      for (int i = 0; i < temps.length; i++) {
        f.load(c.results.get(i), temps[i]);
      }
    }
    spillBase = c.outerSpillBase;
    resetStack(c, c.results);
  }

  void resetStack(Control c, List<ValType> top) {
    while (f.height() > c.height) {
      f.popType();
    }
    f.push(top);
    f.setUnreachable(false);
  }

  /**
   * Jumps to {@code c}'s label, leaving the JVM stack as the label expects: for a loop empty, its
   * parameters in their spill locals; else the entries from the label's spill base to its height
   * (reloaded from spill locals if a loop between here and there spilled them), then the values the
   * branch carries. Values carried to the deep part of the stack go to its frame slots: from the
   * JVM stack one by one, and those the branch left in the frame ({@link DeepStackEmitter#onJvm})
   * in one copy.
   */
  void branch(Control c) {
    f.reads(c.branchTypes().size());
    if (c.kind == Kind.FUNCTION) {
      f.returns().results();
      return;
    }
    if (c.kind == Kind.OUTER) {
      f.leavePiece(c.code, c.results.size());
      return;
    }
    List<ValType> carried = c.branchTypes();
    int k = carried.size();
    int first = f.height() - k;
    if (f.vectors() != null) {
      f.vectors().moveCarried(f.stack(), first, c.height, k);
    }
    // The carried values from framed on are those the branch left in the frame that go to the deep
    // part, moved last: the values taken from the frame to the JVM stack may be where this copy
    // writes.
    int framed = Math.max(f.deep().onJvmBefore(first, k), f.deep().belowDeep(c.height, k));
    if (c.kind == Kind.LOOP) {
      for (int i = framed - 1; i >= 0; i--) {
        ValType t = carried.get(i);
        if (!f.deep().onJvm(first + i)) {
          f.deep().load(t, first + i);
        }
        if (c.height + i < f.deep().from()) {
          f.store(t, spillLocal(c.height + i, t));
        } else {
          int temp = f.temp(t);
          f.store(t, temp);
          f.deep().store(t, c.height + i, temp);
        }
      }
      f.dropJvmStack(spillBase, first);
      f.deep().move(first + framed, c.height + framed, k - framed);
      mv.visitJumpInsn(GOTO, c.target);
      return;
    }
    int excess = first - c.height;
    boolean reload = c.spillBase < spillBase;
    if (excess > 0 || reload || f.height() > f.deep().from()) {
      int[] temps = new int[k];
      for (int i = k - 1; i >= 0; i--) {
        if (f.deep().onJvm(first + i)) {
          ValType t = carried.get(i);
          temps[i] = f.temp(t);
          f.store(t, temps[i]);
        }
      }
      // Entries below the label's height still on the JVM stack are kept unless some must be
      // reloaded below them; then all go and come back from the spill locals.
      int keep = reload ? spillBase : c.height;
      f.dropJvmStack(Math.max(keep, spillBase), first);
      if (reload) {
        for (int i = c.spillBase; i < Math.min(c.height, f.deep().from()); i++) {
          f.load(f.stackType(i), spillLocal(i, f.stackType(i)));
        }
      }
      for (int i = 0; i < framed; i++) {
        ValType t = carried.get(i);
        boolean onJvm = f.deep().onJvm(first + i);
        if (c.height + i < f.deep().from()) {
          if (onJvm) {
            f.load(t, temps[i]);
          } else {
            f.deep().load(t, first + i);
          }
        } else if (onJvm) {
          f.deep().store(t, c.height + i, temps[i]);
        } else {
          // What a branch leaves in the frame is the top of what it carries (DeepStackEmitter).
          throw new IllegalStateException("carried value " + i + " in the frame below the JVM's");
        }
      }
      f.deep().move(first + framed, c.height + framed, k - framed);
    }
    mv.visitJumpInsn(GOTO, c.target);
  }

  boolean direct(Control c) {
    if (c.kind == Kind.FUNCTION || c.kind == Kind.OUTER || f.height() > f.deep().from()) {
      return false;
    }
    if (c.kind == Kind.LOOP) {
      return c.params.isEmpty() && f.height() == spillBase;
    }
    return c.spillBase == spillBase && f.height() - c.height == c.results.size();
  }

  void brIf(Control c) {
    f.popType();
    int jumpIfTrue = f.takeCondition();
    if (direct(c)) {
      f.reads(c.branchTypes().size());
      mv.visitJumpInsn(jumpIfTrue, c.target);
      return;
    }
    Label skip = new Label();
    mv.visitJumpInsn(NumericEmitter.negate(jumpIfTrue), skip);
    branch(c);
    mv.visitLabel(skip);
  }
}
