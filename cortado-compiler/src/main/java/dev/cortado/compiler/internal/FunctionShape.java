package dev.cortado.compiler.internal;

import dev.cortado.wasm.FuncType;
import dev.cortado.wasm.Opcode;
import dev.cortado.wasm.ValType;
import dev.cortado.wasm.binary.InstructionReader;
import dev.cortado.wasm.valid.ValidatedModule;
import java.util.Arrays;
import java.util.List;

/**
 * What a trial emission of a whole function learnt, per instruction in body order: its offset, the
 * bytes of JVM code emitted before it, the operand stack height and whether it was unreachable, and
 * what splitting needs to know of it (structure, branches, locals). {@link SplitPlanner} cuts the
 * function into methods from it.
 */
final class FunctionShape {
  static final byte OTHER = 0;
  static final byte BLOCK = 1;
  static final byte LOOP = 2;
  static final byte IF = 3;
  static final byte ELSE = 4;
  static final byte END = 5;
  static final byte BR = 6;
  static final byte BR_IF = 7;
  static final byte BR_TABLE = 8;
  static final byte RETURN = 9;
  static final byte LOCAL_READ = 10;
  static final byte LOCAL_WRITE = 11;

  /** A {@code try_table} or legacy {@code try}: a block. */
  static final byte TRY = 12;

  /** A legacy {@code catch} or {@code catch_all}: it separates a try's bodies, as else does. */
  static final byte CATCH = 13;

  int count;
  int[] offset = new int[64];
  int[] bytes = new int[64];
  int[] height = new int[64];
  byte[] kind = new byte[64];
  boolean[] dead = new boolean[64];

  /** The label depth of a branch, the local of a local access; -1 otherwise. */
  int[] arg = new int[64];

  /** The signature of a block, loop or if. */
  FuncType[] signature = new FuncType[64];

  /** The lowest the operand stack got while the instruction ran (before it pushed). */
  int[] low = new int[64];

  /** The operand stack's types before the instruction, top first. */
  Entry[] types = new Entry[64];

  /** The block structure, found when first asked for: {@link #blocks}. */
  private BlockStructure blocks;

  /** An operand stack entry and those below it: stack snapshots share what they have in common. */
  record Entry(ValType type, Entry below, int height) {}

  /**
   * Records the instruction {@code r} has just decoded, about to be emitted, with the bytes emitted
   * before it, the operand stack and the lowest it got since the previous instruction.
   */
  void record(
      InstructionReader r,
      ValidatedModule module,
      int bytesBefore,
      List<ValType> stack,
      int lowSinceLast,
      boolean unreachable) {
    Opcode op = r.opcode();
    int index =
        switch (op) {
          case BR,
              BR_IF,
              BR_ON_NULL,
              BR_ON_NON_NULL,
              BR_ON_CAST,
              BR_ON_CAST_FAIL,
              LOCAL_GET,
              LOCAL_SET,
              LOCAL_TEE ->
              r.index();
          default -> -1;
        };
    FuncType sig =
        switch (op) {
          case BLOCK, LOOP, IF, TRY_TABLE, TRY -> r.blockType().signature(module::type);
          default -> null;
        };
    add(op, r.offset(), bytesBefore, stack, lowSinceLast, unreachable, index, sig);
  }

  private void add(
      Opcode op,
      int at,
      int bytesBefore,
      List<ValType> stack,
      int lowSinceLast,
      boolean unreachable,
      int index,
      FuncType blockSignature) {
    if (count + 1 >= offset.length) {
      int n = offset.length * 2;
      offset = Arrays.copyOf(offset, n);
      bytes = Arrays.copyOf(bytes, n);
      height = Arrays.copyOf(height, n);
      kind = Arrays.copyOf(kind, n);
      dead = Arrays.copyOf(dead, n);
      arg = Arrays.copyOf(arg, n);
      signature = Arrays.copyOf(signature, n);
      low = Arrays.copyOf(low, n);
      types = Arrays.copyOf(types, n);
    }
    int i = count++;
    Entry top = i == 0 ? null : types[i - 1];
    if (i > 0) {
      low[i - 1] = lowSinceLast;
    }
    while (top != null && top.height > lowSinceLast) {
      top = top.below;
    }
    for (int h = top == null ? 0 : top.height; h < stack.size(); h++) {
      top = new Entry(stack.get(h), top, h + 1);
    }
    types[i] = top;
    offset[i] = at;
    bytes[i] = bytesBefore;
    height[i] = stack.size();
    dead[i] = unreachable;
    signature[i] = blockSignature;
    byte k = kindOf(op);
    kind[i] = k;
    arg[i] = k == BR || k == BR_IF || k == LOCAL_READ || k == LOCAL_WRITE ? index : -1;
  }

  /** Records the end of the body: its length and the bytes emitted in all. */
  void finish(int endOffset, int totalBytes, List<ValType> stack, int lowSinceLast) {
    add(Opcode.NOP, endOffset, totalBytes, stack, lowSinceLast, true, -1, null);
    count--;
  }

  /** Returns the types of the top {@code n} entries before instruction {@code i}, bottom first. */
  List<ValType> top(int i, int n) {
    ValType[] t = new ValType[n];
    Entry e = types[i];
    for (int k = n - 1; k >= 0; k--) {
      t[k] = e.type();
      e = e.below();
    }
    return List.of(t);
  }

  /**
   * Returns the block structure of the recorded instructions, found once: splitting asks for it at
   * every attempt and liveness once more. Only once recording is over.
   */
  BlockStructure blocks() {
    if (blocks == null) {
      blocks = new BlockStructure(this);
    }
    return blocks;
  }

  /** Returns whether instruction {@code i} opens a block, loop, if or try. */
  boolean opens(int i) {
    return kind[i] == BLOCK || kind[i] == LOOP || kind[i] == IF || kind[i] == TRY;
  }

  private static byte kindOf(Opcode op) {
    return switch (op) {
      case BLOCK -> BLOCK;
      case LOOP -> LOOP;
      case IF -> IF;
      case ELSE -> ELSE;
      case TRY_TABLE, TRY -> TRY;
      case CATCH, CATCH_ALL -> CATCH;
      // A legacy delegate ends its try.
      case END, DELEGATE -> END;
      case BR -> BR;
      // br_on_null, br_on_non_null and the casts branch or not, as br_if does: a piece may leave
      // by them.
      case BR_IF, BR_ON_NULL, BR_ON_NON_NULL, BR_ON_CAST, BR_ON_CAST_FAIL -> BR_IF;
      case BR_TABLE -> BR_TABLE;
      // A tail call returns from the function (a piece making one answers as a return does).
      case RETURN, RETURN_CALL, RETURN_CALL_INDIRECT, RETURN_CALL_REF -> RETURN;
      case LOCAL_GET -> LOCAL_READ;
      case LOCAL_SET, LOCAL_TEE -> LOCAL_WRITE;
      default -> OTHER;
    };
  }
}
