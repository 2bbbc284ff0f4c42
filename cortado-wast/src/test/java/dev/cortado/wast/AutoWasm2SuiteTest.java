package dev.cortado.wast;

import dev.cortado.runtime.Engine;
import dev.cortado.runtime.EngineConfig;
import dev.cortado.runtime.ExecutionEngine;
import dev.cortado.wasm.WasmVersion;

/**
 * The Wasm 2.0 spec suite on the tiered engine, tiering up as soon as each module is instantiated:
 * its functions switch from the interpreter to compiled code while the script runs, so calls, traps
 * and shared state cross the two tiers at whatever moment the background compiler finishes.
 */
class AutoWasm2SuiteTest extends SpecSuiteTest {
  @Override
  Engine engine() {
    return Engine.create(tieringEagerly().config().withWasmVersion(WasmVersion.WASM_2_0));
  }

  /**
   * Returns the tiered engine, compiling every module's functions as soon as it is instantiated.
   */
  static Engine tieringEagerly() {
    return Engine.create(
        EngineConfig.defaults()
            .withExecutionEngine(ExecutionEngine.AUTO)
            .withEagerTierUp(true)
            .withCompileFirstBelow(0));
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
