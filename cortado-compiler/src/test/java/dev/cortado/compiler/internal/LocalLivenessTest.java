package dev.cortado.compiler.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cortado.wasm.binary.InstructionReader;
import dev.cortado.wasm.text.TextParser;
import dev.cortado.wasm.valid.Validator;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A call of a piece copies to the frame only the locals the piece may read before writing them, and
 * takes back only those it wrote that may be read after it, a loop's next turn included; a function
 * with exception handlers copies everything the piece uses. Compiled, each computes what the
 * interpreter does.
 */
class LocalLivenessTest {
  private static final int KEEP = 3;
  private static final int LATE = 4;

  /**
   * {@code n} statements mixing {@code $a}, each through the temporary {@code $tmp}, which it
   * writes before reading: dead between statements, wherever a piece starts or ends.
   */
  private static String mix(int n, int salt) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      b.append("(local.set $a (i32.add (local.tee $tmp (i32.xor (local.get $a) (i32.const ")
          .append(i * 7919 + salt)
          .append("))) (i32.rotl (local.get $tmp) (i32.const 5))))\n");
    }
    return b.toString();
  }

  private static final String LOCALS =
      "(param $x i32) (result i32) (local $a i32) (local $tmp i32) (local $keep i32)"
          + " (local $late i32) (local $i i32)\n";

  /**
   * Two long blocks, each a piece, that use {@code $tmp} only as a temporary; {@code $keep} is set
   * before them and read after; {@code $late} is set by the second and read after it.
   */
  private static final String STRAIGHT =
      "(module (func $f (export \"f\") "
          + LOCALS
          + "(local.set $keep (i32.mul (local.get $x) (i32.const 3)))\n"
          + "(local.set $a (local.get $x))\n(block $one\n"
          + mix(500, 1)
          + ")\n(block $two\n"
          + mix(500, 2)
          + "(local.set $late (i32.shr_u (local.get $a) (i32.const 3))))\n"
          + "(i32.add (i32.add (local.get $a) (local.get $keep)) (local.get $late))))";

  /**
   * A loop whose body is a long block (a piece) that reads {@code $late}, written at its end on the
   * previous turn and read again at the loop's head, outside the piece.
   */
  private static final String LOOP =
      "(module (func $f (export \"f\") "
          + LOCALS
          + "(local.set $a (local.get $x))\n(loop $turn\n"
          + "(local.set $keep (i32.add (local.get $keep) (local.get $late)))\n(block $body\n"
          + mix(900, 3)
          + "(local.set $late (i32.and (local.get $a) (i32.const 255))))\n"
          + "(br_if $turn (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1)))"
          + " (i32.const 4))))\n"
          + "(i32.add (local.get $a) (local.get $keep))))";

  /** {@link #STRAIGHT}'s blocks inside a {@code try_table}. */
  private static final String HANDLED =
      "(module (tag $e) (func $f (export \"f\") "
          + LOCALS
          + "(local.set $a (local.get $x))\n(block $caught (try_table (catch $e $caught)\n"
          + "(block $one\n"
          + mix(500, 4)
          + ")\n(block $two\n"
          + mix(500, 5)
          + ")))\n(local.get $a)))";

  private static List<Piece> pieces(String wat) {
    ModuleContext mc = new ModuleContext(Validator.validate(TextParser.parseModule(wat)), "p");
    List<Piece> pieces = FunctionSplitter.plan(mc, 0, true).pieces;
    assertFalse(pieces.isEmpty(), "the function is cut");
    return pieces;
  }

  @Test
  void aCutFunctionCopiesFewerLocalsThanItsPiecesUseAndComputesWhatTheInterpreterDoes() {
    int copied = 0;
    int touched = 0;
    for (Piece p : pieces(STRAIGHT)) {
      assertFalse(p.used.get(KEEP), "$keep used");
      copied += p.copiedIn.cardinality() + p.copiedOut.cardinality();
      touched += p.used.cardinality() + p.written.cardinality();
    }
    assertTrue(copied * 2 < touched, copied + " copies for " + touched + " locals touched");
    assertTrue(pieces(STRAIGHT).stream().anyMatch(p -> p.copiedOut.get(LATE)), "$late comes back");
    Fixtures.assertCompiledAgrees(STRAIGHT, "f", 0, 1, -7, 123_456);
  }

  /** The liveness of the one function of {@code wat}, and the shape it was computed from. */
  private record Analysed(FunctionShape shape, LocalLiveness live) {
    /** Returns the index of the {@code nth} instruction of {@code kind} on {@code local}. */
    int find(byte kind, int local, int nth) {
      for (int i = 0; i < shape.count; i++) {
        if (shape.kind[i] == kind && shape.arg[i] == local && nth-- == 0) {
          return i;
        }
      }
      throw new AssertionError("no such instruction");
    }

    boolean liveAt(int i, int local) {
      return live.liveAt(i).get(local);
    }
  }

  private static Analysed analyse(String body) {
    return analyseModule(
        "(module (func (param $p i32) (result i32) (local $a i32) (local $b i32)\n" + body + "))");
  }

  /** Records the shape of the first function of {@code wat} and analyses it. */
  private static Analysed analyseModule(String wat) {
    ModuleContext mc = new ModuleContext(Validator.validate(TextParser.parseModule(wat)), "p");
    var function = mc.module.module().functions().get(0);
    var info = mc.module.functionInfo(0);
    var type = mc.module.functionType(0);
    SplitPlan whole =
        new SplitPlan(
            List.of(),
            new BitSet(),
            info.localTypes(),
            type.params().size(),
            0,
            false,
            false,
            null,
            false);
    FunctionShape shape = new FunctionShape();
    SizeCounter counter = new SizeCounter(null);
    new FunctionEmitter(mc, counter, 0, type, function, info, whole, null)
        .recording(shape, counter)
        .emit();
    return new Analysed(
        shape,
        LocalLiveness.of(shape, InstructionReader.of(function.body()), info.localTypes().size()));
  }

  private static final byte READ = FunctionShape.LOCAL_READ;
  private static final byte WRITE = FunctionShape.LOCAL_WRITE;

  @Test
  void aLocalIsLiveFromWhereItMayBeReadBackToItsWrite() {
    Analysed f =
        analyse(
            "(local.set $a (i32.const 1)) (local.set $b (local.get $a))"
                + " (local.set $a (i32.const 2)) (i32.add (local.get $a) (local.get $b))");
    int firstWrite = f.find(WRITE, 1, 0);
    assertFalse(f.liveAt(firstWrite, 1), "$a before its first write");
    assertTrue(f.liveAt(firstWrite + 1, 1), "$a between its write and its read");
    int secondWrite = f.find(WRITE, 1, 1);
    assertFalse(f.liveAt(f.find(READ, 1, 0) + 1, 1), "$a after its read, before it is written");
    assertTrue(f.liveAt(secondWrite + 1, 2), "$b up to its read at the end");
    assertFalse(f.liveAt(0, 2), "$b before its write");
  }

  @Test
  void aWriteOnOnePathOnlyLeavesTheLocalLiveBeforeIt() {
    Analysed f =
        analyse(
            "(if (local.get $p) (then (local.set $a (i32.const 1))))"
                + " (block $out (br_if $out (local.get $p)) (local.set $b (i32.const 2)))"
                + " (i32.add (local.get $a) (local.get $b))");
    assertTrue(f.liveAt(0, 1), "$a, written in one arm of the if");
    assertTrue(f.liveAt(0, 2), "$b, whose write a branch skips");
    assertTrue(f.liveAt(f.find(WRITE, 1, 0), 2), "$b inside the if");
    assertFalse(f.liveAt(f.find(WRITE, 2, 0), 2), "$b at its write");
  }

  @Test
  void aLocalReadOnALoopsNextTurnIsLiveAtTheEndOfItsBody() {
    Analysed f =
        analyse(
            "(loop $turn (local.set $b (i32.add (local.get $b) (local.get $a)))"
                + " (local.set $a (i32.const 3))"
                + " (br_if $turn (local.tee $p (i32.sub (local.get $p) (i32.const 1)))))"
                + " (local.get $b)");
    int write = f.find(WRITE, 1, 0);
    assertTrue(f.liveAt(0, 1), "$a, read on the first turn before any write");
    assertFalse(f.liveAt(write, 1), "$a at its write");
    assertTrue(f.liveAt(write + 1, 1), "$a after its write, read on the next turn");
    BitSet after = f.live.liveAfter(f.find(READ, 2, 0), write + 1);
    assertTrue(after.get(1) && after.get(2) && after.get(0), "after the body's first statements");
  }

  @Test
  void aBranchTableKeepsLiveWhatAnyOfItsTargetsReads() {
    Analysed f =
        analyse(
            "(local.set $a (i32.const 5)) (local.set $b (i32.const 6))"
                + " (block $two (block $one (br_table $one $two (local.get $p)))"
                + " (return (local.get $a))) (local.get $b)");
    int table = f.find(READ, 0, 0);
    assertTrue(f.liveAt(table, 1) && f.liveAt(table, 2), "both targets' locals");
  }

  @Test
  void aFunctionWithHandlersIsNotAnalysed() {
    assertNull(
        analyseModule(
                "(module (tag $e) (func (result i32) (local $a i32) (block $c (try_table"
                    + " (catch $e $c) (local.set $a (i32.const 1)))) (local.get $a)))")
            .live());
  }

  @Test
  void aLocalReadOnTheLoopsNextTurnIsTakenBack() {
    boolean late = false;
    for (Piece p : pieces(LOOP)) {
      late |= p.copiedOut.get(LATE);
    }
    assertTrue(late, "$late, read at the loop's head, comes back");
    Fixtures.assertCompiledAgrees(LOOP, "f", 0, 1, 99, -123_456);
  }

  @Test
  void aFunctionWithHandlersCopiesEverythingAPieceUses() {
    for (Piece p : pieces(HANDLED)) {
      assertEquals(p.used, p.copiedIn);
      assertEquals(p.written, p.copiedOut);
    }
    Fixtures.assertCompiledAgrees(HANDLED, "f", 0, 5, -1);
  }
}
