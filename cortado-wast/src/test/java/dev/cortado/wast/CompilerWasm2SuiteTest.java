package dev.cortado.wast;

import dev.cortado.runtime.Engine;
import dev.cortado.runtime.EngineConfig;
import dev.cortado.runtime.ExecutionEngine;
import dev.cortado.wasm.WasmVersion;

/** The Wasm 2.0 spec suite on the compiler to JVM bytecode. */
class CompilerWasm2SuiteTest extends SpecSuiteTest {
  @Override
  Engine engine() {
    return Engine.create(
        EngineConfig.defaults()
            .withExecutionEngine(ExecutionEngine.COMPILER)
            .withWasmVersion(WasmVersion.WASM_2_0));
  }

  @Override
  String folder() {
    return "pre-3.0";
  }

  @Override
  String expectedFailuresResource() {
    return "/expected-failures/wasm2-compiler.txt";
  }
}
