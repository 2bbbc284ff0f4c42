package dev.cortado.compiler.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cortado.runtime.Engine;
import dev.cortado.runtime.EngineConfig;
import dev.cortado.runtime.ExecutionEngine;
import dev.cortado.runtime.Instance;
import dev.cortado.runtime.Linker;
import dev.cortado.runtime.Module;
import dev.cortado.runtime.Store;
import dev.cortado.runtime.StoreConfig;
import dev.cortado.runtime.Trap;
import dev.cortado.runtime.WasmValue;
import dev.cortado.wasm.binary.ModuleEncoder;
import dev.cortado.wasm.text.TextParser;
import dev.cortado.wasm.valid.Validator;
import java.nio.file.Path;
import java.util.BitSet;

/** Modules the cache tests compile, and checks that their compiled code runs right. */
final class Fixtures {
  private Fixtures() {}

  /**
   * A module using {@code call_indirect} (whose type ids must come from the engine that runs it),
   * memory, a loop and a constant {@code k} that makes modules of different {@code k} distinct.
   */
  static String wat(int k) {
    return """
        (module
          (type $bin (func (param i32 i32) (result i32)))
          (type $un (func (param i32) (result i32)))
          (table 3 funcref)
          (elem (i32.const 0) $add $sub $sq)
          (memory 1)
          (func $add (type $bin) (i32.add (local.get 0) (local.get 1)))
          (func $sub (type $bin) (i32.sub (local.get 0) (local.get 1)))
          (func $sq (type $un) (i32.mul (local.get 0) (local.get 0)))
          (func (export "apply") (param i32 i32 i32) (result i32)
            (call_indirect (type $bin) (local.get 1) (local.get 2) (local.get 0)))
          (func (export "square") (param i32) (result i32)
            (call_indirect (type $un) (local.get 0) (i32.const 2)))
          (func (export "sum") (param $n i32) (result i32) (local $i i32) (local $s i32)
            (block $done
              (loop $next
                (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
                (i32.store (i32.const 16) (local.get $i))
                (local.set $s (i32.add (local.get $s) (i32.load (i32.const 16))))
                (local.set $i (i32.add (local.get $i) (i32.const 1)))
                (br $next)))
            (local.get $s))
          (func (export "k") (result i32) (i32.const %d)))
        """
        .formatted(k);
  }

  /**
   * A large module: {@code functions} functions, each with a loop and arithmetic, calling the next
   * one, plus the exports of {@link #wat(int)}.
   */
  static String largeWat(int functions, int k) {
    StringBuilder b = new StringBuilder(wat(k));
    b.setLength(b.lastIndexOf(")"));
    for (int f = 0; f < functions; f++) {
      b.append("\n  (func $g")
          .append(f)
          .append(" (export \"g")
          .append(f)
          .append("\") (param $x i32) (result i32) (local $i i32)\n")
          .append("    (loop $l\n")
          .append("      (local.set $x (i32.add (i32.mul (local.get $x) (i32.const ")
          .append(f * 2 + 3)
          .append(")) (i32.xor (local.get $i) (i32.const ")
          .append(f)
          .append("))))\n")
          .append("      (local.set $i (i32.add (local.get $i) (i32.const 1)))\n")
          .append("      (br_if $l (i32.lt_u (local.get $i) (i32.const 3))))\n")
          .append(
              f + 1 < functions
                  ? "    (if (result i32) (i32.eqz (i32.and (local.get $x) (i32.const 7)))\n"
                      + "      (then (call $g"
                      + (f + 1)
                      + " (local.get $x)))\n"
                      + "      (else (local.get $x))))"
                  : "    (local.get $x))")
          .append('\n');
    }
    return b.append(")\n").toString();
  }

  /** The binary of {@link #largeWat(int, int)}. */
  static byte[] largeBinary(int functions, int k) {
    return ModuleEncoder.encode(TextParser.parseModule(largeWat(functions, k)));
  }

  /** The binary of {@link #wat(int)}. */
  static byte[] binary(int k) {
    return ModuleEncoder.encode(TextParser.parseModule(wat(k)));
  }

  /** Returns a compiler engine caching in {@code cache}. */
  static Engine engine(Path cache) {
    return Engine.create(
        EngineConfig.defaults().withExecutionEngine(ExecutionEngine.COMPILER).withCodeCache(cache));
  }

  /**
   * Returns {@code n} statements adding {@code $i * k} to {@code $acc} for {@code k} from 1 to
   * {@code n}: code enough to cut a function into pieces. They add {@link #sum}{@code (i, n)}.
   */
  static String work(int n) {
    StringBuilder b = new StringBuilder();
    for (int k = 1; k <= n; k++) {
      b.append("(local.set $acc (i32.add (local.get $acc) (i32.mul (local.get $i) (i32.const ")
          .append(k)
          .append("))))\n");
    }
    return b.toString();
  }

  /** Returns what {@link #work}{@code (n)} adds for {@code i}. */
  static int sum(int i, int n) {
    return i * n * (n + 1) / 2;
  }

  /** Returns an instance of module {@code wat}, without imports, on engine {@code kind}. */
  static Instance instance(ExecutionEngine kind, String wat) {
    Engine engine =
        Engine.create(EngineConfig.defaults().withExecutionEngine(kind).withoutCodeCache());
    Store store = Store.create(engine, StoreConfig.defaults());
    return Linker.create().instantiate(store, Module.compileText(engine, wat));
  }

  /**
   * Returns an instance of module {@code wat}, without imports, on engine {@code kind}; on {@code
   * AUTO}, its functions compiled as soon as it is instantiated.
   */
  static Instance eagerInstance(ExecutionEngine kind, String wat) {
    Engine engine =
        Engine.create(
            EngineConfig.defaults()
                .withExecutionEngine(kind)
                .withEagerTierUp(true)
                .withoutCodeCache());
    return Linker.create().instantiate(Store.create(engine), Module.compileText(engine, wat));
  }

  /** Asserts that export {@code name} of {@code wat} gives, compiled, the interpreter's results. */
  static void assertCompiledAgrees(String wat, String name, int... args) {
    Instance compiled = instance(ExecutionEngine.COMPILER, wat);
    Instance interpreted = instance(ExecutionEngine.INTERPRETER, wat);
    for (int x : args) {
      assertEquals(
          interpreted.func(name).orElseThrow().call(WasmValue.i32(x)),
          compiled.func(name).orElseThrow().call(WasmValue.i32(x)),
          name + "(" + x + ")");
    }
  }

  /** Returns a compiler engine without a code cache. */
  static Engine compilerEngine() {
    return Engine.create(
        EngineConfig.defaults().withExecutionEngine(ExecutionEngine.COMPILER).withoutCodeCache());
  }

  /** Checks that the compiler compiles every defined function of module {@code wat}. */
  static void assertEveryFunctionCompiled(String wat) {
    var module = TextParser.parseModule(wat);
    BitSet compiled = ModuleClasses.emit(Validator.validate(module), "cd".repeat(32)).compiled();
    BitSet all = new BitSet();
    all.set(0, module.functions().size());
    assertEquals(all, compiled);
  }

  /**
   * Returns an engine that has given out type ids to other types first, so that its ids for the
   * fixture's types differ from a fresh engine's.
   */
  static Engine engineWithShiftedTypeIds(Path cache) {
    Engine e = engine(cache);
    Module.compileText(
        e,
        """
        (module
          (func (param f64) (result f64) (local.get 0))
          (func (param i64 i64) (result i64) (local.get 0))
          (func (param f32) (local.get 0) (drop)))
        """);
    return e;
  }

  /** Instantiates the fixture module and checks what each export computes. */
  static void check(Module module, int k) {
    Instance i = Linker.create().instantiate(Store.create(module.engine()), module);
    assertEquals(7, value(i.func("apply").orElseThrow().call(ints(0, 3, 4)).get(0)));
    assertEquals(-1, value(i.func("apply").orElseThrow().call(ints(1, 3, 4)).get(0)));
    assertEquals(81, i.func("square").orElseThrow().asIntUnary().applyAsInt(9));
    assertEquals(4950, i.func("sum").orElseThrow().asIntUnary().applyAsInt(100));
    assertEquals(k, i.func("k").orElseThrow().asIntSupplier().getAsInt());
    // Element 2 is (i32) -> i32: calling it as (i32, i32) -> i32 must trap.
    assertThrows(Trap.class, () -> i.func("apply").orElseThrow().call(ints(2, 3, 4)));
  }

  private static int value(WasmValue v) {
    return ((WasmValue.I32) v).value();
  }

  private static WasmValue[] ints(int... v) {
    WasmValue[] out = new WasmValue[v.length];
    for (int j = 0; j < v.length; j++) {
      out[j] = WasmValue.i32(v[j]);
    }
    return out;
  }
}
