package dev.cortado.compiler.internal;

import dev.cortado.wasm.ValType;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How one function is cut into methods: its {@link Piece}s (none for most functions), the locals
 * the root method's own instructions use, and the frame array through which the methods share
 * locals and pass values. A local lives in a JVM local of each method that uses it; a method copies
 * it to the frame before calling a piece that uses it and back after a piece that writes it, and a
 * piece copies in what it uses and out what it writes. Locals beyond {@link #REGISTER_SLOTS} JVM
 * slots in one method live in the frame only.
 */
final class SplitPlan {
  /** Pieces per generated class (see {@link #pieceClass}). */
  static final int PIECES_PER_CLASS = 32;

  /** JVM local slots one method gives to WebAssembly locals; the JVM allows 65,535 in all. */
  static final int REGISTER_SLOTS = 16_384;

  final List<Piece> pieces;
  final BitSet rootOwn;
  final int localCount;

  /** Slots after the locals in the frame: the most values a piece takes, leaves or carries. */
  final int exchange;

  final boolean hasFrame;
  final boolean refsInFrame;

  /** Whether some scalar or reference local of the root method lives only in the frame. */
  final boolean rootOverflows;

  /** Whether the function's vector registers go in the reference array, after the exchange. */
  final boolean vectorsInFrame;

  /** The deep part of the operand stack, kept in the frame after the exchange; null if none. */
  final DeepStack deep;

  /**
   * Whether the root method copies the parameters, which arrive in the machine's slots, to the
   * frame in one go and keeps in JVM locals only those its own code uses, as other locals: a
   * function of a thousand parameters otherwise spends more than a method's limit loading them.
   */
  final boolean paramsInFrame;

  private final Map<Integer, List<Piece>> byStart = new HashMap<>();

  SplitPlan(
      List<Piece> pieces,
      BitSet rootOwn,
      List<ValType> localTypes,
      int params,
      int exchange,
      boolean refsExchanged,
      boolean vectors,
      DeepStack deep,
      boolean paramsInFrame) {
    this.pieces = pieces;
    this.deep = deep;
    this.paramsInFrame = paramsInFrame;
    this.rootOwn = rootOwn;
    this.localCount = localTypes.size();
    this.exchange = exchange;
    this.rootOverflows = overflows(rootOwn, localTypes, rootParams(params));
    boolean overflow = rootOverflows;
    for (Piece p : pieces) {
      overflow |= overflows(p.own, localTypes, 0);
    }
    this.hasFrame = !pieces.isEmpty() || overflow || deep != null || paramsInFrame;
    boolean refs = refsExchanged || deep != null;
    for (ValType t : localTypes) {
      refs |= t.isReference();
    }
    this.vectorsInFrame = !pieces.isEmpty() && vectors;
    this.refsInFrame = hasFrame && refs || vectorsInFrame;
    for (int i = 0; i < pieces.size(); i++) {
      Piece p = pieces.get(i);
      p.id = i;
      byStart.computeIfAbsent(p.startOffset, k -> new java.util.ArrayList<>()).add(p);
    }
  }

  /**
   * Returns the class holding piece {@code id} of defined function {@code defined}, whose own
   * method is in class {@code functionClass}.
   */
  static String pieceClass(String functionClass, int defined, int id) {
    return functionClass + "P" + defined + "_" + id / PIECES_PER_CLASS;
  }

  /** Returns the frame's length: a slot per local, the exchange area, then the deep stack. */
  int frameLength() {
    return localCount + exchange + (deep == null ? 0 : deep.slots);
  }

  /** Returns the frame slot of operand stack entry {@code index}, one of the deep part. */
  int stackSlot(int index) {
    return localCount + exchange + index - DeepStack.FROM;
  }

  /** Returns the reference array's length: the frame's, and the two vector register arrays. */
  int refsLength() {
    return frameLength() + (vectorsInFrame ? 2 : 0);
  }

  /**
   * Returns the piece that starts at body offset {@code offset} and is a direct child of the method
   * of {@code current} (null for the root), or null if none does.
   */
  Piece pieceAt(int offset, Piece current) {
    List<Piece> here = byStart.get(offset);
    if (here == null) {
      return null;
    }
    // Pieces starting at one offset are listed outermost first.
    int i = current == null ? -1 : here.indexOf(current);
    return i + 1 < here.size() ? here.get(i + 1) : null;
  }

  /** Returns how many parameters the root method keeps in JVM locals whatever its code uses. */
  int rootParams(int params) {
    return paramsInFrame ? 0 : params;
  }

  /** Returns whether some scalar or reference local of {@code own} does not fit JVM locals. */
  private static boolean overflows(BitSet own, List<ValType> localTypes, int params) {
    BitSet left = (BitSet) own.clone();
    left.andNot(registers(own, localTypes, params));
    for (int i = left.nextSetBit(0); i >= 0; i = left.nextSetBit(i + 1)) {
      if (localTypes.get(i) != ValType.V128) {
        return true;
      }
    }
    return false;
  }

  /**
   * Returns which of {@code own} a method keeps in JVM locals: parameters always (they arrive
   * there), then the others in index order while they fit {@link #REGISTER_SLOTS}; never a v128
   * local, which lives in the vector registers.
   */
  static BitSet registers(BitSet own, List<ValType> localTypes, int params) {
    BitSet r = new BitSet();
    int slots = 0;
    for (int i = 0; i < params; i++) {
      r.set(i);
      slots += JvmTypes.wide(localTypes.get(i)) ? 2 : 1;
    }
    for (int i = own.nextSetBit(params); i >= 0; i = own.nextSetBit(i + 1)) {
      if (localTypes.get(i) == ValType.V128) {
        continue;
      }
      int w = JvmTypes.wide(localTypes.get(i)) ? 2 : 1;
      if (slots + w > REGISTER_SLOTS) {
        break;
      }
      r.set(i);
      slots += w;
    }
    return r;
  }
}
