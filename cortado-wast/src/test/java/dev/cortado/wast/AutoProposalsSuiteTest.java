package dev.cortado.wast;

import dev.cortado.runtime.Engine;

/**
 * The scripts of {@link InterpreterProposalsSuiteTest} on the tiered engine, tiering up as soon as
 * each module is instantiated.
 */
class AutoProposalsSuiteTest extends InterpreterProposalsSuiteTest {
  @Override
  Engine engine() {
    return AutoWasm2SuiteTest.tieringEagerly();
  }
}
