package dev.cortado.bench;

import dev.cortado.component.Component;
import dev.cortado.component.ComponentFunction;
import dev.cortado.component.ComponentInstance;
import dev.cortado.component.ComponentLinker;
import dev.cortado.component.ComponentValue;
import dev.cortado.component.Greeter;
import dev.cortado.component.PrimitiveType;
import dev.cortado.runtime.Engine;
import dev.cortado.runtime.Func;
import dev.cortado.runtime.Linker;
import dev.cortado.runtime.Module;
import dev.cortado.runtime.Store;
import dev.cortado.runtime.WasmValue;
import dev.cortado.wasm.Bytes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a call across a component's boundary costs beside a plain core call: the host calling a
 * component's export with a string (which calls back into a host import on the way, and has a
 * post-return), with a list, and a core function's call through the same {@code Func} API. {@code
 * cortado-bench/component-bench.sh} runs it.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class ComponentCallBenchmark {
  private Func coreAdd;
  private ComponentFunction greet;
  private ComponentFunction sum;
  private ComponentValue name;
  private ComponentValue list;
  private int logged;

  /** Instantiates the core module and {@link Greeter}, and checks each call's result. */
  @Setup
  public void setup() {
    Engine engine = Engine.create();
    Module m =
        Module.compileText(
            engine,
            "(module (func (export \"add\") (param i32 i32) (result i32)"
                + " (i32.add (local.get 0) (local.get 1))))");
    coreAdd = Linker.create().instantiate(Store.create(engine), m).func("add").orElseThrow();
    ComponentLinker linker =
        ComponentLinker.create()
            .defineFunction(
                "log",
                args -> {
                  logged++;
                  return Optional.empty();
                });
    ComponentInstance g =
        linker.instantiate(Store.create(engine), Component.decode(Bytes.of(Greeter.binary())));
    greet = g.function("greet").orElseThrow();
    sum = g.function("sum").orElseThrow();
    name = new ComponentValue.Str("world");
    List<ComponentValue> xs = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      xs.add(new ComponentValue.Int(PrimitiveType.U32, i));
    }
    list = new ComponentValue.ListV(xs);
    check(greet.call(name), new ComponentValue.Str("hello, world"));
    check(sum.call(list), new ComponentValue.Int(PrimitiveType.U64, 45));
    if (coreAdd.call(WasmValue.i32(2), WasmValue.i32(3)).get(0) instanceof WasmValue.I32 r
        && r.value() != 5) {
      throw new AssertionError("add(2, 3) = " + r.value());
    }
  }

  private static void check(Optional<ComponentValue> got, ComponentValue wanted) {
    if (!got.equals(Optional.of(wanted))) {
      throw new AssertionError("got " + got + ", wanted " + wanted);
    }
  }

  /** A plain core call through {@code Func.call}: the baseline. */
  @Benchmark
  public List<WasmValue> coreCall() {
    return coreAdd.call(WasmValue.i32(2), WasmValue.i32(3));
  }

  /**
   * A component export taking and returning a string; on the way the component calls the host's
   * {@code log} import with the string, and its post-return calls it again.
   */
  @Benchmark
  public Optional<ComponentValue> componentStringCall() {
    return greet.call(name);
  }

  /** A component export taking a list of ten {@code u32}s and returning a {@code u64}. */
  @Benchmark
  public Optional<ComponentValue> componentListCall() {
    return sum.call(list);
  }
}
