package dev.cortado.runtime.internal.interp;

import dev.cortado.wasm.FuncType;
import dev.cortado.wasm.Instruction;
import dev.cortado.wasm.binary.InstructionReader;
import java.util.ArrayList;
import java.util.List;

/**
 * Lowers exception handling (Wasm 3.0) for {@link Lowering}: {@code throw}, {@code throw_ref}, and
 * {@code try_table}, which becomes a block plus a group in the function's handler table.
 *
 * <p>A {@code try_table} costs nothing while no exception is thrown, apart from one jump over its
 * landing pads where it starts: each catch clause has a landing pad, emitted just before the block,
 * that continues to the clause's label as a branch would (a jump to the block's end or loop's
 * start, or a return). The handler table says, for each {@code try_table}, which code it covers
 * and, per clause, what it catches, where its values go and where its pad is; {@link Unwinding}
 * reads it only when an exception is thrown.
 *
 * <p>The table is an {@code int[]} of groups, innermost {@code try_table} first (the reverse of the
 * order they open in, so the first group covering a position is the innermost one): {@code start
 * end clauseCount} then per clause {@code kind tag pad dst}, where {@code kind} is the {@link
 * Instruction.CatchKind} ordinal and {@code dst} the first slot of the label's values.
 */
final class ExceptionLowering {
  static final int START = 0;
  static final int END = 1;
  static final int CLAUSES = 2;
  static final int HEADER = 3;
  static final int CLAUSE_SIZE = 4;

  private static final int[] NONE = new int[0];

  private final Lowering l;
  private final List<int[]> groups = new ArrayList<>();

  ExceptionLowering(Lowering l) {
    this.l = l;
  }

  /** {@code throw x}: the tag's values are copied to their own slots, as a call's arguments. */
  void throwTag(int tag) {
    FuncType t = l.ctx.tagType(tag);
    int base = l.arguments(t);
    l.emit(Ir.THROW);
    l.out.add(tag);
    l.out.add(base);
    l.becomeDead();
  }

  /** {@code throw_ref}. */
  void throwRef() {
    int ref = l.pop();
    l.emit(Ir.THROW_REF);
    l.out.add(ref);
    l.becomeDead();
  }

  /** {@code try_table bt catch*}: the landing pads, then a block the handler table covers. */
  void tryTable() {
    InstructionReader r = l.r;
    FuncType signature = r.blockType().signature(l.ctx::type);
    l.materializeAll();
    int n = r.catchCount();
    int[] group = new int[HEADER + CLAUSE_SIZE * n];
    group[CLAUSES] = n;
    l.emit(Ir.JUMP);
    int skip = l.out.add(-1);
    for (int i = 0; i < n; i++) {
      // The clause's label is counted from the block around the try_table.
      Lowering.Frame target = l.frames[l.depth - 1 - r.catchLabel(i)];
      int at = HEADER + CLAUSE_SIZE * i;
      group[at] = r.catchKind(i).ordinal();
      group[at + 1] = r.catchTag(i);
      group[at + 2] = l.out.size();
      if (target.kind == Lowering.KIND_FUNCTION) {
        // The values land where a return leaves results.
        group[at + 3] = 0;
        l.emit(Ir.RETURN);
      } else {
        group[at + 3] = l.home(target.height);
        l.jump(target, target.kind == Lowering.KIND_LOOP ? Ir.JUMP_LOOP : Ir.JUMP);
      }
    }
    l.out.set(skip, l.out.size());
    group[START] = l.out.size();
    int height = l.sp - signature.params().size();
    Lowering.Frame block =
        l.pushFrame(Lowering.KIND_BLOCK, height, signature.params(), signature.results());
    block.tryIndex = groups.size();
    groups.add(group);
  }

  /** Ends the code group {@code index} covers: the {@code try_table}'s block ends here. */
  void closeTry(int index) {
    groups.get(index)[END] = l.out.size();
  }

  /** Returns the handler table, innermost group first. */
  int[] handlers() {
    if (groups.isEmpty()) {
      return NONE;
    }
    int size = 0;
    for (int[] g : groups) {
      size += g.length;
    }
    int[] table = new int[size];
    int at = 0;
    for (int i = groups.size() - 1; i >= 0; i--) {
      int[] g = groups.get(i);
      System.arraycopy(g, 0, table, at, g.length);
      at += g.length;
    }
    return table;
  }
}
