package dev.cortado.wast;

import dev.cortado.runtime.Engine;
import dev.cortado.runtime.EngineConfig;
import dev.cortado.runtime.ExecutionEngine;

/** The wide arithmetic proposal's script ({@code proposals/wide-arithmetic}) on the interpreter. */
class InterpreterWideArithmeticSuiteTest extends SpecSuiteTest {
  @Override
  Engine engine() {
    return Engine.create(EngineConfig.defaults().withExecutionEngine(ExecutionEngine.INTERPRETER));
  }

  @Override
  String folder() {
    return "proposals/wide-arithmetic";
  }

  @Override
  String expectedFailuresResource() {
    return "/expected-failures/wide-arithmetic.txt";
  }
}
