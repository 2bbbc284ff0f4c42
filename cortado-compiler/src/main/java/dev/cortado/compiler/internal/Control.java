package dev.cortado.compiler.internal;

import dev.cortado.wasm.FuncType;
import dev.cortado.wasm.ValType;
import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.Label;

/**
 * A label of the function being emitted: a block, loop, if, {@code try_table} or legacy {@code
 * try}, the function, or one outside a piece.
 */
final class Control {
  /** What opened the label. */
  enum Kind {
    FUNCTION,
    BLOCK,
    LOOP,
    IF,
    /** A {@code try_table}: a block whose body a JVM exception handler covers. */
    TRY_TABLE,
    /** A legacy {@code try}: a block whose body a handler covers, then its catches. */
    TRY,
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
  // For a try_table or try: the handler's range (its end set when the body ends) and handler.
  Label rangeStart;
  Label rangeEnd;
  final Label handler = new Label();
  // Handlers of delegates to this label, to place where an exception is as if thrown here: inside
  // this try's range while it is open, else at this label's end.
  final List<Label> rangeStubs = new ArrayList<>();
  final List<Label> endStubs = new ArrayList<>();
  // For a try_table: its clauses (kind ordinal, tag, label); for a try: its catches (tag or -1 for
  // catch_all, and the label of the catch's code).
  final List<int[]> clauses = new ArrayList<>();
  final List<Label> catchCode = new ArrayList<>();
  // For a try: the JVM local holding the exception its catch caught, for rethrow.
  int exceptionLocal = -1;

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

  /** Returns whether a JVM exception handler covers this label's body. */
  boolean isTry() {
    return kind == Kind.TRY_TABLE || kind == Kind.TRY;
  }

  List<ValType> branchTypes() {
    return kind == Kind.LOOP ? params : results;
  }
}
