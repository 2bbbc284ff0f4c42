package dev.cortado.compiler.internal;

import dev.cortado.wasm.ValType;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A run of sibling instructions of a large function compiled as a method of its own: a block, loop
 * or if with everything in it, or a run of whole statements (from one point where the block's
 * operand stack is empty to another). The method shares the function's locals through a frame array
 * and answers where control goes next:
 *
 * <ul>
 *   <li>{@code 0}: on after the run, its results in the frame's exchange area;
 *   <li>{@code k > 0}: a branch to the label {@code k - 1} levels out from the run, its values in
 *       the exchange area;
 *   <li>{@code -1}: a return from the function: its one result in the exchange area, its several
 *       results written to the machine's slots already (as the root method writes them), or a tail
 *       call left pending.
 * </ul>
 */
final class Piece {
  /** First instruction and the one past the last, as indexes into the {@link FunctionShape}. */
  final int start;

  final int end;

  /** Body offsets of the first instruction and of the one past the last. */
  final int startOffset;

  final int endOffset;

  /** Where the run's operand stack starts in the function's: below its operands. */
  final int stackBase;

  /** What the run takes from the operand stack and leaves on it. */
  final List<ValType> params;

  final List<ValType> results;

  /** How many of the params and results pass through the exchange area (see {@link DeepStack}). */
  final int exchanged;

  /** The branch types of the labels around the run, innermost first; the last is the function's. */
  final List<List<ValType>> outer;

  /** Locals the run reads or writes, and those it writes, nested pieces included. */
  final BitSet used;

  final BitSet written;

  /**
   * Of {@link #used}, the locals the run may read before writing them, which its caller copies to
   * the frame before the call; of {@link #written}, those that may be read after it, which the
   * method stores to the frame when it leaves and its caller takes back. All of them unless {@link
   * #narrow} knew better.
   */
  BitSet copiedIn;

  BitSet copiedOut;

  /** The codes {@code k > 0} the method may answer. */
  final BitSet exits;

  /** Whether the method may answer {@code -1}. */
  final boolean returns;

  /** Pieces directly inside this one, in body order. */
  final List<Piece> children = new ArrayList<>();

  /** Locals this piece's method keeps in JVM locals: those its own instructions use most. */
  final BitSet own = new BitSet();

  /** How often its own instructions use each local; only while planning. */
  final Map<Integer, Integer> accesses = new HashMap<>();

  /** Tells apart pieces that start at the same offset, one inside the other. */
  int id;

  Piece(
      int start,
      int end,
      int startOffset,
      int endOffset,
      int stackBase,
      List<ValType> params,
      List<ValType> results,
      int exchanged,
      List<List<ValType>> outer,
      BitSet used,
      BitSet written,
      BitSet exits,
      boolean returns) {
    this.start = start;
    this.end = end;
    this.startOffset = startOffset;
    this.endOffset = endOffset;
    this.stackBase = stackBase;
    this.params = params;
    this.results = results;
    this.exchanged = exchanged;
    this.outer = outer;
    this.used = used;
    this.written = written;
    this.copiedIn = used;
    this.copiedOut = written;
    this.exits = exits;
    this.returns = returns;
  }

  /**
   * Returns the name of the method of this piece of defined function {@code definedIndex}: {@code
   * f<index>_<start offset>_<id>}; its line numbers count from the start offset (see {@code
   * CompiledFrames}).
   */
  String method(int definedIndex) {
    return ModuleContext.methodOf(definedIndex) + "_" + startOffset + "_" + id;
  }

  /**
   * Copies in and out only what {@code live} (null: nothing known) says may be read: the locals
   * live where the run starts, and those live where control goes on from it.
   */
  void narrow(LocalLiveness live) {
    if (live == null) {
      return;
    }
    copiedIn = (BitSet) used.clone();
    copiedIn.and(live.liveAt(start));
    copiedOut = (BitSet) written.clone();
    copiedOut.and(live.liveAfter(start, end));
  }

  /** Returns the values carried by a branch answered with code {@code k}. */
  List<ValType> carried(int k) {
    return outer.get(k - 1);
  }
}
