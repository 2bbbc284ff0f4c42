package dev.cortado.bench;

import dev.cortado.runtime.Engine;
import dev.cortado.runtime.EngineConfig;
import dev.cortado.runtime.ExecutionEngine;
import dev.cortado.runtime.Func;
import dev.cortado.runtime.Linker;
import dev.cortado.runtime.Module;
import dev.cortado.runtime.Store;
import dev.cortado.runtime.WasmValue;
import dev.cortado.wasm.binary.ModuleEncoder;
import dev.cortado.wasm.text.TextParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;
import run.endive.runtime.ExportFunction;
import run.endive.runtime.Instance;
import run.endive.wasm.Parser;

/**
 * Compute kernels (WAT in {@code src/main/resources/kernels}) on Cortado's interpreter, Cortado's
 * compiler and Endive's interpreter, in the same run: the same binary, the same argument, the same
 * result checked at setup. {@code cortado-bench/kernel-bench.sh} runs it and prints the ratios.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class KernelBenchmark {
  /** The argument each kernel runs with: sized for tens of milliseconds per call. */
  private static final Map<String, Integer> ARGS =
      Map.of(
          "fib",
          27,
          "sieve",
          1_000_000,
          "matmul",
          100,
          "hash",
          8,
          "simd",
          40,
          "exceptions",
          200_000,
          "gc",
          14,
          "gcarrays",
          3_000,
          "tailcalls",
          1_000_000);

  /** Which kernel. */
  @Param({"fib", "sieve", "matmul", "hash", "simd", "exceptions", "gc", "gcarrays", "tailcalls"})
  public String kernel;

  private Func cortado;
  private Func cortadoWithFuel;
  private Func cortadoCompiler;
  private ExportFunction endive;
  private String endiveProblem;
  private int arg;

  /** Compiles the kernel for both runtimes and checks they agree. */
  @Setup
  public void setup(BenchmarkParams params) throws IOException {
    byte[] binary = ModuleEncoder.encode(TextParser.parseModule(wat(kernel)));
    arg = ARGS.get(kernel);
    Engine engine =
        Engine.create(EngineConfig.defaults().withExecutionEngine(ExecutionEngine.INTERPRETER));
    Store store = Store.create(engine);
    cortado =
        Linker.create()
            .instantiate(store, Module.compile(engine, binary))
            .func("run")
            .orElseThrow();
    // The same kernel in a store that counts fuel (with more than it will ever use), to show
    // what counting costs. Only in that benchmark's fork: fuel opens the compiled polls' gate
    // for the whole JVM (PollGate), and the compiled kernels would then be measured polling.
    if (params.getBenchmark().endsWith(".cortadoWithFuel")) {
      Store fueled = Store.create(engine);
      fueled.setFuel(Long.MAX_VALUE);
      cortadoWithFuel =
          Linker.create()
              .instantiate(fueled, Module.compile(engine, binary))
              .func("run")
              .orElseThrow();
    }
    Engine compiling =
        Engine.create(
            EngineConfig.defaults()
                .withExecutionEngine(ExecutionEngine.COMPILER)
                .withoutCodeCache());
    cortadoCompiler =
        Linker.create()
            .instantiate(Store.create(compiling), Module.compile(compiling, binary))
            .func("run")
            .orElseThrow();
    long ours = bits(cortado.call(WasmValue.i32(arg)));
    long compiled = bits(cortadoCompiler.call(WasmValue.i32(arg)));
    if (compiled != ours) {
      throw new IllegalStateException(
          kernel + ": Cortado's compiler computed " + compiled + ", its interpreter " + ours);
    }
    try {
      endive = Instance.builder(Parser.parse(binary)).build().export("run");
      long theirs = endive.apply(arg)[0];
      if (ours != theirs) {
        throw new IllegalStateException(
            kernel + ": Cortado computed " + ours + ", Endive " + theirs);
      }
    } catch (RuntimeException e) {
      if (e instanceof IllegalStateException) {
        throw e;
      }
      // A kernel Endive cannot run (a Wasm 3.0 feature it lacks): its column stays empty.
      endiveProblem = e.toString();
      endive = null;
    }
  }

  private static long bits(List<WasmValue> results) {
    return switch (results.get(0)) {
      case WasmValue.I32 v -> v.value();
      case WasmValue.F64 v -> v.bits();
      default -> throw new IllegalStateException("unexpected result " + results);
    };
  }

  private static String wat(String kernel) throws IOException {
    try (InputStream in =
        KernelBenchmark.class.getResourceAsStream("/kernels/" + kernel + ".wat")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** The kernel on Cortado's interpreter. */
  @Benchmark
  public List<WasmValue> cortado() {
    return cortado.call(WasmValue.i32(arg));
  }

  /** The kernel on Cortado's interpreter, counting fuel. */
  @Benchmark
  public List<WasmValue> cortadoWithFuel() {
    return cortadoWithFuel.call(WasmValue.i32(arg));
  }

  /** The kernel compiled to JVM bytecode by Cortado's compiler. */
  @Benchmark
  public List<WasmValue> cortadoCompiler() {
    return cortadoCompiler.call(WasmValue.i32(arg));
  }

  /** The kernel on Endive's interpreter, if it can run it. */
  @Benchmark
  public long[] endive() {
    if (endive == null) {
      throw new UnsupportedOperationException("Endive cannot run " + kernel + ": " + endiveProblem);
    }
    return endive.apply(arg);
  }
}
