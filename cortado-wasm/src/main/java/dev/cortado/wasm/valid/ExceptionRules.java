package dev.cortado.wasm.valid;

import dev.cortado.wasm.FuncType;
import dev.cortado.wasm.HeapType;
import dev.cortado.wasm.Instruction;
import dev.cortado.wasm.InvalidException;
import dev.cortado.wasm.Opcode;
import dev.cortado.wasm.RefType;
import dev.cortado.wasm.ValType;
import dev.cortado.wasm.binary.InstructionReader;
import java.util.ArrayList;
import java.util.List;

/**
 * Validation of exception handling (Wasm 3.0): tag types, {@code throw}, {@code throw_ref} and
 * {@code try_table} with its catch clauses.
 *
 * @see <a
 *     href="https://webassembly.github.io/spec/core/valid/instructions.html#exception-instructions">
 *     Exception instructions</a>
 */
final class ExceptionRules {
  /** {@code (ref exn)}: what {@code catch_ref} and {@code catch_all_ref} pass to their label. */
  static final RefType EXN = new RefType(false, HeapType.Abstract.EXN);

  // The exception instructions by ordinal: a test of every instruction validated.
  private static final boolean[] EXCEPTIONS = new boolean[Opcode.values().length];

  static {
    for (Opcode op : Opcode.values()) {
      EXCEPTIONS[op.ordinal()] = op.handlesExceptions();
    }
  }

  private ExceptionRules() {}

  /** Returns whether {@code op} is an exception instruction, whose rule is here. */
  static boolean handles(Opcode op) {
    return EXCEPTIONS[op.ordinal()];
  }

  /** Checks exception instruction {@code op}, just read. */
  static void check(FunctionValidator v, Opcode op) {
    switch (op) {
      case THROW -> throwTag(v);
      case THROW_REF -> throwRef(v);
      case TRY_TABLE -> tryTable(v);
      case TRY -> LegacyExceptionRules.tryBlock(v);
      case CATCH -> LegacyExceptionRules.catchClause(v, false);
      case CATCH_ALL -> LegacyExceptionRules.catchClause(v, true);
      case RETHROW -> LegacyExceptionRules.rethrow(v);
      case DELEGATE -> LegacyExceptionRules.delegate(v);
      default -> throw new AssertionError(op);
    }
  }

  /** Checks a tag's type: a function type without results; returns it. */
  static FuncType tagType(Context types, int typeIndex, String where) {
    if (!types.hasType(typeIndex)) {
      throw InvalidException.of("unknown type " + Integer.toUnsignedString(typeIndex), where);
    }
    if (!types.isFuncType(typeIndex)) {
      throw InvalidException.of("type " + typeIndex + " of a tag is not a function type", where);
    }
    FuncType t = types.funcType(typeIndex);
    if (!t.results().isEmpty()) {
      throw InvalidException.of(
          "non-empty tag result type " + FunctionValidator.text(t.results()), where);
    }
    return t;
  }

  private static FuncType tag(FunctionValidator v, int index) {
    if (!Context.inRange(index, v.ctx.tags.length)) {
      throw v.fail("unknown tag " + Integer.toUnsignedString(index));
    }
    return v.ctx.tags[index];
  }

  /** {@code throw x}: pops the tag's values; the code after it is unreachable. */
  static void throwTag(FunctionValidator v) {
    FuncType t = tag(v, v.reader.index());
    v.popAll(t.params());
    v.unreachable();
  }

  /** {@code throw_ref}: pops an exception reference; the code after it is unreachable. */
  static void throwRef(FunctionValidator v) {
    v.pop(RefType.EXNREF);
    v.unreachable();
  }

  /**
   * {@code try_table bt catch*}: each clause's label must take what the clause passes; then the
   * instruction opens a block like {@code block bt}.
   */
  static void tryTable(FunctionValidator v) {
    InstructionReader r = v.reader;
    for (int i = 0; i < r.catchCount(); i++) {
      Instruction.CatchKind kind = r.catchKind(i);
      int label = r.catchLabel(i);
      if (!v.hasLabel(label)) {
        throw v.fail("unknown label " + Integer.toUnsignedString(label));
      }
      List<ValType> passed = new ArrayList<>();
      if (kind.hasTag()) {
        passed.addAll(tag(v, r.catchTag(i)).params());
      }
      if (kind.passesReference()) {
        passed.add(EXN);
      }
      List<ValType> expected = v.labelTypes(label);
      if (!v.ctx.matchesAll(passed, expected)) {
        throw v.fail(
            "type mismatch: "
                + kind.text()
                + " passes "
                + FunctionValidator.text(passed)
                + " to a label of "
                + FunctionValidator.text(expected));
      }
    }
    ControlRules.block(v, Opcode.BLOCK);
  }
}
