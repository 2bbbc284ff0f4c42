package dev.cortado.wast;

import dev.cortado.runtime.Engine;
import dev.cortado.runtime.EngineConfig;
import dev.cortado.runtime.ExecutionEngine;

/**
 * The threads proposal's scripts (proposals/threads: atomic instructions, shared memories) on the
 * interpreter. They are written against Wasm 2.0 plus threads; Cortado accepts threads with Wasm
 * 3.0, which allows several memories, hence the two entries of the expected-failure list.
 */
class InterpreterThreadsSuiteTest extends SpecSuiteTest {
  @Override
  Engine engine() {
    return Engine.create(EngineConfig.defaults().withExecutionEngine(ExecutionEngine.INTERPRETER));
  }

  @Override
  String folder() {
    return "proposals/threads";
  }

  @Override
  String expectedFailuresResource() {
    return "/expected-failures/threads.txt";
  }
}
