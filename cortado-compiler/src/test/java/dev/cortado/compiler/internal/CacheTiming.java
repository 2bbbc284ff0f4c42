package dev.cortado.compiler.internal;

import dev.cortado.runtime.Engine;
import dev.cortado.runtime.EngineConfig;
import dev.cortado.runtime.ExecutionEngine;
import dev.cortado.runtime.Instance;
import dev.cortado.runtime.Linker;
import dev.cortado.runtime.Module;
import dev.cortado.runtime.Store;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Measures compiling a large generated module against loading it from the code cache (not a test:
 * run by hand, see RATIONALE.md). {@code CacheTiming FUNCTIONS [OUT.wasm]} also writes the module.
 */
public final class CacheTiming {
  private CacheTiming() {}

  /** Prints milliseconds per phase, after warming up. */
  public static void main(String[] args) throws Exception {
    int functions = Integer.parseInt(args[0]);
    byte[] binary = Fixtures.largeBinary(functions, 1);
    if (args.length > 1) {
      Files.write(Path.of(args[1]), binary);
    }
    Path cache = Files.createTempDirectory("cortado-timing");
    System.out.printf("module: %d functions, %d bytes%n", functions, binary.length);
    for (int round = 0; round < 5; round++) {
      String label = round < 2 ? "warm-up" : "round " + (round - 1);
      String off = fmt(time(Engine.create(config().withoutCodeCache()), binary, functions));
      Path fresh = Files.createTempDirectory(cache, "r");
      String miss = fmt(time(Engine.create(config().withCodeCache(fresh)), binary, functions));
      String hit = fmt(time(Engine.create(config().withCodeCache(fresh)), binary, functions));
      System.out.printf("%s: no cache %s | miss+write %s | hit %s%n", label, off, miss, hit);
    }
    System.out.println("cache counters: " + CacheStats.summary());
  }

  private static EngineConfig config() {
    return EngineConfig.defaults().withExecutionEngine(ExecutionEngine.COMPILER);
  }

  private static double[] last = new double[2];

  /** Returns compile ms and stores the first-call-of-every-function ms in {@link #last}. */
  private static double time(Engine engine, byte[] binary, int functions) {
    long t0 = System.nanoTime();
    Module m = Module.compile(engine, binary);
    long t1 = System.nanoTime();
    Instance i = Linker.create().instantiate(Store.create(engine), m);
    for (int f = 0; f < functions; f++) {
      i.func("g" + f).orElseThrow().asIntUnary().applyAsInt(1);
    }
    long t2 = System.nanoTime();
    last[0] = (t1 - t0) / 1e6;
    last[1] = (t2 - t1) / 1e6;
    return last[0];
  }

  private static String fmt(double compileMs) {
    return String.format("compile %.0f ms, first calls %.0f ms", compileMs, last[1]);
  }
}
