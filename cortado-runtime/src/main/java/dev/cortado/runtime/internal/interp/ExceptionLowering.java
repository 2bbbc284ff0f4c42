package dev.cortado.runtime.internal.interp;

import dev.cortado.wasm.FuncType;
import dev.cortado.wasm.Opcode;
import dev.cortado.wasm.ValType;
import dev.cortado.wasm.binary.InstructionReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Lowers exception handling for {@link Lowering}: {@code throw}, {@code throw_ref}, {@code
 * try_table}, and the legacy {@code try} / {@code catch} / {@code catch_all} / {@code rethrow} /
 * {@code delegate}. Each {@code try_table} or {@code try} becomes a block plus a group in the
 * function's handler table; nothing runs for it while no exception is thrown, apart from one jump
 * over a {@code try_table}'s landing pads where it starts.
 *
 * <p>Each {@code try_table} clause has a landing pad, emitted just before the block, that continues
 * to the clause's label as a branch would (a jump to a block's end or a loop's start, or a return).
 * A legacy {@code catch} lands at its own code; the exception it caught stays in a slot of its own
 * (below the operand stack, one per {@code try} of the function) for {@code rethrow}.
 *
 * <p>The table is an {@code int[]} of groups, innermost first (the reverse of the order they open
 * in: the first group covering a position is the innermost one). A group is {@code start end
 * clauseCount openIndex delegateLimit}, then per clause {@code kind tag pad dst exceptionDst}:
 * {@code kind} is the {@link dev.cortado.wasm.Instruction.CatchKind} ordinal or {@link
 * #LEGACY_CATCH} / {@link #LEGACY_CATCH_ALL}; {@code dst} is the first slot of the values. A {@code
 * try ... delegate l} group has no clauses and a {@code delegateLimit}: the search goes on among
 * the groups opened before it that enclose label {@code l}'s block, as if the exception were thrown
 * there ({@code -1} for every other group).
 */
final class ExceptionLowering {
  static final int START = 0;
  static final int END = 1;
  static final int CLAUSES = 2;
  static final int OPEN = 3;
  static final int DELEGATE_LIMIT = 4;
  static final int HEADER = 5;
  static final int CLAUSE_SIZE = 5;

  static final int LEGACY_CATCH = 4;
  static final int LEGACY_CATCH_ALL = 5;

  private static final int[] NONE = new int[0];

  private final Lowering l;
  private final List<int[]> groups = new ArrayList<>();

  /** The first slot for the exceptions legacy catches hold (set by {@link Lowering}). */
  int exceptionSlots;

  /** The legacy catches now open around the code being lowered. */
  private int openCatches;

  ExceptionLowering(Lowering l) {
    this.l = l;
  }

  /** Returns whether {@code op} is an exception instruction, which this class lowers. */
  static boolean handles(Opcode op) {
    return op.handlesExceptions();
  }

  /** Lowers exception instruction {@code op}, just read, in live code. */
  void lower(Opcode op) {
    InstructionReader r = l.r;
    switch (op) {
      case THROW -> throwTag(r.index());
      case THROW_REF -> throwRef();
      case TRY_TABLE -> tryTable();
      case TRY -> legacyTry();
      case CATCH -> legacyCatch(r.index(), false);
      case CATCH_ALL -> legacyCatch(0, true);
      case RETHROW -> rethrow(r.index());
      case DELEGATE -> delegate(r.index());
      default -> throw new AssertionError(op);
    }
  }

  /**
   * Skips exception instruction {@code op} in dead code, except where it ends the dead part: a
   * catch or delegate of the try whose body became dead.
   */
  void skipDead(Opcode op) {
    switch (op) {
      case TRY_TABLE, TRY -> l.deadNesting++;
      case CATCH, CATCH_ALL -> {
        if (l.deadNesting == 0) {
          lower(op);
        }
      }
      case DELEGATE -> {
        if (l.deadNesting > 0) {
          l.deadNesting--;
        } else {
          lower(op);
        }
      }
      default -> {}
    }
  }

  /** Returns the number of groups opened so far. */
  int groupCount() {
    return groups.size();
  }

  /** {@code throw x}: the tag's values are copied to their own slots, as a call's arguments. */
  private void throwTag(int tag) {
    FuncType t = l.ctx.tagType(tag);
    int base = l.arguments(t);
    l.emit(Ir.THROW);
    l.out.add(tag);
    l.out.add(base);
    l.becomeDead();
  }

  /** {@code throw_ref}. */
  private void throwRef() {
    int ref = l.pop();
    l.emit(Ir.THROW_REF);
    l.out.add(ref);
    l.becomeDead();
  }

  /** {@code try_table bt catch*}: the landing pads, then a block the handler table covers. */
  private void tryTable() {
    InstructionReader r = l.r;
    FuncType signature = r.blockType().signature(l.ctx::type);
    l.materializeAll();
    int n = r.catchCount();
    l.emit(Ir.JUMP);
    int skip = l.out.add(-1);
    int[] group = group(n);
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
    open(group, signature);
  }

  /** Legacy {@code try bt}: a block whose body the handler table covers. */
  private void legacyTry() {
    FuncType signature = l.r.blockType().signature(l.ctx::type);
    l.materializeAll();
    open(group(0), signature);
  }

  private int[] group(int clauses) {
    int[] group = new int[HEADER + CLAUSE_SIZE * clauses];
    group[END] = -1;
    group[CLAUSES] = clauses;
    group[OPEN] = groups.size();
    group[DELEGATE_LIMIT] = -1;
    return group;
  }

  private void open(int[] group, FuncType signature) {
    group[START] = l.out.size();
    int height = l.sp - signature.params().size();
    Lowering.Frame block =
        l.pushFrame(Lowering.KIND_BLOCK, height, signature.params(), signature.results());
    block.tryIndex = groups.size();
    groups.add(group);
    block.groupLimit = groups.size();
  }

  /**
   * Legacy {@code catch x} or {@code catch_all}: ends the body (or the previous catch) as {@code
   * else} ends a then-branch, and starts the catch's code, where the exception's values are.
   */
  private void legacyCatch(int tag, boolean all) {
    Lowering.Frame f = l.frames[l.depth - 1];
    if (!l.dead) {
      l.materializeAll();
      l.emit(Ir.JUMP);
      f.forwardJumps.add(l.out.add(-1));
    }
    int[] group = groups.get(f.tryIndex);
    if (f.exceptionSlot < 0) {
      group[END] = l.out.size();
      f.exceptionSlot = exceptionSlots + openCatches++;
    }
    int at = group.length;
    group = Arrays.copyOf(group, at + CLAUSE_SIZE);
    group[CLAUSES]++;
    group[at] = all ? LEGACY_CATCH_ALL : LEGACY_CATCH;
    group[at + 1] = tag;
    group[at + 2] = l.out.size();
    group[at + 3] = l.home(f.height);
    group[at + 4] = f.exceptionSlot;
    groups.set(f.tryIndex, group);
    List<ValType> values = all ? List.of() : l.ctx.tagType(tag).params();
    l.resetStack(f.height, values);
    l.dead = false;
    l.deadNesting = 0;
    l.lastDst = -1;
    l.lastCompare = -1;
  }

  /** {@code rethrow l}: throws the exception the catch at label {@code l} caught. */
  private void rethrow(int label) {
    Lowering.Frame f = l.frames[l.depth - 1 - label];
    l.emit(Ir.THROW_REF);
    l.out.add(f.exceptionSlot);
    l.becomeDead();
  }

  /**
   * {@code delegate l}: ends the try as {@code end} does; an exception from its body goes on to the
   * handlers around label {@code l}'s block (counted from the block around the try).
   */
  private void delegate(int label) {
    Lowering.Frame f = l.frames[l.depth - 1];
    int[] group = groups.get(f.tryIndex);
    group[END] = l.out.size();
    group[DELEGATE_LIMIT] = l.frames[l.depth - 2 - label].groupLimit;
    l.end();
  }

  /** The block of a {@code try_table} or {@code try} ends: so does the code its group covers. */
  void closeTry(Lowering.Frame f) {
    int[] group = groups.get(f.tryIndex);
    if (group[END] < 0) {
      group[END] = l.out.size();
    }
    if (f.exceptionSlot >= 0) {
      openCatches--;
    }
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
