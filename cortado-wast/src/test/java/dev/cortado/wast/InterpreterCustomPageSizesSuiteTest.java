package dev.cortado.wast;

import dev.cortado.runtime.Engine;
import dev.cortado.runtime.EngineConfig;
import dev.cortado.runtime.ExecutionEngine;

/**
 * The custom page sizes proposal's scripts ({@code proposals/custom-page-sizes}) on the
 * interpreter.
 */
class InterpreterCustomPageSizesSuiteTest extends SpecSuiteTest {
  @Override
  Engine engine() {
    return Engine.create(EngineConfig.defaults().withExecutionEngine(ExecutionEngine.INTERPRETER));
  }

  @Override
  String folder() {
    return "proposals/custom-page-sizes";
  }

  @Override
  String expectedFailuresResource() {
    return "/expected-failures/custom-page-sizes.txt";
  }
}
