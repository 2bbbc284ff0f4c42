package sample;

import dev.cortado.runtime.Engine;
import dev.cortado.runtime.EngineConfig;
import dev.cortado.runtime.ExecutionEngine;
import dev.cortado.runtime.Instance;
import dev.cortado.runtime.Linker;
import dev.cortado.runtime.Module;
import dev.cortado.runtime.Store;
import java.io.InputStream;

/** Runs add.wasm from its own jar with the compiler engine; the plugin compiled it at build time. */
public final class App {
  private App() {}

  public static void main(String[] args) throws Exception {
    byte[] wasm;
    try (InputStream in = App.class.getResourceAsStream("/add.wasm")) {
      wasm = in.readAllBytes();
    }
    Engine engine =
        Engine.create(
            EngineConfig.defaults()
                .withExecutionEngine(ExecutionEngine.COMPILER)
                .withoutCodeCache());
    Instance instance = Linker.create().instantiate(Store.create(engine), Module.compile(engine, wasm));
    System.out.println(instance.func("add").orElseThrow().asIntBinary().applyAsInt(40, 2));
  }
}
