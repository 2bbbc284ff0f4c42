package dev.cortado.wast;

import dev.cortado.runtime.Engine;
import dev.cortado.runtime.EngineConfig;
import dev.cortado.runtime.ExecutionEngine;

/**
 * The Wasm 3.0 spec suite (the suite's top level only) on the interpreter. Scripts needing features
 * Cortado does not have yet are listed whole, with the feature; the list only shrinks, as a listed
 * script that passes completely fails the test.
 */
class InterpreterWasm3SuiteTest extends SpecSuiteTest {
  @Override
  Engine engine() {
    return Engine.create(EngineConfig.defaults().withExecutionEngine(ExecutionEngine.INTERPRETER));
  }

  @Override
  String folder() {
    return "";
  }

  @Override
  String expectedFailuresResource() {
    return "/expected-failures/wasm3-interpreter.txt";
  }
}
