package dev.cortado.wast;

import dev.cortado.runtime.Engine;
import dev.cortado.runtime.EngineConfig;
import dev.cortado.runtime.ExecutionEngine;

/** The scripts of {@link InterpreterProposalsSuiteTest} on the compiler. */
class CompilerProposalsSuiteTest extends InterpreterProposalsSuiteTest {
  @Override
  Engine engine() {
    return Engine.create(EngineConfig.defaults().withExecutionEngine(ExecutionEngine.COMPILER));
  }
}
