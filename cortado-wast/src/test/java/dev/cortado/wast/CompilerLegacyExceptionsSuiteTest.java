package dev.cortado.wast;

import dev.cortado.runtime.Engine;
import dev.cortado.runtime.EngineConfig;
import dev.cortado.runtime.ExecutionEngine;

/**
 * The suite's {@code legacy/} scripts (legacy exception handling: {@code try}, {@code catch},
 * {@code catch_all}, {@code rethrow}, {@code delegate}) on the compiler, which compiles them to JVM
 * exception handlers.
 */
class CompilerLegacyExceptionsSuiteTest extends SpecSuiteTest {
  @Override
  Engine engine() {
    return Engine.create(EngineConfig.defaults().withExecutionEngine(ExecutionEngine.COMPILER));
  }

  @Override
  String folder() {
    return "legacy";
  }

  @Override
  String expectedFailuresResource() {
    return "/expected-failures/legacy-compiler.txt";
  }
}
