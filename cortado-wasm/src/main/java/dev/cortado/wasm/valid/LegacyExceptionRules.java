package dev.cortado.wasm.valid;

import dev.cortado.wasm.FuncType;
import dev.cortado.wasm.Opcode;
import dev.cortado.wasm.ValType;
import java.util.List;

/**
 * Validation of the legacy exception instructions ({@code try}, {@code catch}, {@code catch_all},
 * {@code rethrow}, {@code delegate}), which the exception-handling proposal had before {@code
 * try_table} and which toolchains still emit.
 *
 * @see <a
 *     href="https://github.com/WebAssembly/exception-handling/blob/main/proposals/exception-handling/legacy/Exceptions.md">
 *     Legacy exception handling</a>
 */
final class LegacyExceptionRules {
  /** The kinds of the blocks a {@code try} opens: its body, then each catch. */
  static final int KIND_TRY = 0x200;

  static final int KIND_CATCH = 0x201;
  static final int KIND_CATCH_ALL = 0x202;

  private LegacyExceptionRules() {}

  /** {@code try bt}: a block whose kind lets {@code catch} and {@code delegate} end its body. */
  static void tryBlock(FunctionValidator v) {
    ControlRules.block(v, Opcode.BLOCK);
    v.setTopKind(KIND_TRY);
  }

  /**
   * {@code catch x} or {@code catch_all}: ends the body (or the previous catch) with the block's
   * results and starts a catch with the tag's values on the stack.
   */
  static void catchClause(FunctionValidator v, boolean all) {
    int kind = v.topKind();
    if (kind != KIND_TRY && kind != KIND_CATCH) {
      throw v.fail(
          (all ? "catch_all" : "catch")
              + (kind == KIND_CATCH_ALL ? " after catch_all" : " without matching try"));
    }
    List<ValType> params = List.of();
    if (!all) {
      int tag = v.reader.index();
      if (!Context.inRange(tag, v.ctx.tags.length)) {
        throw v.fail("unknown tag " + Integer.toUnsignedString(tag));
      }
      FuncType t = v.ctx.tags[tag];
      params = t.params();
    }
    int block = v.topBlock();
    List<ValType> results = v.topResults();
    v.popCtrl();
    v.pushCtrl(all ? KIND_CATCH_ALL : KIND_CATCH, block, params, results);
  }

  /** {@code rethrow l}: the label must be a catch block; the code after it is unreachable. */
  static void rethrow(FunctionValidator v) {
    int label = v.reader.index();
    if (!v.hasLabel(label)
        || (v.kindAt(label) != KIND_CATCH && v.kindAt(label) != KIND_CATCH_ALL)) {
      throw v.fail("invalid rethrow label " + Integer.toUnsignedString(label));
    }
    v.unreachable();
  }

  /**
   * {@code delegate l}: ends the try body as {@code end} does; the label, counted from the block
   * around the {@code try}, may be any (the function's own: to the caller).
   */
  static void delegate(FunctionValidator v) {
    if (v.topKind() != KIND_TRY) {
      throw v.fail("delegate without matching try");
    }
    int block = v.topBlock();
    List<ValType> results = v.topResults();
    v.popCtrl();
    v.recordEnd(block);
    int label = v.reader.index();
    if (!v.hasLabel(label)) {
      throw v.fail("unknown label " + Integer.toUnsignedString(label));
    }
    v.pushAll(results);
  }
}
