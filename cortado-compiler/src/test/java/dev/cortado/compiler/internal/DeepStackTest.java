package dev.cortado.compiler.internal;

import static dev.cortado.compiler.internal.MethodSizes.assertEveryFunctionCompiledAndEveryMethodSmall;
import static dev.cortado.compiler.internal.MethodSizes.instance;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cortado.runtime.ExecutionEngine;
import dev.cortado.wasm.binary.ModuleEncoder;
import dev.cortado.wasm.text.TextParser;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Functions where thousands of values wait on the operand stack are cut into methods with the deep
 * part of the stack in the frame ({@link DeepStack}), and compute what the interpreter computes:
 * values of every type left deep for a long time, and at deep heights branches carrying values,
 * loops with parameters, {@code br_table}, calls with several results, exceptions caught by {@code
 * try_table} and legacy {@code try}, early returns, and {@code struct.new} and {@code
 * array.new_fixed} taking hundreds or thousands of operands.
 */
class DeepStackTest {
  private static final String TYPES =
      """
        (type $big (struct %s))
        (type $ints (array (mut i32)))
        (type $bytes (array (mut i8)))
        (type $vecs (array (mut v128)))
        (type $smalls (array (mut i31ref)))
        (tag $e (param i32))
        (elem declare func $pair)
        (func $pair (param i32) (result i32 i64)
          (local.get 0) (i64.extend_i32_u (i32.mul (local.get 0) (i32.const 3))))
        (func $mayThrow (param i32 i32) (result i32)
          (if (i32.and (local.get 0) (i32.const 8)) (then (throw $e (local.get 1))))
          (i32.add (local.get 0) (local.get 1)))
      """;

  /** The WebAssembly type each kind of term leaves, in the order of {@link #term}. */
  private static final String[] TERM_TYPES = {
    "i32", "i32", "i64", "i32", "i32", "i32 i64", "i32", "i32", "i32", "v128", "f32", "f64",
    "funcref", "i32", "i31ref", "i32 i64", "i32", "f32"
  };

  /** Instructions that push term {@code i}, of type {@code TERM_TYPES[i % 18]}. */
  private static String term(int i) {
    return switch (i % TERM_TYPES.length) {
      case 0 -> "local.get $n i32.const " + i + " i32.add";
      // A branch out of a block, carrying a value down to a deep position.
      case 1 ->
          "block (result i32) i32.const 77 i32.const "
              + i
              + " local.get $n i32.const 1 i32.and br_if 0 drop drop i32.const "
              + 3 * i
              + " end";
      case 2 ->
          "local.get $n i32.const "
              + i % 50
              + " i32.gt_s if (result i64) i64.const "
              + i
              + "00000000007 else local.get $n i64.extend_i32_s end";
      // A loop with a parameter, going round with it (and leaving a value behind).
      case 3 ->
          "i32.const "
              + i
              + " loop $l (param i32) (result i32) i32.const 1 i32.add local.tee $t"
              + " local.get $t local.get $t i32.const "
              + (i + 3)
              + " i32.lt_u br_if $l i32.add end";
      case 4 ->
          "block $a (result i32) block $b (result i32) i64.const 5 i32.const "
              + i
              + " local.get $n i32.const 3 i32.and br_table $a $b $a end i32.const 7 i32.add end";
      case 5 -> "local.get $n i32.const " + i + " i32.add call $pair";
      case 6 ->
          "block $h (result i32) try_table (result i32) (catch $e $h)"
              + " local.get $n i32.const 2 i32.and if i32.const "
              + i
              + " throw $e end i32.const "
              + (i + 5)
              + " end end";
      case 7 ->
          "try (result i32) local.get $n i32.const "
              + i
              + " call $mayThrow catch $e i32.const 100 i32.add end";
      case 8 -> "i32.const " + i + " local.get $n local.get $n i32.const 4 i32.and select";
      // A vector carried out of a block, then left deep.
      case 9 ->
          "block (result v128) f64.const 2 i32.const "
              + i
              + " i32x4.splat local.get $n i32.const 1 i32.and br_if 0 drop drop"
              + " local.get $n i32x4.splat end";
      case 10 -> "local.get $n f32.convert_i32_s f32.const " + i + ".5 f32.mul";
      case 11 -> "local.get $n f64.convert_i32_u f64.const " + i + ".25 f64.div";
      case 12 ->
          "local.get $n i32.const "
              + i
              + " i32.and if (result funcref) ref.func $pair else ref.null func end";
      // A return from deep in the stack, for one argument.
      case 13 ->
          "local.get $n i32.const "
              + (1_000 + i)
              + " i32.eq if i32.const "
              + i
              + " return end i32.const "
              + i;
      case 14 -> "local.get $n i32.const " + i + " i32.add ref.i31";
      // A block taking two values and giving them back, left early.
      case 15 ->
          "i32.const "
              + i
              + " i64.const "
              + i
              + " block $m (param i32 i64) (result i32 i64) local.get $n i32.const 16 i32.and"
              + " br_if $m i64.const 1 i64.add end";
      case 16 ->
          "i32.const 0 local.set $t loop $c local.get $t i32.const 1 i32.add local.tee $t"
              + " i32.const 3 i32.lt_u br_if $c end local.get $t";
      default -> "f32.const nan:0x" + Integer.toHexString(0x200001 + i);
    };
  }

  /** Instructions that turn a value of {@code type} on top of the stack into an i32. */
  private static String toI32(String type) {
    return switch (type) {
      case "i32" -> "";
      case "i64" -> "i32.wrap_i64";
      case "f32" -> "i32.reinterpret_f32";
      case "f64" -> "i64.reinterpret_f64 i32.wrap_i64";
      case "v128" -> "i32x4.extract_lane 1";
      case "funcref" -> "ref.is_null";
      case "i31ref" -> "i31.get_s";
      default -> throw new IllegalArgumentException(type);
    };
  }

  /** Folds the i32 on top of the stack into {@code $acc}, so that the order of values counts. */
  private static final String FOLD =
      " local.get $acc i32.const 5 i32.rotl i32.xor local.set $acc\n";

  /**
   * A function pushing {@code terms} values of every kind, each computed at a deeper height than
   * the last, then folding them from the top down.
   */
  private static String termsFunction(int terms) {
    StringBuilder b = new StringBuilder();
    b.append(
        "(func (export \"terms\") (param $n i32) (result i32) (local $t i32) (local $acc i32)\n");
    StringBuilder types = new StringBuilder();
    for (int i = 0; i < terms; i++) {
      b.append(' ').append(term(i)).append('\n');
      types.append(TERM_TYPES[i % TERM_TYPES.length]).append(' ');
    }
    String[] pushed = types.toString().trim().split(" ");
    for (int i = pushed.length - 1; i >= 0; i--) {
      b.append(' ').append(toI32(pushed[i])).append(FOLD);
    }
    return b.append(" local.get $acc)\n").toString();
  }

  private static final String[] FIELDS = {
    "i8", "i16", "i32", "i64", "f32", "f64", "i31ref", "v128"
  };

  /** A value for field {@code j} of {@code $big}. */
  private static String field(int j) {
    String n = "local.get $n i32.const " + (j * 37) + " i32.add";
    return switch (FIELDS[j % FIELDS.length]) {
      case "i8", "i16", "i32" -> n;
      case "i64" -> n + " i64.extend_i32_s i64.const 40 i64.shl";
      case "f32" -> n + " f32.convert_i32_s";
      case "f64" -> n + " f64.convert_i32_s f64.const 0.125 f64.mul";
      case "i31ref" -> n + " ref.i31";
      default -> n + " i32x4.splat";
    };
  }

  /** Reads field {@code j} of the struct in {@code $s} as an i32. */
  private static String read(int j) {
    String type = FIELDS[j % FIELDS.length];
    return switch (type) {
      case "i8" -> "local.get $s struct.get_s $big " + j;
      case "i16" -> "local.get $s struct.get_u $big " + j;
      default -> "local.get $s struct.get $big " + j + " " + toI32(type);
    };
  }

  /** A function making a struct of {@code fields} fields, then folding every field. */
  private static String structFunction(int fields) {
    StringBuilder b = new StringBuilder();
    b.append("(func (export \"struct\") (param $n i32) (result i32)");
    b.append(" (local $s (ref null $big)) (local $acc i32)\n");
    for (int j = 0; j < fields; j++) {
      b.append(' ').append(field(j)).append('\n');
    }
    b.append(" struct.new $big local.set $s\n");
    for (int j = 0; j < fields; j++) {
      b.append(' ').append(read(j)).append(FOLD);
    }
    return b.append(" local.get $acc)\n").toString();
  }

  /**
   * A function making an array of type {@code type} from {@code n} values pushed by {@code value}
   * ({@code %d} the element's index), then folding every element, read by {@code read}.
   */
  private static String arrayFunction(
      String name, String type, int count, String value, String read) {
    StringBuilder b = new StringBuilder();
    b.append("(func (export \"").append(name).append("\") (param $n i32) (result i32)");
    b.append(" (local $a (ref null ").append(type).append(")) (local $acc i32) (local $i i32)\n");
    for (int j = 0; j < count; j++) {
      b.append(' ').append(value.replace("%d", Integer.toString(j))).append('\n');
    }
    b.append(" array.new_fixed ").append(type).append(' ').append(count);
    b.append(" local.set $a\n");
    b.append(" loop $l local.get $a local.get $i ").append(read).append(FOLD);
    b.append(" local.get $i i32.const 1 i32.add local.tee $i local.get $a array.len i32.lt_u");
    b.append(" br_if $l end\n local.get $acc)\n");
    return b.toString();
  }

  private static final String[] CALL_TYPES = {"i32", "i64", "f64", "f32", "v128", "i31ref"};

  /** A value of type {@code CALL_TYPES[j % 6]}, computed from {@code $n} and {@code j}. */
  private static String argument(int j) {
    return switch (CALL_TYPES[j % CALL_TYPES.length]) {
      case "i32" -> "local.get $n i32.const " + j + " i32.add";
      case "i64" -> "local.get $n i64.extend_i32_s i64.const " + j + " i64.mul";
      case "f64" -> "local.get $n f64.convert_i32_s f64.const " + j + ".5 f64.add";
      case "f32" -> "local.get $n f32.convert_i32_s f32.const " + j + ".25 f32.sub";
      case "v128" -> "local.get $n i32.const " + j + " i32.xor i32x4.splat";
      default -> "local.get $n i32.const " + j + " i32.sub ref.i31";
    };
  }

  private static String arguments(int count) {
    StringBuilder b = new StringBuilder();
    for (int j = 0; j < count; j++) {
      b.append(' ').append(argument(j)).append('\n');
    }
    return b.toString();
  }

  /** Folds {@code count} values of types {@code CALL_TYPES[(3k + 1) % 6]} from the top down. */
  private static String foldResults(int count) {
    StringBuilder b = new StringBuilder();
    for (int k = count - 1; k >= 0; k--) {
      b.append(' ').append(toI32(CALL_TYPES[(3 * k + 1) % CALL_TYPES.length])).append(FOLD);
    }
    return b.toString();
  }

  private static String types(int count, IntUnaryOperator typeOf) {
    StringBuilder b = new StringBuilder();
    for (int j = 0; j < count; j++) {
      b.append(' ').append(CALL_TYPES[typeOf.applyAsInt(j) % CALL_TYPES.length]);
    }
    return b.toString();
  }

  /** The parameters of {@code $wide}: as many as a function may have. */
  private static final int WIDE = 1_000;

  /**
   * Calls with a thousand arguments and a hundred results (through the slots, directly, by a table
   * and by a reference), one with tens (as JVM arguments), and an exception with 70 values, all
   * made while 80 values wait below.
   */
  private static String callsFunctions() {
    StringBuilder b = new StringBuilder();
    b.append("(type $wideT (func (param").append(types(WIDE, j -> j)).append(")");
    b.append(" (result").append(types(100, k -> 3 * k + 1)).append(")))\n");
    b.append("(table 1 funcref) (elem (i32.const 0) $wide)\n");
    b.append("(tag $many (param").append(" i32".repeat(70)).append("))\n");
    b.append("(func $wide (type $wideT)");
    for (int k = 0; k < 100; k++) {
      b.append(" local.get ").append(3 * k + 1);
    }
    b.append(")\n(func $mid (param").append(types(40, j -> j)).append(") (result i64)");
    b.append(" local.get 1 local.get 36 i64.extend_i32_s i64.xor)\n");
    b.append("(func (export \"calls\") (param $n i32) (result i32) (local $acc i32)\n");
    for (int p = 0; p < 80; p++) {
      b.append(" local.get $n i32.const ").append(p * 13).append(" i32.add\n");
    }
    b.append(arguments(WIDE)).append(" call $wide\n").append(foldResults(100));
    b.append(arguments(WIDE)).append(" i32.const 0 call_indirect (type $wideT)\n");
    b.append(foldResults(100));
    b.append(arguments(WIDE)).append(" ref.func $wide call_ref $wideT\n").append(foldResults(100));
    b.append(arguments(40)).append(" call $mid i32.wrap_i64").append(FOLD);
    String many = " (result" + " i32".repeat(70) + ")";
    b.append(" block $h").append(many).append(" try_table").append(many);
    b.append(" (catch $many $h) local.get $n i32.const 1 i32.and if\n");
    for (int v = 0; v < 70; v++) {
      b.append(" local.get $n i32.const ").append(v * 7).append(" i32.mul\n");
    }
    b.append(" throw $many end\n");
    for (int v = 0; v < 70; v++) {
      b.append(" i32.const ").append(v * 11).append('\n');
    }
    b.append(" end end\n");
    for (int v = 0; v < 70 + 80; v++) {
      b.append(FOLD);
    }
    return b.append(" local.get $acc)\n").toString();
  }

  /** The values a branch carries in {@link #branchesFunctions}. */
  private static final int CARRIED = 2_000;

  /** Folds {@code count} values of types {@code CALL_TYPES[j % 6]} from the top down. */
  private static String foldArguments(int count) {
    StringBuilder b = new StringBuilder();
    for (int j = count - 1; j >= 0; j--) {
      b.append(' ').append(toI32(CALL_TYPES[j % CALL_TYPES.length])).append(FOLD);
    }
    return b.toString();
  }

  /** {@code count} values pushed above those a branch carries, which it must move down past. */
  private static String excess(int count) {
    return " i64.const 99 f32.const 1.5 ref.null func i32.const 4".repeat(count / 4);
  }

  /**
   * Branches carrying thousands of values down past others to deep heights: {@code br} and {@code
   * br_if} to a block, {@code br_table} to two blocks, {@code br} to a loop with thousands of
   * parameters, and {@code br} and {@code return} out of a function with thousands of results.
   */
  private static String branchesFunctions() {
    String carried = types(CARRIED, j -> j);
    StringBuilder b = new StringBuilder();
    b.append("(func $out (param $n i32) (result").append(carried).append(")\n");
    b.append(excess(8)).append(arguments(CARRIED));
    b.append(" local.get $n i32.const 4 i32.and br_if 0\n");
    b.append(excess(12)).append(arguments(CARRIED)).append(" local.get $n i32.const 8 i32.and");
    b.append(" if (param").append(carried).append(") (result").append(carried);
    b.append(") return end\n").append(excess(4)).append(arguments(CARRIED)).append(" br 0)\n");
    b.append("(func (export \"branches\") (param $n i32) (result i32) (local $acc i32)");
    b.append(" (local $t i32)\n");
    for (int p = 0; p < 80; p++) {
      b.append(" local.get $n i32.const ").append(p * 13).append(" i32.add\n");
    }
    b.append(" block $b (result").append(carried).append(")\n");
    b.append(excess(8)).append(arguments(CARRIED));
    b.append(" local.get $n i32.const 1 i32.and br_if $b\n");
    b.append(excess(4)).append(arguments(CARRIED)).append(" br $b end\n");
    b.append(foldArguments(CARRIED));
    b.append(" block $x (result").append(carried).append(")");
    b.append(" block $y (result").append(carried).append(")\n");
    b.append(excess(4)).append(arguments(CARRIED));
    b.append(" local.get $n i32.const 3 i32.and br_table $x $y $x end end\n");
    b.append(foldArguments(CARRIED));
    b.append(arguments(CARRIED)).append(" loop $l (param").append(carried).append(") (result");
    b.append(carried).append(")\n local.get $t i32.const 1 i32.add local.tee $t");
    b.append(" i32.const 3 i32.lt_u if (param").append(carried).append(") (result");
    b.append(carried).append(")\n").append(excess(8));
    b.append(arguments(CARRIED).replace("local.get $n", "local.get $t")).append(" br $l end end\n");
    b.append(foldArguments(CARRIED));
    b.append(" local.get $n call $out").append(foldArguments(CARRIED));
    for (int p = 0; p < 80; p++) {
      b.append(FOLD);
    }
    return b.append(" local.get $acc)\n").toString();
  }

  /**
   * A block too big for one method, cut into pieces around branches out of it that carry thousands
   * of values past others.
   */
  private static String outwardFunction() {
    String carried = types(CARRIED, j -> j);
    StringBuilder b = new StringBuilder();
    b.append(
        "(func (export \"outward\") (param $n i32) (result i32) (local $acc i32) (local $t i32)\n");
    for (int p = 0; p < 80; p++) {
      b.append(" local.get $n i32.const ").append(p * 13).append(" i32.add\n");
    }
    b.append(" block $o (result").append(carried).append(")\n");
    for (int r = 0; r < 3; r++) {
      for (int q = 0; q < 400; q++) {
        b.append(" local.get $t local.get $n i32.const ")
            .append(q)
            .append(" i32.xor i32.add local.set $t\n");
      }
      b.append(excess(8)).append(arguments(CARRIED));
      b.append(r < 2 ? " local.get $n i32.const " + (1 << r) + " i32.and br_if $o\n" : " br $o\n");
    }
    b.append(" end\n").append(foldArguments(CARRIED));
    for (int p = 0; p < 80; p++) {
      b.append(FOLD);
    }
    return b.append(" local.get $acc local.get $t i32.add)\n").toString();
  }

  private static byte[] module() {
    StringBuilder fieldTypes = new StringBuilder();
    for (int j = 0; j < 800; j++) {
      fieldTypes.append("(field ").append(FIELDS[j % FIELDS.length]).append(')');
    }
    StringBuilder b = new StringBuilder("(module\n");
    b.append(TYPES.formatted(fieldTypes));
    b.append(termsFunction(3_000));
    b.append(callsFunctions());
    b.append(branchesFunctions());
    b.append(outwardFunction());
    b.append(structFunction(800));
    b.append(
        arrayFunction(
            "ints", "$ints", 5_000, "local.get $n i32.const %d i32.mul", "array.get $ints"));
    b.append(
        arrayFunction(
            "bytes", "$bytes", 2_000, "local.get $n i32.const %d i32.add", "array.get_s $bytes"));
    b.append(
        arrayFunction(
            "vectors",
            "$vecs",
            400,
            "local.get $n i32.const %d i32.xor i32x4.splat",
            "array.get $vecs i32x4.extract_lane 2"));
    b.append(
        arrayFunction(
            "smalls",
            "$smalls",
            1_500,
            "local.get $n i32.const %d i32.sub ref.i31",
            "array.get $smalls i31.get_u"));
    b.append(")");
    return ModuleEncoder.encode(TextParser.parseModule(b.toString()));
  }

  private static final byte[] WASM = module();

  @Test
  void everyFunctionCompilesIntoSmallMethods() {
    assertEveryFunctionCompiledAndEveryMethodSmall(WASM, 14);
  }

  @Test
  void valuesLeftDeepComeBackAsTheInterpreterLeavesThem() {
    // Arguments that take every path: branches taken or not, exceptions thrown or not, and two
    // early returns from deep in the stack.
    assertSameResults("terms", 0, 1, 2, 3, 5, 8, 16, 17, 31, 1_013, 1_913, -1, 12_345);
  }

  @Test
  void callsTakeAndLeaveHundredsOfValuesInTheFrame() {
    assertSameResults("calls", 0, 1, 2, -3, 77_777);
  }

  @Test
  void branchesCarryThousandsOfValuesFromFrameToFrame() {
    assertSameResults("branches", 0, 1, 2, 3, 4, 5, 8, 12, -1, 99_999);
    assertSameResults("outward", 0, 1, 2, 3, 4, -1);
  }

  @Test
  void structNewTakesHundredsOfOperandsFromTheFrame() {
    assertSameResults("struct", 0, 1, -7, 99_991);
  }

  @Test
  void arrayNewFixedTakesThousandsOfOperandsFromTheFrame() {
    for (String f : new String[] {"ints", "bytes", "vectors", "smalls"}) {
      assertSameResults(f, 0, 3, -5, 4_096);
    }
  }

  private static void assertSameResults(String function, int... arguments) {
    IntUnaryOperator interpreted =
        instance(ExecutionEngine.INTERPRETER, WASM).func(function).orElseThrow().asIntUnary();
    IntUnaryOperator compiled =
        instance(ExecutionEngine.COMPILER, WASM).func(function).orElseThrow().asIntUnary();
    for (int n : arguments) {
      assertEquals(
          interpreted.applyAsInt(n), compiled.applyAsInt(n), function + "(" + n + ") differs");
    }
  }
}
