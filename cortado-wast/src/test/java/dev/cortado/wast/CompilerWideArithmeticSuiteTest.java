package dev.cortado.wast;

import dev.cortado.runtime.Engine;
import dev.cortado.runtime.EngineConfig;
import dev.cortado.runtime.ExecutionEngine;

/** The script of {@link InterpreterWideArithmeticSuiteTest} on the compiler. */
class CompilerWideArithmeticSuiteTest extends InterpreterWideArithmeticSuiteTest {
  @Override
  Engine engine() {
    return Engine.create(EngineConfig.defaults().withExecutionEngine(ExecutionEngine.COMPILER));
  }
}
