package dev.cortado.compiler.internal;

import dev.cortado.wasm.binary.InstructionReader;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * Which locals of a function are live where: read, on some path from an instruction, before they
 * are written again. A call of a {@link Piece} copies to the frame only the locals the piece may
 * read before writing them ({@link #liveAt}), and takes back only those it wrote that may be read
 * after it ({@link #liveAfter}): in a large function most locals a piece touches are temporaries of
 * its own, which need neither.
 *
 * <p>A backward data-flow analysis over the instructions a trial emission recorded ({@link
 * FunctionShape}), repeated until nothing changes: a branch goes to its block's end or its loop's
 * start, a return nowhere, everything else on to the next instruction (a trap or throw too, which
 * only makes more locals live). Functions with exception handlers are not analysed: a handler sees
 * the locals as they were at the throw, wherever that was ({@link #of} answers null).
 */
final class LocalLiveness {
  /** The most words of bit sets one analysis keeps (8 MB); larger functions are not analysed. */
  private static final long MAX_WORDS = 1L << 20;

  /** Sweeps before giving up: each one carries liveness back over one more loop nesting. */
  private static final int MAX_SWEEPS = 100;

  /** No instruction: control leaves the function, or an instruction has no such successor. */
  private static final int NONE = -1;

  private final FunctionShape s;
  private final int words;

  /** Per instruction, {@code words} words: the locals live before it. */
  private final long[] live;

  /** Where each instruction goes on: the next one, a branch's target, or {@link #NONE}. */
  private final int[] next;

  /** Where an instruction may go besides {@link #next}: a label's target, or {@link #NONE}. */
  private final int[] jump;

  /** The targets of each {@code br_table}; null for other instructions. */
  private final int[][] tables;

  private LocalLiveness(FunctionShape s, int words) {
    this.s = s;
    this.words = words;
    this.live = new long[s.count * words];
    this.next = new int[s.count];
    this.jump = new int[s.count];
    this.tables = new int[s.count][];
  }

  /**
   * Returns the liveness of the {@code localCount} locals of the function {@code shape} recorded,
   * whose body {@code reader} reads; null if it has exception handlers or is too large to analyse.
   */
  static LocalLiveness of(FunctionShape shape, InstructionReader reader, int localCount) {
    int words = Math.max(1, (localCount + 63) >>> 6);
    if ((long) shape.count * words > MAX_WORDS) {
      return null;
    }
    for (int i = 0; i < shape.count; i++) {
      if (shape.kind[i] == FunctionShape.TRY || shape.kind[i] == FunctionShape.CATCH) {
        return null;
      }
    }
    LocalLiveness l = new LocalLiveness(shape, words);
    l.link(reader);
    return l.solve() ? l : null;
  }

  /** Returns the locals live before instruction {@code i}. */
  BitSet liveAt(int i) {
    return BitSet.valueOf(Arrays.copyOfRange(live, i * words, (i + 1) * words));
  }

  /**
   * Returns the locals live where control may go on from the run of instructions {@code [start,
   * end)}: after it, or at a label outside it that one of its branches takes.
   */
  BitSet liveAfter(int start, int end) {
    long[] out = new long[words];
    for (int i = start; i < end; i++) {
      addOutside(out, next[i], start, end);
      addOutside(out, jump[i], start, end);
      int[] table = tables[i];
      if (table != null) {
        for (int t : table) {
          addOutside(out, t, start, end);
        }
      }
    }
    return BitSet.valueOf(out);
  }

  private void addOutside(long[] out, int target, int start, int end) {
    if (target < start || target >= end) {
      add(out, target);
    }
  }

  /** Adds to {@code out} the locals live before instruction {@code target}, if there is one. */
  private void add(long[] out, int target) {
    if (target != NONE) {
      for (int w = 0; w < words; w++) {
        out[w] |= live[target * words + w];
      }
    }
  }

  /** Finds where each instruction goes on, from the block structure. */
  private void link(InstructionReader reader) {
    int n = s.count;
    BlockStructure blocks = s.blocks();
    int[] match = blocks.end;
    // The constructs open before each instruction, innermost last, to resolve label depths.
    int[] stack = new int[n + 1];
    int depth = 0;
    for (int i = 0; i < n; i++) {
      next[i] = i + 1 < n ? i + 1 : NONE;
      jump[i] = NONE;
      switch (s.kind[i]) {
        case FunctionShape.BLOCK, FunctionShape.LOOP -> stack[depth++] = i;
        case FunctionShape.IF -> {
          stack[depth++] = i;
          List<Integer> orElse = blocks.separators(i);
          jump[i] = orElse.isEmpty() ? match[i] : orElse.get(0) + 1;
        }
        case FunctionShape.ELSE -> next[i] = match[blocks.parent[i]];
        case FunctionShape.END -> depth = Math.max(0, depth - 1);
        case FunctionShape.BR -> next[i] = target(s.arg[i], stack, depth, match);
        case FunctionShape.BR_IF -> jump[i] = target(s.arg[i], stack, depth, match);
        case FunctionShape.BR_TABLE -> {
          reader.seek(s.offset[i]);
          reader.next();
          int[] targets = new int[reader.labelCount() + 1];
          for (int k = 0; k < reader.labelCount(); k++) {
            targets[k] = target(reader.label(k), stack, depth, match);
          }
          targets[targets.length - 1] = target(reader.defaultLabel(), stack, depth, match);
          tables[i] = targets;
          next[i] = NONE;
        }
        case FunctionShape.RETURN -> next[i] = NONE;
        default -> {}
      }
    }
  }

  /** The instruction a branch to label {@code depth} goes to: a loop's start or a block's end. */
  private int target(int depth, int[] stack, int open, int[] match) {
    if (depth >= open) {
      return NONE;
    }
    int construct = stack[open - 1 - depth];
    return s.kind[construct] == FunctionShape.LOOP ? construct : match[construct];
  }

  /** Sweeps backwards until no set grows; false if that takes too long. */
  private boolean solve() {
    long[] out = new long[words];
    for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
      boolean changed = false;
      for (int i = s.count - 1; i >= 0; i--) {
        Arrays.fill(out, 0);
        add(out, next[i]);
        add(out, jump[i]);
        int[] table = tables[i];
        if (table != null) {
          for (int t : table) {
            add(out, t);
          }
        }
        byte k = s.kind[i];
        if (k == FunctionShape.LOCAL_WRITE) {
          out[s.arg[i] >>> 6] &= ~(1L << s.arg[i]);
        } else if (k == FunctionShape.LOCAL_READ) {
          out[s.arg[i] >>> 6] |= 1L << s.arg[i];
        }
        int base = i * words;
        for (int w = 0; w < words; w++) {
          if (out[w] != live[base + w]) {
            // Sets only grow: every sweep starts from the last one's.
            live[base + w] = out[w];
            changed = true;
          }
        }
      }
      if (!changed) {
        return true;
      }
    }
    return false;
  }
}
