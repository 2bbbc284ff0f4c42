package dev.cortado.compiler.internal;

import static org.objectweb.asm.Opcodes.DUP;
import static org.objectweb.asm.Opcodes.GOTO;
import static org.objectweb.asm.Opcodes.IFLT;
import static org.objectweb.asm.Opcodes.IF_ICMPGE;
import static org.objectweb.asm.Opcodes.ILOAD;
import static org.objectweb.asm.Opcodes.INVOKEVIRTUAL;
import static org.objectweb.asm.Opcodes.ISTORE;
import static org.objectweb.asm.Opcodes.ISUB;
import static org.objectweb.asm.Opcodes.POP;

import dev.cortado.wasm.NumType;
import dev.cortado.wasm.binary.InstructionReader;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * {@code br_table}. A {@code tableswitch} takes 4 bytes per entry, so a table of 100,000 labels
 * would not fit a JVM method, let alone one HotSpot compiles; a long table becomes data instead: a
 * string constant whose characters are the case of each index, and a switch over the few distinct
 * labels.
 */
final class BranchTables {
  /** Longer tables than this are looked up in strings: 1 KiB of {@code tableswitch} at most. */
  static final int SWITCH_LIMIT = 256;

  /** A piece's {@code br_table} with more labels outside it than this shares one exit. */
  private static final int SHARED_EXIT_FROM = 8;

  /** Characters per string constant: at most 3 bytes each in the class file's 65,535. */
  private static final int CHUNK = 20_000;

  private final FunctionEmitter f;
  private final MethodVisitor mv;

  BranchTables(FunctionEmitter f) {
    this.f = f;
    this.mv = f.mv();
  }

  /**
   * Emits {@code br_table}: a {@code tableswitch} to the labels (directly where the stack already
   * fits, else through a stub that arranges it), or for a long table a lookup of the label's case
   * and a switch over the distinct labels.
   */
  void emit(InstructionReader r) {
    f.popTypes(1);
    int n = r.labelCount();
    Map<Integer, Label> stubs = new HashMap<>();
    int outer = 0;
    for (int i = 0; i <= n; i++) {
      outer += f.label(i < n ? r.label(i) : r.defaultLabel()).kind == Control.Kind.OUTER ? 1 : 0;
    }
    if (outer > SHARED_EXIT_FROM) {
      // Many labels outside this piece (a Go function's resume table): one exit for all of them,
      // the code from a table by the index, instead of a stub each.
      int index = f.temp(NumType.I32);
      mv.visitInsn(DUP);
      mv.visitVarInsn(ISTORE, index);
      int[] codes = new int[n];
      for (int i = 0; i < n; i++) {
        codes[i] = outerCode(r.label(i));
      }
      int dfltCode = outerCode(r.defaultLabel());
      Label shared = new Label();
      for (int i = 0; i <= n; i++) {
        int depth = i < n ? r.label(i) : r.defaultLabel();
        if (f.label(depth).kind == Control.Kind.OUTER) {
          stubs.putIfAbsent(depth, shared);
        }
      }
      emitSwitch(r, n, stubs);
      mv.visitLabel(shared);
      int carried = f.label(r.defaultLabel()).branchTypes().size();
      f.leavePiece(
          carried,
          () -> {
            mv.visitVarInsn(ILOAD, index);
            pushCase(mv, codes, dfltCode, f.temp(NumType.I32));
          });
      for (Map.Entry<Integer, Label> stub : stubs.entrySet()) {
        if (stub.getValue() != shared) {
          mv.visitLabel(stub.getValue());
          f.branch(f.label(stub.getKey()));
        }
      }
      f.markUnreachable();
      return;
    }
    emitSwitch(r, n, stubs);
    for (Map.Entry<Integer, Label> stub : stubs.entrySet()) {
      mv.visitLabel(stub.getValue());
      f.branch(f.label(stub.getKey()));
    }
    f.markUnreachable();
  }

  /** Returns the code a piece answers for a branch to label {@code depth}, or 0 if it is inside. */
  private int outerCode(int depth) {
    Control c = f.label(depth);
    return c.kind == Control.Kind.OUTER ? c.code : 0;
  }

  /** Emits the switch, with stubs (given or made) for labels a plain jump cannot reach. */
  private void emitSwitch(InstructionReader r, int n, Map<Integer, Label> stubs) {
    if (n > SWITCH_LIMIT) {
      // One case per distinct place to go (labels sharing a stub are one case).
      Map<Label, Integer> caseOf = new LinkedHashMap<>();
      Map<Integer, Label> labelOf = new HashMap<>();
      int[] cases = new int[n];
      for (int i = 0; i <= n; i++) {
        Label to =
            labelOf.computeIfAbsent(
                i < n ? r.label(i) : r.defaultLabel(), d -> caseLabel(d, stubs));
        int c = caseOf.computeIfAbsent(to, x -> caseOf.size());
        if (i < n) {
          cases[i] = c;
        }
      }
      Label dfltLabel = labelOf.get(r.defaultLabel());
      pushCase(mv, cases, caseOf.get(dfltLabel), f.temp(NumType.I32));
      Label[] targets = caseOf.keySet().toArray(new Label[0]);
      mv.visitTableSwitchInsn(0, targets.length - 1, dfltLabel, targets);
    } else {
      Label[] cases = new Label[n];
      for (int i = 0; i < n; i++) {
        cases[i] = caseLabel(r.label(i), stubs);
      }
      Label dflt = caseLabel(r.defaultLabel(), stubs);
      if (n == 0) {
        mv.visitInsn(POP);
        mv.visitJumpInsn(GOTO, dflt);
      } else {
        mv.visitTableSwitchInsn(0, n - 1, dflt, cases);
      }
    }
  }

  private Label caseLabel(int depth, Map<Integer, Label> stubs) {
    Control c = f.label(depth);
    if (f.direct(c)) {
      f.reads(c.branchTypes().size());
      return c.target;
    }
    return stubs.computeIfAbsent(depth, d -> new Label());
  }

  /**
   * With an index on the stack, pushes {@code cases[index]}, or {@code dflt} when the index is out
   * of range (unsigned, as {@code br_table} reads it); {@code temp} is a free int local.
   */
  static void pushCase(MethodVisitor mv, int[] cases, int dflt, int temp) {
    mv.visitVarInsn(ISTORE, temp);
    Label outside = new Label();
    Label have = new Label();
    mv.visitVarInsn(ILOAD, temp);
    mv.visitJumpInsn(IFLT, outside);
    mv.visitVarInsn(ILOAD, temp);
    Constants.pushInt(mv, cases.length);
    mv.visitJumpInsn(IF_ICMPGE, outside);
    for (int from = 0; from < cases.length; from += CHUNK) {
      int to = Math.min(cases.length, from + CHUNK);
      Label next = new Label();
      if (to < cases.length) {
        mv.visitVarInsn(ILOAD, temp);
        Constants.pushInt(mv, to);
        mv.visitJumpInsn(IF_ICMPGE, next);
      }
      StringBuilder chars = new StringBuilder(to - from);
      for (int i = from; i < to; i++) {
        chars.append((char) cases[i]);
      }
      mv.visitLdcInsn(chars.toString());
      mv.visitVarInsn(ILOAD, temp);
      if (from > 0) {
        Constants.pushInt(mv, from);
        mv.visitInsn(ISUB);
      }
      mv.visitMethodInsn(INVOKEVIRTUAL, "java/lang/String", "charAt", "(I)C", false);
      mv.visitJumpInsn(GOTO, have);
      mv.visitLabel(next);
    }
    mv.visitLabel(outside);
    Constants.pushInt(mv, dflt);
    mv.visitLabel(have);
  }
}
