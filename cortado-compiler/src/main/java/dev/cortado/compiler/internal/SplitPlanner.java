package dev.cortado.compiler.internal;

import dev.cortado.wasm.FuncType;
import dev.cortado.wasm.Opcode;
import dev.cortado.wasm.ValType;
import dev.cortado.wasm.binary.InstructionReader;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;

/**
 * Chooses the {@link Piece}s of a function whose code would not fit one method of {@code target}
 * bytes, from a {@link FunctionShape}. Bottom up, every block body is brought under the target:
 * first its largest nested blocks become pieces, then runs of whole statements, packed into pieces
 * of about half the target, and runs of those pieces into bigger ones, until the body's own code
 * fits. A piece costs a call and the copying of the locals it shares, estimated generously; the
 * caller checks the result by emitting it.
 */
final class SplitPlanner {
  private final FunctionShape s;
  private final InstructionReader reader;
  private final FuncType type;
  private final int target;
  // The first operand stack index in the frame (see DeepStack); past the top if none is.
  private final int deepFrom;
  private final BlockStructure structure;
  private final int[] match;
  private final int[] parent;
  private final int[] residual;
  private final List<Piece> chosen = new ArrayList<>();
  // Blocks already made pieces of their own (outermost loops), not to be wrapped again alone.
  private final BitSet outlinedBlocks = new BitSet();

  private SplitPlanner(
      FunctionShape s, InstructionReader reader, FuncType type, int target, DeepStack deep) {
    this.s = s;
    this.deepFrom = deep == null ? Integer.MAX_VALUE : DeepStack.FROM;
    this.reader = reader;
    this.type = type;
    this.target = target;
    this.structure = s.blocks();
    this.match = structure.end;
    this.parent = structure.parent;
    this.residual = new int[s.count];
  }

  /**
   * Returns the pieces for a function of type {@code type} whose trial emission recorded {@code
   * shape}, so that no method's own code exceeds about {@code target} bytes; outermost first where
   * two start together. Each of the {@link #outermostLoops} is a piece too if there are at least
   * {@code minLoops} of them (0: none is). With {@code deep} (null: none), the operand stack's deep
   * part is in the frame, where pieces share it.
   */
  static List<Piece> plan(
      FunctionShape shape,
      InstructionReader reader,
      FuncType type,
      int target,
      int minLoops,
      DeepStack deep) {
    SplitPlanner p = new SplitPlanner(shape, reader, type, target, deep);
    BitSet outline = minLoops > 0 ? p.outermostLoops(minLoops) : new BitSet();
    // Inner blocks first: a block's index is above every enclosing block's.
    for (int i = shape.count - 1; i >= 0; i--) {
      if (shape.opens(i) && !shape.dead[i]) {
        p.residual[i] = p.structured(i);
        if (outline.get(i)) {
          Piece piece = p.piece(i, p.match[i] + 1, shape.height[i] - p.takes(i), p.parent[i]);
          p.chosen.add(piece);
          p.residual[i] = cost(piece);
          p.outlinedBlocks.set(i);
        }
      }
    }
    p.level(0, shape.count - 1, -1);
    p.chosen.sort(Comparator.comparingInt((Piece x) -> x.start).thenComparingInt(x -> -x.end));
    return p.chosen;
  }

  /** A loop is made a method of its own if its code is at least this many bytes. */
  static final int LOOP_PIECE_BYTES = 96;

  /**
   * Returns the reachable loops of at least {@link #LOOP_PIECE_BYTES} not inside another loop, if
   * there are {@code minimum} or more of them (else none). A function that runs loops one after
   * another (a program's {@code main}) is otherwise compiled by HotSpot on stack at each loop it
   * enters, the whole method each time, and that code is thrown away by an uncommon trap when the
   * loop ends; a loop of its own is compiled alone, and its end is a return.
   */
  BitSet outermostLoops(int minimum) {
    BitSet loops = new BitSet();
    for (int i = 0; i < s.count; i++) {
      if (s.kind[i] != FunctionShape.LOOP || s.dead[i]) {
        continue;
      }
      boolean outermost = true;
      for (int o = parent[i]; o >= 0; o = parent[o]) {
        if (s.kind[o] == FunctionShape.LOOP) {
          outermost = false;
          break;
        }
      }
      if (outermost && s.bytes[match[i] + 1] - s.bytes[i] >= LOOP_PIECE_BYTES) {
        loops.set(i);
      }
    }
    return loops.cardinality() >= minimum ? loops : new BitSet();
  }

  /** Brings the bodies of block {@code i} under the target; returns the block's code size. */
  private int structured(int i) {
    int m = match[i];
    int inline = s.bytes[m + 1] - s.bytes[i];
    int size = inline;
    int from = i + 1;
    for (int e : structure.separators(i)) {
      size += level(from, e, i) - (s.bytes[e] - s.bytes[from]);
      from = e + 1;
    }
    size += level(from, m, i) - (s.bytes[m] - s.bytes[from]);
    return size;
  }

  private static final class Item {
    final int start;
    final int end;
    // The lowest the operand stack gets while the item runs.
    final int low;
    int size;
    boolean outlined;

    Item(int start, int end, int low, int size) {
      this.start = start;
      this.end = end;
      this.low = low;
      this.size = size;
    }
  }

  /**
   * Brings the sibling instructions {@code [a, b)} of the block opened at {@code owner} (-1: the
   * function) under the target; returns their size.
   */
  private int level(int a, int b, int owner) {
    List<Item> items = new ArrayList<>();
    int total = 0;
    for (int p = a; p < b; ) {
      int e = s.opens(p) ? match[p] + 1 : p + 1;
      int size = s.opens(p) && !s.dead[p] ? residual[p] : s.bytes[e] - s.bytes[p];
      // Nothing in a block reaches below the values it takes.
      int low = s.opens(p) ? s.height[p] - takes(p) : s.low[p];
      Item item = new Item(p, e, low, size);
      item.outlined = outlinedBlocks.get(p);
      items.add(item);
      total += size;
      p = e;
    }
    if (total <= target) {
      return total;
    }
    // The largest blocks first.
    List<Item> blocks = new ArrayList<>();
    for (Item it : items) {
      if (s.opens(it.start) && !s.dead[it.start] && !it.outlined && it.size > target / 8) {
        blocks.add(it);
      }
    }
    blocks.sort(Comparator.comparingInt((Item it) -> -it.size));
    for (Item it : blocks) {
      if (total <= target) {
        return total;
      }
      Piece piece = piece(it.start, it.end, it.low, owner);
      int cost = cost(piece);
      if (cost < it.size) {
        chosen.add(piece);
        total -= it.size - cost;
        it.size = cost;
        it.outlined = true;
      }
    }
    // Then runs of statements, and runs of runs, until the level fits or nothing more can go.
    while (total > target) {
      List<Item> grouped = new ArrayList<>();
      boolean progress = false;
      int i = 0;
      while (i < items.size()) {
        if (!boundary(items.get(i).start)) {
          grouped.add(items.get(i++));
          continue;
        }
        // Pack statements from this boundary while they fit half the target.
        int j = i;
        int size = 0;
        int low = s.height[items.get(i).start];
        int lastBoundary = i;
        int lastSize = 0;
        int lastLow = low;
        while (j < items.size() && size + items.get(j).size <= target / 2) {
          size += items.get(j).size;
          low = Math.min(low, items.get(j).low);
          j++;
          int at = j == items.size() ? b : items.get(j).start;
          if (boundary(at)) {
            lastBoundary = j;
            lastSize = size;
            lastLow = Math.min(low, s.height[at]);
          }
        }
        if (lastBoundary == i) {
          grouped.add(items.get(i++));
          continue;
        }
        int end = lastBoundary == items.size() ? b : items.get(lastBoundary).start;
        Piece piece = piece(items.get(i).start, end, lastLow, owner);
        int cost = cost(piece);
        // One piece alone is not wrapped in another of the same extent.
        boolean wraps = lastBoundary - i > 1 || !items.get(i).outlined;
        if (wraps && cost < lastSize) {
          chosen.add(piece);
          Item run = new Item(items.get(i).start, end, lastLow, cost);
          run.outlined = true;
          grouped.add(run);
          total -= lastSize - cost;
          progress = true;
        } else {
          for (int k = i; k < lastBoundary; k++) {
            grouped.add(items.get(k));
          }
        }
        i = lastBoundary;
      }
      items = grouped;
      if (!progress) {
        break;
      }
    }
    return total;
  }

  /**
   * Returns whether a run may start or end before instruction {@code p}: where it is reachable, so
   * that runs end where the code after them is reachable too.
   */
  private boolean boundary(int p) {
    return !s.dead[p];
  }

  /** Returns the operands block {@code p} takes: its parameters, and an if's condition. */
  private int takes(int p) {
    return s.signature[p].params().size() + (s.kind[p] == FunctionShape.IF ? 1 : 0);
  }

  /**
   * Builds the piece of instructions {@code [a, e)} in the block opened at {@code owner}, during
   * which the operand stack gets no lower than {@code low}.
   */
  private Piece piece(int a, int e, int low, int owner) {
    List<ValType> params = s.top(a, s.height[a] - low);
    List<ValType> results = s.top(e, s.height[e] - low);
    List<List<ValType>> outer = new ArrayList<>();
    for (int o = owner; o >= 0; o = parent[o]) {
      FuncType sig = s.signature[o];
      outer.add(s.kind[o] == FunctionShape.LOOP ? sig.params() : sig.results());
    }
    outer.add(type.results());
    BitSet used = new BitSet();
    BitSet written = new BitSet();
    BitSet exits = new BitSet();
    boolean returns = false;
    int nest = 0;
    for (int i = a; i < e; i++) {
      switch (s.kind[i]) {
        case FunctionShape.BLOCK, FunctionShape.LOOP, FunctionShape.IF -> nest++;
        case FunctionShape.TRY -> {
          // A try_table's clauses branch to labels around it.
          reader.seek(s.offset[i]);
          if (reader.next() == Opcode.TRY_TABLE) {
            for (int c = 0; c < reader.catchCount(); c++) {
              exit(reader.catchLabel(c), nest, exits);
            }
          }
          nest++;
        }
        case FunctionShape.END -> nest--;
        case FunctionShape.LOCAL_READ -> used.set(s.arg[i]);
        case FunctionShape.LOCAL_WRITE -> {
          used.set(s.arg[i]);
          written.set(s.arg[i]);
        }
        case FunctionShape.BR, FunctionShape.BR_IF -> exit(s.arg[i], nest, exits);
        case FunctionShape.BR_TABLE -> {
          reader.seek(s.offset[i]);
          reader.next();
          for (int l = 0; l < reader.labelCount(); l++) {
            exit(reader.label(l), nest, exits);
          }
          exit(reader.defaultLabel(), nest, exits);
        }
        case FunctionShape.RETURN -> returns = true;
        default -> {}
      }
    }
    // Entries of the deep part stay in the frame: only those below it are exchanged.
    int exchanged =
        Math.max(0, Math.min(deepFrom, s.height[a]) - low)
            + Math.max(0, Math.min(deepFrom, s.height[e]) - low);
    return new Piece(
        a,
        e,
        s.offset[a],
        s.offset[e],
        low,
        params,
        results,
        exchanged,
        outer,
        used,
        written,
        exits,
        returns);
  }

  private static void exit(int depth, int nest, BitSet exits) {
    if (depth >= nest) {
      exits.set(depth - nest + 1);
    }
  }

  /** Estimates, generously, the bytes a call of {@code p} takes in its caller. */
  static int cost(Piece p) {
    int cost = 32 + 12 * p.exchanged;
    // Copies of the caller's JVM locals the piece uses; most locals a piece uses are its own.
    cost += 2 * (p.used.cardinality() + p.written.cardinality());
    // A tableswitch entry per exit; a stub where values move; one path for returns.
    for (int k = p.exits.nextSetBit(0); k >= 0; k = p.exits.nextSetBit(k + 1)) {
      int carried = p.carried(k).size();
      cost += 4 + (carried == 0 ? 0 : 16 + 12 * carried);
    }
    if (p.returns) {
      cost += 24;
    }
    return cost;
  }
}
