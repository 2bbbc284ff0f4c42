package dev.cortado.compiler.internal;

import dev.cortado.wasm.FuncType;
import dev.cortado.wasm.ValType;
import java.util.List;
import org.objectweb.asm.Label;

/**
 * A label of the function being emitted: a block, loop or if, the function, or one outside a piece.
 */
final class Control {
  /** What opened the label. */
  enum Kind {
    FUNCTION,
    BLOCK,
    LOOP,
    IF,
    /** A label around the piece this method compiles: branching to it leaves the method. */
    OUTER
  }

  final Kind kind;
  final Label target;
  final Label elseLabel;
  final int height;
  final List<ValType> params;
  final List<ValType> results;
  // Operand stack entries below this index live in spill locals, not on the JVM stack, while
  // code of this block runs; for blocks and ifs it is the enclosing one's, for a loop its height.
  final int spillBase;
  // For a loop: the enclosing spill base, restored (entries reloaded) at the loop's end.
  final int outerSpillBase;
  // For an outer label: the code the piece answers to branch there.
  int code;
  boolean sawElse;

  Control(
      Kind kind,
      Label target,
      Label elseLabel,
      int height,
      FuncType sig,
      int spillBase,
      int outerSpillBase) {
    this.kind = kind;
    this.target = target;
    this.elseLabel = elseLabel;
    this.height = height;
    this.params = sig.params();
    this.results = sig.results();
    this.spillBase = spillBase;
    this.outerSpillBase = outerSpillBase;
  }

  List<ValType> branchTypes() {
    return kind == Kind.LOOP ? params : results;
  }
}
