package dev.cortado.wast;

import dev.cortado.runtime.Engine;
import dev.cortado.runtime.EngineConfig;
import dev.cortado.runtime.ExecutionEngine;

/**
 * The suite's {@code legacy/} scripts: the legacy exception instructions ({@code try}, {@code
 * catch}, {@code catch_all}, {@code rethrow}, {@code delegate}) on the interpreter, against their
 * own expected-failure list.
 */
class InterpreterLegacyExceptionsSuiteTest extends SpecSuiteTest {
  @Override
  Engine engine() {
    return Engine.create(EngineConfig.defaults().withExecutionEngine(ExecutionEngine.INTERPRETER));
  }

  @Override
  String folder() {
    return "legacy";
  }

  @Override
  String expectedFailuresResource() {
    return "/expected-failures/legacy-interpreter.txt";
  }
}
