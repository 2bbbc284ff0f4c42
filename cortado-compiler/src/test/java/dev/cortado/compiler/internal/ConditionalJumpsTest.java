package dev.cortado.compiler.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cortado.runtime.ExecutionEngine;
import dev.cortado.runtime.Instance;
import dev.cortado.runtime.WasmValue;
import dev.cortado.wasm.RefType;
import dev.cortado.wasm.text.TextParser;
import dev.cortado.wasm.valid.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.DoubleStream;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * A comparison the next instruction branches on is compiled to one JVM jump on its operands ({@code
 * NumericEmitter.bool}): every comparison, used as a value, by {@code br_if} (with and without
 * values carried), by {@code if}, negated once and twice by {@code i32.eqz}, and before a piece
 * boundary, gives what the interpreter gives, NaN and the unsigned order included.
 */
class ConditionalJumpsTest {
  private record Comparison(String op, String type) {}

  private static final List<Comparison> COMPARISONS = new ArrayList<>();

  static {
    for (String op : List.of("eq", "ne", "lt_s", "lt_u", "gt_s", "gt_u", "le_s", "le_u", "ge_s")) {
      COMPARISONS.add(new Comparison("i32." + op, "i32"));
      COMPARISONS.add(new Comparison("i64." + op, "i64"));
    }
    COMPARISONS.add(new Comparison("i32.ge_u", "i32"));
    COMPARISONS.add(new Comparison("i64.ge_u", "i64"));
    for (String op : List.of("eq", "ne", "lt", "gt", "le", "ge")) {
      COMPARISONS.add(new Comparison("f32." + op, "f32"));
      COMPARISONS.add(new Comparison("f64." + op, "f64"));
    }
  }

  /**
   * The ways each comparison's result is used; each function returns 1 or 0 (or 7/9 for select).
   */
  private static final List<String> USES =
      List.of(
          "value",
          "brif",
          "brif_value",
          "if",
          "eqz",
          "eqz_eqz",
          "eqz_if",
          "eqz_eqz_brif",
          "select",
          "loop");

  private static String body(String use, String cmp) {
    return switch (use) {
      case "value" -> cmp;
      case "brif" -> "(block $b (br_if $b " + cmp + ") (return (i32.const 0))) (i32.const 1)";
      // A value carried to the label over another one (5) the branch drops: not a plain jump.
      case "brif_value" ->
          "(i32.add (i32.const 100) (block $b (result i32) (i32.const 5) (drop (br_if $b"
              + " (i32.const 1) "
              + cmp
              + ")) (drop) (i32.const 0))) (i32.const 100) (i32.sub)";
      case "if" -> "(if (result i32) " + cmp + " (then (i32.const 1)) (else (i32.const 0)))";
      case "eqz" -> "(i32.eqz " + cmp + ")";
      case "eqz_eqz" -> "(i32.eqz (i32.eqz " + cmp + "))";
      case "eqz_if" ->
          "(if (result i32) (i32.eqz " + cmp + ") (then (i32.const 1)) (else (i32.const 0)))";
      case "eqz_eqz_brif" ->
          "(block $b (br_if $b (i32.eqz (i32.eqz "
              + cmp
              + "))) (return (i32.const 0)))"
              + " (i32.const 1)";
      case "select" -> "(select (i32.const 7) (i32.const 9) " + cmp + ")";
      // The comparison as a loop's back edge: counts down from 3 while it holds, at most 3 times.
      case "loop" ->
          "(local.set $n (i32.const 3)) (loop $l (local.set $n (i32.sub (local.get $n) (i32.const"
              + " 1))) (br_if $l (i32.and (i32.ne (local.get $n) (i32.const 0)) "
              + cmp
              + "))) (local.get $n)";
      default -> throw new IllegalArgumentException(use);
    };
  }

  private static String wat() {
    StringBuilder w = new StringBuilder("(module\n");
    for (Comparison c : COMPARISONS) {
      String cmp = "(" + c.op() + " (local.get 0) (local.get 1))";
      for (String use : USES) {
        w.append("  (func (export \"")
            .append(c.op())
            .append('/')
            .append(use)
            .append("\") (param ")
            .append(c.type())
            .append(' ')
            .append(c.type())
            .append(") (result i32) (local $n i32) ")
            .append(body(use, cmp))
            .append(")\n");
      }
    }
    // ref.is_null, whose jump is IFNULL.
    w.append(
        "  (func (export \"ref/if\") (param funcref) (result i32)"
            + " (if (result i32) (ref.is_null (local.get 0)) (then (i32.const 1)) (else (i32.const"
            + " 0))))\n"
            + "  (func (export \"ref/eqz_brif\") (param funcref) (result i32)"
            + " (block $b (br_if $b (i32.eqz (ref.is_null (local.get 0)))) (return (i32.const 0)))"
            + " (i32.const 1))\n");
    return w.append(")").toString();
  }

  /** Zero, one, minus one and the extremes of each type; for floats -0, NaN and an infinity. */
  private static List<WasmValue> inputs(String type) {
    return switch (type) {
      case "i32" ->
          IntStream.of(0, 1, -1, Integer.MIN_VALUE, Integer.MAX_VALUE)
              .mapToObj(WasmValue::i32)
              .toList();
      case "i64" ->
          LongStream.of(0, 1, -1, Long.MIN_VALUE, Long.MAX_VALUE).mapToObj(WasmValue::i64).toList();
      case "f32" ->
          DoubleStream.of(0, -0d, 1, Double.NaN, Double.NEGATIVE_INFINITY)
              .mapToObj(d -> WasmValue.f32((float) d))
              .toList();
      case "f64" ->
          DoubleStream.of(0, -0d, 1, Double.NaN, Double.POSITIVE_INFINITY)
              .mapToObj(WasmValue::f64)
              .toList();
      default -> throw new IllegalArgumentException(type);
    };
  }

  @Test
  void everyComparisonGivesTheInterpretersResultHoweverItIsUsed() {
    String wat = wat();
    var module = Validator.validate(TextParser.parseModule(wat));
    int functions = COMPARISONS.size() * USES.size() + 2;
    assertEquals(functions, ModuleClasses.emit(module, "cd".repeat(32)).compiled().cardinality());
    Instance compiled = Fixtures.instance(ExecutionEngine.COMPILER, wat);
    Instance interpreted = Fixtures.instance(ExecutionEngine.INTERPRETER, wat);
    int calls = 0;
    int ones = 0;
    for (Comparison c : COMPARISONS) {
      for (String use : USES) {
        String name = c.op() + "/" + use;
        for (WasmValue a : inputs(c.type())) {
          for (WasmValue b : inputs(c.type())) {
            List<WasmValue> expected = interpreted.func(name).orElseThrow().call(a, b);
            assertEquals(
                expected, compiled.func(name).orElseThrow().call(a, b), name + " " + a + " " + b);
            calls++;
            ones += expected.get(0).equals(WasmValue.i32(1)) ? 1 : 0;
          }
        }
      }
    }
    assertEquals(functions - 2, calls / 25);
    // Both outcomes were seen, so neither branch is dead in what was compared.
    assertTrue(ones > calls / 10 && ones < calls - calls / 10, ones + " of " + calls);
    for (String name : List.of("ref/if", "ref/eqz_brif")) {
      // Null, then a function of each instance (a reference belongs to its store).
      for (boolean isNull : List.of(true, false)) {
        assertEquals(
            interpreted.func(name).orElseThrow().call(ref(interpreted, isNull)),
            compiled.func(name).orElseThrow().call(ref(compiled, isNull)),
            name + (isNull ? " null" : " non-null"));
      }
    }
  }

  private static WasmValue ref(Instance instance, boolean isNull) {
    return isNull
        ? WasmValue.nullRef(RefType.FUNCREF)
        : new WasmValue.FuncRef(instance.func("ref/if"));
  }
}
