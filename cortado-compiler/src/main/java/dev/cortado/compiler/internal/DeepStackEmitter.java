package dev.cortado.compiler.internal;

import dev.cortado.wasm.Opcode;
import dev.cortado.wasm.ValType;
import dev.cortado.wasm.binary.InstructionReader;

/**
 * How one method of a function meets its operand stack's deep part ({@link DeepStack}): which
 * entries are on the JVM stack, the frame slot of each deep entry, and the loads of an
 * instruction's deep operands before it and the stores of its deep results after ("raise" and
 * "sink"). In a function without a deep part every entry is on the JVM stack and nothing is
 * emitted.
 */
final class DeepStackEmitter {
  private final FunctionEmitter f;
  private final SplitPlan plan;
  // Where this method's operand stack starts in the function's: a piece's stack base, else 0.
  private final int base;
  // Entries from this index up live in the frame, except those raised onto the JVM stack for the
  // instruction being emitted: from raisedFrom up.
  private final int from;
  private int raisedFrom = Integer.MAX_VALUE;
  // Whether the instruction being emitted put its results of the deep part in the frame itself.
  private boolean placed;

  /** The deep part as method {@code piece} (null: the root) of a function cut as {@code plan}. */
  DeepStackEmitter(FunctionEmitter f, SplitPlan plan, Piece piece) {
    this.f = f;
    this.plan = plan;
    this.base = piece == null ? 0 : piece.stackBase;
    // Stack indexes of a piece count from where its stack starts in the function's.
    this.from = plan.deep == null ? Integer.MAX_VALUE : DeepStack.FROM - base;
  }

  /**
   * Returns whether operand stack entry {@code i}, unless spilled to a local, is on the JVM stack:
   * below the deep part, or raised from it for the instruction being emitted.
   */
  boolean onJvm(int i) {
    return i < from || i >= raisedFrom;
  }

  /**
   * Returns how many of the {@code count} entries from stack index {@code first} on come before
   * those at the top that are in the frame, not on the JVM stack: the entries an instruction did
   * not raise stay where they are, at the top.
   */
  int onJvmBefore(int first, int count) {
    int n = count;
    while (n > 0 && !onJvm(first + n - 1)) {
      n--;
    }
    return n;
  }

  /**
   * Returns how many of the {@code count} entries from stack index {@code first} on are below the
   * deep part: those that are not kept in the frame.
   */
  int belowDeep(int first, int count) {
    return Math.max(0, Math.min(count, from - first));
  }

  /** Returns the first operand stack index of the deep part; past the top if there is none. */
  int from() {
    return from;
  }

  /** Returns the frame slot of operand stack entry {@code i}, one of the deep part. */
  int slot(int i) {
    return plan.stackSlot(i + base);
  }

  /** Writes the value in JVM local {@code local} to the frame slot of deep entry {@code i}. */
  void store(ValType t, int i, int local) {
    if (t != ValType.V128) {
      f.frame().store(t, slot(i), local);
    }
  }

  /** Pushes deep entry {@code i} from its frame slot; a vector stays in its register. */
  void load(ValType t, int i) {
    if (t != ValType.V128) {
      f.frame().load(t, slot(i));
    }
  }

  /**
   * Moves the {@code count} deep entries from stack index {@code from} up to index {@code to} up,
   * in one copy (vectors are moved in their registers apart).
   */
  void move(int from, int to, int count) {
    if (count > 0 && from != to) {
      f.frame().move(slot(from), slot(to), count);
    }
  }

  /**
   * Notes that the entries from {@code from} up are on the JVM stack, deep or not: values pushed
   * from somewhere else (a piece's exchange area, an exception) for a branch that carries them,
   * until {@link #settled}.
   */
  void raisedFrom(int from) {
    raisedFrom = Math.max(this.from, from);
  }

  /** Notes that no entry of the deep part is on the JVM stack any more. */
  void settled() {
    raisedFrom = Integer.MAX_VALUE;
  }

  /** Notes that the instruction put its results of the stack's deep part in the frame itself. */
  void placedInFrame() {
    placed = true;
  }

  /**
   * Emits instruction {@code op} (read by {@code r}) through {@code instruction}, between the loads
   * of its deep operands and the stores of its deep results. Where control merges (else, end, a
   * catch) the stack is as everywhere else: nothing moves.
   */
  void emit(Opcode op, InstructionReader r, Runnable instruction) {
    boolean merges =
        switch (op) {
          case ELSE, CATCH, CATCH_ALL, DELEGATE -> true;
          case END -> f.label(0).kind != Control.Kind.FUNCTION;
          default -> false;
        };
    if (merges) {
      instruction.run();
      return;
    }
    boolean throughSlots = f.returns().throughSlots();
    boolean carriedStay =
        switch (op) {
          case BR, BR_IF -> carriedStay(f.label(r.index()), throughSlots);
          case BR_TABLE -> {
            boolean all = carriedStay(f.label(r.defaultLabel()), throughSlots);
            for (int i = 0; all && i < r.labelCount(); i++) {
              all = carriedStay(f.label(r.label(i)), throughSlots);
            }
            yield all;
          }
          default -> false;
        };
    int low = before(op, r.offset(), throughSlots, carriedStay);
    instruction.run();
    after(low);
  }

  /**
   * Returns whether a branch to {@code c} takes the values it carries from the deep part where they
   * are: within this method, or out of the function through the slots; not out of a piece, whose
   * exchange area takes values from the JVM stack.
   */
  private static boolean carriedStay(Control c, boolean throughSlots) {
    return switch (c.kind) {
      case OUTER -> false;
      case FUNCTION -> throughSlots;
      default -> true;
    };
  }

  /**
   * Before instruction {@code op} at body offset {@code offset}: loads its operands of the deep
   * part, but those it reads from the frame itself ({@code struct.new}, {@code array.new_fixed},
   * calls and {@code throw}; returns of several results if {@code returnsThroughSlots}; the values
   * a branch carries if {@code carriedStay}, which {@code ControlEmitter.branch} moves between
   * frame slots). Returns the lowest stack index it reaches, for {@link #after}.
   */
  private int before(Opcode op, int offset, boolean returnsThroughSlots, boolean carriedStay) {
    int height = f.height();
    int operands = plan.deep.operands(offset);
    // A branch that leaves its values where they are has nothing to store after it either.
    placed = carriedStay;
    int raised =
        switch (op) {
          // Only the condition or index on top, if any, comes onto the JVM stack.
          case BR, BR_IF, BR_TABLE -> carriedStay ? (op == Opcode.BR ? 0 : 1) : operands;
          case STRUCT_NEW, ARRAY_NEW_FIXED, CALL, THROW, RETURN_CALL -> 0;
          // The table index or reference on top comes first.
          case CALL_INDIRECT, CALL_REF, RETURN_CALL_INDIRECT, RETURN_CALL_REF -> 1;
          // Several results go through the slots, deep ones in one copy.
          case RETURN, END -> returnsThroughSlots ? 0 : operands;
          default -> operands;
        };
    raisedFrom(height - raised);
    for (int i = raisedFrom; i < height; i++) {
      ValType t = f.stackType(i);
      if (t != ValType.V128) {
        f.frame().load(t, slot(i));
      }
    }
    return height - operands;
  }

  /**
   * After the instruction {@link #before} returned {@code low} for: stores its results of the deep
   * part, unless it placed them itself or what follows is unreachable.
   */
  private void after(int low) {
    if (!f.isUnreachable() && !placed) {
      sink(low);
    }
    placed = false;
    settled();
  }

  /** Stores the entries of the deep part from {@code low} up, on the JVM stack, to the frame. */
  void sink(int low) {
    int lowest = Math.max(from, low);
    if (lowest >= f.height()) {
      return;
    }
    f.settleCondition();
    // One temporary serves them all: each value goes on to the frame at once.
    int temp = f.freeTemp();
    for (int i = f.height() - 1; i >= lowest; i--) {
      ValType t = f.stackType(i);
      f.store(t, temp);
      store(t, i, temp);
    }
  }
}
